import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../core/action.ts';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  TEST_UPLOAD_LIMIT,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import { drainQueue } from './index.ts';

const REAL = path.resolve(import.meta.dirname, '../../test/fixtures/real-csv');
const AED = readFileSync(path.join(REAL, 'yaizu_222127_aed.csv'));
const NOUEN = readFileSync(path.join(REAL, 'yaizu_222127_nouen.csv'));

interface JobDict {
  id: string;
  kind: string;
  state: string;
  error: string | null;
}
interface ResourceDict {
  id: string;
  url: string;
  url_type: string | null;
  source_url?: string;
  hash: string;
  size: number;
  datastore_active?: boolean;
}

for (const backend of testBackends()) {
  describe(`s5_resource_fetch (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let server: http.Server;
    let base: string;
    let packageId: string;
    let current = AED;

    /** Calls an action with the site's fetch setting given (tests fetch from loopback). */
    const call = (name: string, input: unknown, actor: Actor, allowPrivate = true) =>
      p.registry.call(
        name,
        { ...p.context(actor), site: { ...p.site, fetchAllowPrivate: allowPrivate } },
        input,
      );
    const link = async (url: string) =>
      ((await call('resource_create', { package_id: packageId, url }, u.editor)) as ResourceDict)
        .id;
    /** Queues the fetch and waits for the background queue (fetch, then ingest) to finish. */
    const fetchNow = async (id: string, allowPrivate = true) => {
      const job = (await call('s5_resource_fetch', { id }, u.editor, allowPrivate)) as JobDict;
      await drainQueue({ db: p.db, files: p.files, now: () => new Date() });
      return (await p.call('s5_job_show', { id: job.id }, u.editor)) as JobDict;
    };
    const show = (id: string) => p.call('resource_show', { id }, u.editor) as Promise<ResourceDict>;

    before(async () => {
      p = await backend.open();
      u = await createTestUsers(p);
      packageId = ((await p.call('package_create', buildPackage(), u.editor)) as { id: string }).id;
      server = http.createServer((req, res) => {
        if (req.url === '/opendata/aed.csv')
          return void res.writeHead(200, { 'Content-Type': 'text/csv' }).end(current);
        if (req.url === '/moved')
          return void res.writeHead(302, { Location: '/opendata/aed.csv' }).end();
        if (req.url === '/big.csv') return void res.end(Buffer.alloc(TEST_UPLOAD_LIMIT + 1, 'a'));
        res.writeHead(404).end('missing');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      server.closeAllConnections();
      server.close();
      await p?.close();
    });

    it('stores the file of a link resource like an upload, keeps the source URL and loads the rows', async () => {
      const id = await link(`${base}/opendata/aed.csv`);
      const job = await fetchNow(id);
      const r = await show(id);
      const search = (await p.call('datastore_search', { resource_id: id, limit: 1 })) as {
        total: number;
      };
      assert.deepEqual(
        {
          job: [job.kind, job.state],
          url_type: r.url_type,
          url: r.url,
          source_url: r.source_url,
          hash: r.hash,
          size: r.size,
          rows: search.total,
        },
        {
          job: ['fetch', 'done'],
          url_type: 'upload',
          url: `http://s5.test/dataset/${packageId}/resource/${id}/download/aed.csv`,
          source_url: `${base}/opendata/aed.csv`,
          hash: `sha256:${createHash('sha256').update(AED).digest('hex')}`,
          size: AED.byteLength,
          rows: 82,
        },
      );
    });

    it('fetches the source URL again on a second call, adding a version', async () => {
      const id = await link(`${base}/moved`);
      await fetchNow(id);
      current = NOUEN;
      try {
        await fetchNow(id);
      } finally {
        current = AED;
      }
      const versions = (await p.call('s5_resource_versions', { id }, u.editor)) as Array<{
        row_count: number;
      }>;
      assert.deepEqual(
        [versions.map((v) => v.row_count), (await show(id)).source_url],
        [[9, 82], `${base}/moved`],
      );
    });

    it('fails the job of a URL that answers 404 and leaves the resource a link', async () => {
      const id = await link(`${base}/nothing.csv`);
      const job = await fetchNow(id);
      const r = await show(id);
      assert.deepEqual(
        [job.state, /HTTP 404/.test(job.error ?? ''), r.url_type],
        ['failed', true, null],
      );
    });

    it('fails the job of a file over the upload limit and stores nothing', async () => {
      const id = await link(`${base}/big.csv`);
      const job = await fetchNow(id);
      assert.deepEqual([job.state, (await show(id)).url_type], ['failed', null]);
    });

    it('refuses a loopback URL when private addresses are not allowed', async () => {
      const id = await link(`${base}/opendata/aed.csv`);
      await assert.rejects(call('s5_resource_fetch', { id }, u.editor, false), {
        code: 'bad_request',
      });
    });

    it('fails the job of a host name that resolves to loopback when private addresses are not allowed', async () => {
      const port = new URL(base).port;
      const id = await link(`http://localhost:${port}/opendata/aed.csv`);
      const job = await fetchNow(id, false);
      assert.deepEqual([job.state, (await show(id)).url_type], ['failed', null]);
      assert.match(job.error ?? '', /localhost/);
    });

    it('refuses a URL that is not http or https', async () => {
      const id = await link('file:///etc/passwd');
      await assert.rejects(call('s5_resource_fetch', { id }, u.editor), { code: 'bad_request' });
    });

    it('refuses a fetch by a member who may not edit the dataset', async () => {
      const id = await link(`${base}/opendata/aed.csv`);
      await assert.rejects(call('s5_resource_fetch', { id }, u.member), {
        code: 'not_authorized',
      });
    });

    it('answers a validation error for a resource with no URL', async () => {
      const id = (
        (await call('resource_create', { package_id: packageId, name: 'no url' }, u.editor)) as {
          id: string;
        }
      ).id;
      await assert.rejects(call('s5_resource_fetch', { id }, u.editor), { code: 'validation' });
    });
  });
}
