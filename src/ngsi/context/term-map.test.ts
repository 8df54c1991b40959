import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { AppError } from '../../core/errors.ts';
import { problemOf } from '../errors.ts';
import { CORE_CONTEXT_URL, coreContextDocument } from './core-context.ts';
import { isAllowedContextUrl } from './fetch-context.ts';
import { contextFromLink, contextLink } from './link-header.ts';
import { ContextResolver } from './resolve-context.ts';

const USER_URL = 'https://example.org/ctx.jsonld';
const USER = {
  '@context': {
    Building: 'https://example.org/vocab#Building',
    name: 'https://example.org/vocab#name',
    ex: 'https://example.org/vocab#',
    short: { '@id': 'https://example.org/vocab#name', '@type': '@id' },
  },
};

function resolver(fetched: string[] = []) {
  return new ContextResolver({
    fetcher: async (url) => {
      fetched.push(url);
      if (url === USER_URL) return USER;
      throw new AppError('bad_request', `no ${url}`, {
        details: { problem: 'LdContextNotAvailable' },
      });
    },
    store: { findByUrl: async () => undefined, saveCached: async () => {} },
  });
}

/** What the jsonld processor itself makes of a property name under a context. */
async function jsonldExpand(context: unknown[], term: string): Promise<string | undefined> {
  const loader = async (url: string) => ({
    contextUrl: undefined,
    documentUrl: url,
    document: url === USER_URL ? USER : coreContextDocument(),
  });
  // The loader option's type in @types/jsonld is older than the library; this is its 9.x shape.
  const expand = jsonld.expand as unknown as (
    doc: unknown,
    options: { documentLoader: typeof loader },
  ) => Promise<Array<Record<string, unknown>>>;
  const out = await expand(
    { '@context': [...context, CORE_CONTEXT_URL], [term]: 'v' },
    {
      documentLoader: loader,
    },
  );
  return Object.keys(out[0] ?? {})[0];
}

describe('@context terms', () => {
  it('expands names like the jsonld processor does', async () => {
    const terms = await resolver().termsFor(USER_URL);
    const name = fc.oneof(
      fc.constantFrom(
        'name',
        'Building',
        'location',
        'observedAt',
        'ex:thing',
        'ngsi-ld:x',
        'urn:a:b',
      ),
      fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/),
    );
    await fc.assert(
      fc.asyncProperty(name, async (t) => {
        const expected = await jsonldExpand([USER_URL], t);
        // jsonld drops names that expand to keywords; the broker refuses those itself.
        if (expected !== undefined) assert.equal(terms.expand(t), expected);
      }),
      { numRuns: 200 },
    );
  });

  it('compacts back to the name the context defines, the vocab suffix, or a compact IRI', async () => {
    const terms = await resolver().termsFor(USER_URL);
    assert.equal(terms.compact('https://example.org/vocab#name'), 'name');
    assert.equal(terms.compact('https://uri.etsi.org/ngsi-ld/default-context/speed'), 'speed');
    assert.equal(terms.compact('https://uri.etsi.org/ngsi-ld/location'), 'location');
    assert.equal(terms.compact('https://example.org/vocab#other'), 'ex:other');
    assert.equal(terms.compact('https://elsewhere.example/x'), 'https://elsewhere.example/x');
    const core = await resolver().termsFor(undefined);
    // A vocab suffix that is a term of another meaning must not be used.
    assert.equal(
      (await resolver().termsFor(USER_URL)).compact(
        'https://uri.etsi.org/ngsi-ld/default-context/name',
      ),
      'ngsi-ld:default-context/name',
    );
    assert.equal(core.compact('https://example.org/vocab#name'), 'https://example.org/vocab#name');
  });

  it('round-trips every name through expand and compact', async () => {
    const terms = await resolver().termsFor(USER_URL);
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/), async (t) => {
        assert.equal(terms.expand(terms.compact(terms.expand(t))), terms.expand(t));
      }),
    );
  });

  it('fetches a context once and answers later requests from memory', async () => {
    const fetched: string[] = [];
    const r = resolver(fetched);
    await r.termsFor(USER_URL);
    await r.termsFor([USER_URL]);
    await r.termsFor(USER_URL);
    assert.deepEqual(fetched, [USER_URL]);
  });

  it('never fetches the core context', async () => {
    const fetched: string[] = [];
    await resolver(fetched).termsFor([
      'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.6.jsonld',
    ]);
    assert.deepEqual(fetched, []);
  });

  it('answers LdContextNotAvailable for a context that cannot be had', async () => {
    await assert.rejects(
      resolver().termsFor(
        'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-non-existing.jsonld',
      ),
      (e) => problemOf(e) === 'LdContextNotAvailable',
    );
  });

  it('answers BadRequestData for an invalid context', async () => {
    await assert.rejects(
      resolver().termsFor([{ x: { '@id': 5 } }]),
      (e) => problemOf(e) === 'BadRequestData',
    );
    await assert.rejects(resolver().termsFor(42), (e) => problemOf(e) === 'BadRequestData');
  });
});

describe('which @context URLs may be fetched', () => {
  it('allows only http(s) URLs of listed hosts', () => {
    const hosts = ['contexts.example.org', '127.0.0.1:8087'];
    assert.ok(isAllowedContextUrl('https://contexts.example.org/a.jsonld', hosts));
    assert.ok(isAllowedContextUrl('http://127.0.0.1:8087/a.jsonld', hosts));
    assert.ok(!isAllowedContextUrl('http://127.0.0.1:9999/a.jsonld', hosts));
    assert.ok(!isAllowedContextUrl('http://localhost/a.jsonld', hosts));
    assert.ok(!isAllowedContextUrl('http://169.254.169.254/latest/meta-data', hosts));
    assert.ok(!isAllowedContextUrl('file:///etc/passwd', ['']));
    assert.ok(!isAllowedContextUrl('https://user:pw@contexts.example.org/a', hosts));
    assert.ok(!isAllowedContextUrl('https://contexts.example.org.evil.test/a', hosts));
  });

  it('refuses loopback unless it is listed, whatever the list holds otherwise', () => {
    assert.ok(!isAllowedContextUrl('http://127.0.0.1/a.jsonld', ['example.org']));
    assert.ok(!isAllowedContextUrl('http://[::1]/a.jsonld', []));
  });
});

describe('Link headers', () => {
  it('reads the @context link and writes one back', () => {
    const header = contextLink('https://example.org/ctx.jsonld');
    assert.equal(contextFromLink(header), 'https://example.org/ctx.jsonld');
    assert.equal(contextFromLink('<https://a/b>; rel="next"'), undefined);
    assert.equal(contextFromLink(`${header}, ${header}`), null);
  });
});
