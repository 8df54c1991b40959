// The hostile-input corpus (issue 8): every case from file-cases.ts and request-cases.ts, run
// against a real platform on each backend. Each case has an expected outcome; after the run the
// server still answers and the data stored before it is unchanged (data lost = 0).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../src/api/index.ts';
import { drainQueue } from '../../src/ingest/index.ts';
import type { Platform } from '../../src/platform/index.ts';
import { type ValidationReport, validateBytes } from '../../src/schemas/index.ts';
import { openDatastorePlatform } from '../../src/datastore/testing/fixtures.ts';
import {
  buildPackage,
  createTestUsers,
  TEST_UPLOAD_LIMIT,
  type TestUsers,
  testBackends,
} from '../support/backends.ts';
import { type FileCase, fileCases } from './file-cases.ts';
import { type CorpusEnv, requestCases } from './request-cases.ts';

const FILES = fileCases();
const REQUESTS = requestCases();

/** Checks a report against a file case's expectation; returns what differs. */
function mismatches(c: FileCase, r: ValidationReport): string[] {
  const out: string[] = [];
  const e = c.expect;
  if (r.readable !== e.readable) out.push(`readable ${r.readable}`);
  if (e.valid !== undefined && r.valid !== e.valid) out.push(`valid ${r.valid}`);
  if (e.encoding !== undefined && r.encoding !== e.encoding) out.push(`encoding ${r.encoding}`);
  if (e.format !== undefined && r.format !== e.format) out.push(`format ${r.format}`);
  if (e.schema !== undefined && !r.schema?.id.endsWith(`-${e.schema}`))
    out.push(`schema ${r.schema?.id}`);
  for (const code of e.codes ?? []) {
    // An unreadable file has one `unreadable` issue whose reason starts with the read error code.
    const found =
      (r.summary.byCode[code] ?? 0) > 0 ||
      r.issues.some((i) => i.code === 'unreadable' && i.message.en.includes(`(${code}:`));
    if (!found) out.push(`no ${code} (has ${Object.keys(r.summary.byCode).join(' ')})`);
  }
  if (!r.readable && r.issues[0]?.message.ja === undefined) out.push('no Japanese message');
  return out;
}

describe('corpus: hostile files through the validator', () => {
  test(`${FILES.length} files each give their expected report, none throws`, async (t) => {
    const failures: string[] = [];
    for (const c of FILES) {
      try {
        const report = await validateBytes(c.bytes, { fileName: c.fileName, lang: 'ja' });
        const diff = mismatches(c, report);
        if (diff.length > 0) failures.push(`${c.id}: ${diff.join(', ')}`);
      } catch (error) {
        failures.push(`${c.id}: threw ${(error as Error).message}`);
      }
    }
    t.diagnostic(`files: ${FILES.length} tried, ${FILES.length - failures.length} as expected`);
    assert.deepEqual(failures, []);
  });
});

for (const backend of testBackends()) {
  describe(`corpus: hostile requests on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let u: TestUsers;
    let env: CorpusEnv;
    let before_: string;

    /** Everything a case could damage: the public dataset and its rows, the private ones. */
    const fingerprint = async () => {
      const show = (await p.call('package_show', { id: env.datasetName }, u.sysadmin)) as Record<
        string,
        unknown
      >;
      const rows = await p.call(
        'datastore_search',
        { resource_id: env.resourceId, limit: 1000, sort: '_id' },
        u.sysadmin,
      );
      const priv = await p.call(
        'datastore_search',
        { resource_id: env.privateResourceId },
        u.sysadmin,
      );
      const { metadata_modified: _m, ...stable } = show;
      return JSON.stringify([stable, rows, priv]);
    };

    before(async () => {
      p = await openDatastorePlatform(backend);
      app = createApp(p);
      u = await createTestUsers(p);
      const secret = `極秘-${Math.random().toString(36).slice(2)}`;
      const pub = (await p.call(
        'package_create',
        buildPackage({ name: 'corpus-canary', title: 'カナリア' }),
        u.editor,
      )) as { id: string };
      const table = (await p.call(
        'datastore_create',
        {
          resource: { package_id: pub.id, name: 'rows' },
          fields: [
            { id: '名称', type: 'text' },
            { id: '台数', type: 'int' },
          ],
          records: [
            { 名称: '札幌市役所', 台数: 2 },
            { 名称: 'O\'Brien "quoted"', 台数: 1 },
          ],
          primary_key: ['名称'],
        },
        u.editor,
      )) as { resource_id: string };
      const priv = (await p.call(
        'package_create',
        buildPackage({ name: 'corpus-private', title: secret, private: true }),
        u.editor,
      )) as { id: string };
      const privTable = (await p.call(
        'datastore_create',
        {
          resource: { package_id: priv.id, name: secret },
          fields: [{ id: '名称', type: 'text' }],
          records: [{ 名称: secret }],
        },
        u.editor,
      )) as { resource_id: string };
      env = {
        datasetName: 'corpus-canary',
        resourceId: table.resource_id,
        privateResourceId: privTable.resource_id,
        privateDatasetName: 'corpus-private',
        secret,
        tokens: {
          editor: u.tokens.editor,
          otherOrgEditor: u.tokens.otherOrgEditor,
          sysadmin: u.tokens.sysadmin,
        },
      };
      before_ = await fingerprint();
    });
    after(() => p?.close());

    test(`${REQUESTS.length} hostile requests get their expected status, never a 500 or a leak`, async (t) => {
      const failures: string[] = [];
      for (const [n, c] of REQUESTS.entries()) {
        const { path, init } = c.build(env);
        const res = await app.request(path, init);
        const body = await res.text();
        if (process.env.S5_CORPUS_TRACE)
          process.stderr.write(`${c.id} ${res.status} ${body.slice(0, 120)}\n`);
        if (!c.status.includes(res.status))
          failures.push(`${c.id}: ${res.status} ${body.slice(0, 160)}`);
        try {
          c.check?.(body, env);
        } catch (error) {
          failures.push(`${c.id}: ${(error as Error).message}`);
        }
        if (n % 25 === 0)
          assert.equal((await app.request('/api/3/action/status_show')).status, 200);
      }
      t.diagnostic(
        `requests: ${REQUESTS.length} tried, ${REQUESTS.length - failures.length} as expected`,
      );
      assert.deepEqual(failures, []);
      assert.ok(
        !existsSync('/tmp/s5-corpus.db') && !existsSync('/tmp/s5-corpus-copy.db'),
        'no file was written by SQL',
      );
    });

    test('upload file names with paths, control characters and markup are stored under safe names', async () => {
      const names = [
        '../../etc/passwd',
        '..\\..\\windows\\win.ini',
        '/etc/shadow',
        'C:\\x.csv',
        'a\u0000b\u001b.csv',
        `${'長'.repeat(300)}.csv`,
        '<script>alert(1)</script>.csv',
        '.htaccess',
        '',
      ];
      for (const name of names) {
        const form = new FormData();
        form.append('package_id', env.datasetName);
        form.append('name', 'upload');
        form.append('upload', new File(['a,b\r\n1,2\r\n'], name, { type: 'text/csv' }));
        const res = await app.request('/api/3/action/resource_create', {
          method: 'POST',
          body: form,
          headers: { Authorization: u.tokens.editor },
        });
        // A name the multipart parser cannot read is refused as a whole (400), never stored raw.
        // An empty name is not a file at all (409 on `upload`).
        if (res.status === 400 || (name === '' && res.status === 409)) continue;
        assert.equal(res.status, 200, `upload named ${JSON.stringify(name)}`);
        const r = ((await res.json()) as { result: { url: string; id: string } }).result;
        const stored = decodeURIComponent(r.url.split('/').pop() ?? '');
        assert.ok(
          ![...stored].some((ch) => ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20) &&
            !stored.startsWith('.') &&
            stored.length <= 200,
          `stored as ${JSON.stringify(stored)}`,
        );
        const download = await app.request(new URL(r.url).pathname);
        assert.equal(download.status, 200);
        assert.equal(await download.text(), 'a,b\r\n1,2\r\n');
        await p.call('resource_delete', { id: r.id }, u.editor);
      }
    });

    test('every small corpus file uploaded and ingested ends done or failed with a reason, never hung', async () => {
      const pkg = (await p.call(
        'package_create',
        buildPackage({ name: 'corpus-ingest' }),
        u.editor,
      )) as { id: string };
      const small = FILES.filter((f) => f.bytes.length <= TEST_UPLOAD_LIMIT);
      let done = 0;
      let failed = 0;
      for (const c of small) {
        const form = new FormData();
        form.append('package_id', pkg.id);
        form.append('name', c.id);
        form.append('upload', new File([Buffer.from(c.bytes)], c.fileName));
        const res = await app.request('/api/3/action/resource_create', {
          method: 'POST',
          body: form,
          headers: { Authorization: u.tokens.editor },
        });
        assert.equal(res.status, 200, c.id);
        const { id } = ((await res.json()) as { result: { id: string } }).result;
        await p.call('s5_resource_ingest', { id }, u.editor);
        await drainQueue({ db: p.db, files: p.files, now: () => p.clock.now() });
        const versions = (await p.call('s5_resource_versions', { id }, u.editor)) as Array<{
          status: string;
          error: string | null;
        }>;
        const last = versions.at(-1) ?? versions[0];
        assert.ok(last, `${c.id}: a version is recorded`);
        if (last.status === 'failed') {
          failed += 1;
          assert.ok(last.error && last.error.length > 0, `${c.id}: a failed load says why`);
        } else done += 1;
        if (!c.expect.readable)
          assert.equal(last.status, 'failed', `${c.id} is unreadable: its load must fail`);
      }
      assert.equal(done + failed, small.length);
    });

    test('concurrent conflicting updates leave one of the written states, whole', async () => {
      const titles = Array.from({ length: 12 }, (_, i) => `同時更新 ${i}`);
      const { id } = (await p.call(
        'package_create',
        buildPackage({ name: 'corpus-race' }),
        u.editor,
      )) as { id: string };
      const results = await Promise.allSettled(
        titles.map((title, i) =>
          p.call('package_patch', { id, title, notes: `notes ${i}` }, u.editor),
        ),
      );
      assert.ok(results.some((r) => r.status === 'fulfilled'));
      const final = (await p.call('package_show', { id })) as { title: string; notes: string };
      const i = titles.indexOf(final.title);
      assert.ok(i >= 0, `final title ${final.title}`);
      assert.equal(final.notes, `notes ${i}`, 'title and notes come from the same update');
      const found = (await p.call('package_search', {
        q: final.title,
        fq: 'name:corpus-race',
      })) as { count: number };
      assert.equal(found.count, 1, 'the search index agrees with the stored dataset');
    });

    test('after the whole corpus nothing stored before it was lost or altered', async () => {
      assert.equal(await fingerprint(), before_);
      assert.equal((await app.request('/api/3/action/status_show')).status, 200);
    });
  });
}

/** Sends raw bytes to the server and returns the status line, or `closed`/`timeout`. */
function rawRequest(port: number, text: string, waitMs = 5000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(answer.split('\r\n')[0] || 'timeout');
    }, waitMs);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer.split('\r\n')[0] || 'closed');
    });
    socket.on('error', () => undefined);
    socket.write(text);
  });
}

describe('corpus: lying and hostile requests on a real socket', () => {
  let p: Platform;
  let server: ServerType;
  let port = 0;
  before(async () => {
    const [sqlite] = testBackends();
    p = await (sqlite?.open() ?? Promise.reject(new Error('no backend')));
    const app = createApp(p);
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        port = info.port;
        resolve();
      });
    });
  });
  after(async () => {
    server?.close();
    await p?.close();
  });

  test('a body declared as 1 GB but 3 bytes long is refused at once, and the server answers on', async () => {
    const start = Date.now();
    const status = await rawRequest(
      port,
      'POST /api/3/action/package_search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{}\n',
    );
    assert.match(status, /^HTTP\/1\.1 413/);
    assert.ok(Date.now() - start < 4000, 'no waiting for the missing bytes');
    const upload = await rawRequest(
      port,
      'POST /api/3/action/resource_create HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000000\r\n\r\n--b',
    );
    assert.match(upload, /^HTTP\/1\.1 (403|409|413)/);
    const ok = await rawRequest(
      port,
      'GET /api/3/action/status_show HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    assert.match(ok, /^HTTP\/1\.1 200/);
  });

  test('garbage instead of HTTP is dropped without harming the server', async () => {
    const answer = await rawRequest(
      port,
      '\u0000\u0001\u0002 NOT HTTP AT ALL\r\n\r\n'.repeat(50),
      2000,
    );
    assert.match(answer, /^(HTTP\/1\.1 400|closed|timeout)/);
    const ok = await rawRequest(
      port,
      'GET /api/3/action/status_show HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    assert.match(ok, /^HTTP\/1\.1 200/);
  });
});
