import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../core/errors.ts';
import { classifyAddress } from './classify-address.ts';
import { type FetchPolicy, fetchWith, type SafeFetchOptions, safeFetch } from './safe-fetch.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A loopback server whose routes the tests set; it records every request it receives. */
async function loopbackServer(routes: Record<string, Handler>) {
  const seen: Array<{ path: string; headers: http.IncomingHttpHeaders }> = [];
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const route = routes[(req.url ?? '').split('?')[0] ?? ''];
    if (route) route(req, res);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    seen,
    port,
    url: (p: string) => `http://127.0.0.1:${port}${p}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const ALLOW: SafeFetchOptions = { allowPrivate: true, timeoutMs: 2000, maxBytes: 1_000_000 };
const DENY: SafeFetchOptions = { ...ALLOW, allowPrivate: false };

/** The reason an AppError from safeFetch gives (details.reason), for assert.rejects. */
function refusal(reason: string) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, 'bad_request');
    assert.equal(error.details?.reason, reason);
    return true;
  };
}

/**
 * A policy under which 127.0.0.1 counts as public (standing in for an outside web server) while
 * every other address keeps its real class, and `data.example.test` resolves to 127.0.0.1.
 */
const pretendPublic: FetchPolicy = {
  classify: (a) => (a === '127.0.0.1' ? 'public' : classifyAddress(a)),
  resolve: async (host) => {
    if (host === 'data.example.test') return [{ address: '127.0.0.1', family: 4 }];
    throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  },
};

describe('safeFetch', () => {
  let s: Awaited<ReturnType<typeof loopbackServer>>;
  let other: Awaited<ReturnType<typeof loopbackServer>>;
  const big = Buffer.alloc(200_000, 'a');

  before(async () => {
    other = await loopbackServer({
      '/whoami': (req, res) => res.end(JSON.stringify({ auth: req.headers.authorization ?? null })),
    });
    s = await loopbackServer({
      '/data.csv': (_req, res) =>
        res
          .writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' })
          .end('名称,緯度\r\n札幌,43\r\n'),
      '/json': (_req, res) => res.end('{"ok":true}'),
      '/sjis': (_req, res) =>
        res
          .writeHead(200, { 'Content-Type': 'text/plain; charset=shift_jis' })
          .end(Buffer.from([0x8e, 0x44, 0x96, 0x79])),
      '/moved': (_req, res) => res.writeHead(302, { Location: '/data.csv' }).end(),
      '/loop': (_req, res) => res.writeHead(302, { Location: '/loop' }).end(),
      '/to-file': (_req, res) => res.writeHead(302, { Location: 'file:///etc/passwd' }).end(),
      '/to-other': (_req, res) => res.writeHead(307, { Location: other.url('/whoami') }).end(),
      '/to-loopback-v6': (_req, res) =>
        res.writeHead(302, { Location: `http://[::1]:${other.port}/whoami` }).end(),
      '/to-metadata': (_req, res) =>
        res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      '/to-localhost': (_req, res) =>
        res.writeHead(302, { Location: `http://127.0.0.2:${other.port}/whoami` }).end(),
      '/declared-big': (_req, res) => {
        res.writeHead(200, { 'Content-Length': String(10_000_000) });
        res.write('x');
      },
      '/chunked-big': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end(big);
      },
      '/silent': () => undefined,
      '/slow-body': (_req, res) => {
        res.writeHead(200);
        res.write('start');
      },
      '/host': (req, res) => res.end(req.headers.host ?? ''),
    });
  });
  after(async () => {
    await s.close();
    await other.close();
  });

  it('fetches from a loopback server when private addresses are allowed', async () => {
    const res = await safeFetch(s.url('/data.csv'), ALLOW);
    assert.deepEqual(
      [res.status, res.url, res.headers['content-type'], await res.text()],
      [200, s.url('/data.csv'), 'text/csv; charset=utf-8', '名称,緯度\r\n札幌,43\r\n'],
    );
  });

  it('decodes text in the charset the server declares', async () => {
    const res = await safeFetch(s.url('/sjis'), ALLOW);
    assert.equal(await res.text(), '札幌');
  });

  it('parses a JSON body', async () => {
    assert.deepEqual(await (await safeFetch(s.url('/json'), ALLOW)).json(), { ok: true });
  });

  it('refuses a loopback address unless private addresses are allowed, without connecting', async () => {
    const before = s.seen.length;
    await assert.rejects(safeFetch(s.url('/data.csv'), DENY), refusal('private_address'));
    assert.equal(s.seen.length, before);
  });

  it('refuses a host name that resolves to loopback', async () => {
    await assert.rejects(
      safeFetch(`http://localhost:${s.port}/data.csv`, DENY),
      refusal('private_address'),
    );
  });

  it('refuses the IPv4-mapped IPv6 form of loopback and the metadata address', async () => {
    await assert.rejects(
      safeFetch(`http://[::ffff:127.0.0.1]:${s.port}/`, DENY),
      refusal('private_address'),
    );
    await assert.rejects(
      safeFetch('http://169.254.169.254/latest/meta-data/', DENY),
      refusal('private_address'),
    );
  });

  it('refuses decimal, hexadecimal and short spellings of loopback and 0.0.0.0', async () => {
    for (const host of ['2130706433', '0x7f.1', '127.1', '0', '[::]']) {
      await assert.rejects(
        safeFetch(`http://${host}:${s.port}/data.csv`, DENY),
        refusal('private_address'),
        host,
      );
    }
  });

  it('refuses schemes other than http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.jp/a.csv', 'gopher://x/']) {
      await assert.rejects(safeFetch(url, ALLOW), refusal('scheme'));
    }
  });

  it('refuses a URL with a user name or password, and one that is not a URL', async () => {
    await assert.rejects(
      safeFetch(`http://u:p@127.0.0.1:${s.port}/`, ALLOW),
      refusal('credentials'),
    );
    await assert.rejects(safeFetch('not a url', ALLOW), refusal('bad_url'));
  });

  it('follows a redirect and reports the final URL', async () => {
    const res = await safeFetch(s.url('/moved'), ALLOW);
    assert.deepEqual([res.status, res.url], [200, s.url('/data.csv')]);
    await res.text();
  });

  it('stops after the redirect limit', async () => {
    await assert.rejects(
      safeFetch(s.url('/loop'), { ...ALLOW, maxRedirects: 3 }),
      refusal('too_many_redirects'),
    );
  });

  it('refuses a redirect to a file: URL', async () => {
    await assert.rejects(safeFetch(s.url('/to-file'), ALLOW), refusal('scheme'));
  });

  it('re-checks every redirect: a public server may not send the fetch to loopback or metadata', async () => {
    const before = other.seen.length;
    for (const p of ['/to-localhost', '/to-loopback-v6', '/to-metadata']) {
      await assert.rejects(fetchWith(s.url(p), DENY, pretendPublic), refusal('private_address'), p);
    }
    assert.equal(other.seen.length, before);
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    const res = await fetchWith(`http://data.example.test:${s.port}/host`, DENY, pretendPublic);
    assert.equal(await res.text(), `data.example.test:${s.port}`);
  });

  it('does not carry the Authorization header to another origin', async () => {
    const res = await safeFetch(s.url('/to-other'), {
      ...ALLOW,
      headers: { Authorization: 'secret-token' },
    });
    assert.deepEqual(await res.json(), { auth: null });
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    await assert.rejects(
      safeFetch(s.url('/declared-big'), { ...ALLOW, maxBytes: 1000 }),
      refusal('too_large'),
    );
  });

  it('errors the body stream once an undeclared body passes the limit', async () => {
    const res = await safeFetch(s.url('/chunked-big'), { ...ALLOW, maxBytes: 50_000 });
    await assert.rejects(res.text(), refusal('too_large'));
  });

  it('streams a body within the limit intact', async () => {
    const res = await safeFetch(s.url('/chunked-big'), ALLOW);
    const hash = createHash('sha256');
    for await (const chunk of res.body) hash.update(chunk as Buffer);
    assert.equal(hash.digest('hex'), createHash('sha256').update(big).digest('hex'));
  });

  it('times out a server that never answers', async () => {
    const started = Date.now();
    await assert.rejects(
      safeFetch(s.url('/silent'), { ...ALLOW, timeoutMs: 300 }),
      refusal('timeout'),
    );
    assert.ok(Date.now() - started < 2000);
  });

  it('times out a body that stops arriving, within the same deadline', async () => {
    const res = await safeFetch(s.url('/slow-body'), { ...ALLOW, timeoutMs: 300 });
    await assert.rejects(res.text(), refusal('timeout'));
  });

  it('reports a refused connection as a fetch error, not a crash', async () => {
    const closed = await loopbackServer({});
    const url = closed.url('/');
    await closed.close();
    await assert.rejects(safeFetch(url, ALLOW), refusal('connect'));
  });

  it('answers HEAD with the headers and an empty body', async () => {
    const res = await safeFetch(s.url('/data.csv'), { ...ALLOW, method: 'HEAD' });
    assert.deepEqual([res.status, await res.text()], [200, '']);
  });
});
