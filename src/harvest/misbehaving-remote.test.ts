import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../api/index.ts';
import type { Platform } from '../platform/index.ts';
import { siteActor, testBackends } from '../../test/support/backends.ts';
import {
  type HarvestDeps,
  type HarvestJob,
  harvestsSettled,
  queueHarvest,
  runHarvestJob,
  startHarvest,
} from './index.ts';
import { findSource } from './repo/sources.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

/** A loopback server answering with `handler`; the harvest's remote. */
async function startFake(handler: Handler) {
  const server = createServer((req, res) => {
    handler(req, res, new URL(req.url ?? '/', 'http://fake'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // listen() on a TCP port gives an AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

const remoteDataset = (i: number) => ({
  id: `remote-${i}`,
  name: `fake-${i}`,
  title: `データ ${i}`,
  metadata_modified: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000000`,
  license_id: 'cc-by-4.0',
  tags: [],
  extras: [],
  resources: [{ id: `res-${i}`, url: `https://files.example.jp/${i}.csv`, name: `${i}.csv` }],
});

function json(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

/** A correct package_search over these datasets (start/rows honoured). */
function search(datasets: unknown[]): Handler {
  return (_req, res, url) => {
    const start = Number(url.searchParams.get('start') ?? 0);
    const rows = Number(url.searchParams.get('rows') ?? 10);
    json(res, 200, {
      success: true,
      result: { count: datasets.length, results: datasets.slice(start, start + rows) },
    });
  };
}

const SETTINGS = { timeoutMs: 300, retries: 1, backoffMs: 10, maxBytes: 64 * 1024 };

for (const backend of testBackends()) {
  describe(`harvesting from a misbehaving remote (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let deps: HarvestDeps;
    let n = 0;
    const fakes: Array<{ close(): Promise<void> }> = [];

    before(async () => {
      p = await backend.open();
      deps = {
        db: p.db,
        registry: p.registry,
        log: p.log,
        site: { ...p.site, fetchAllowPrivate: true },
        files: p.files,
        now: () => p.clock.now(),
      };
    });
    after(async () => {
      await harvestsSettled(p.db);
      for (const f of fakes) await f.close();
      await p?.close();
    });

    /** A source over a fake remote (page size 3), and a function running one job of it. */
    async function sourceOn(handler: Handler) {
      const fake = await startFake(handler);
      fakes.push(fake);
      n++;
      await p.call(
        's5_harvest_source_create',
        { name: `fake-${n}`, url: fake.url, owner_org: 'otaru-shi', page_size: 3 },
        siteActor,
      );
      const source = await findSource(p.db, `fake-${n}`);
      assert.ok(source);
      return async (): Promise<HarvestJob> => {
        const job = await queueHarvest(deps, source, null);
        return runHarvestJob(deps, job.id, { settings: SETTINGS });
      };
    }

    const localState = async (name: string) =>
      ((await p.call('package_show', { id: name }, siteActor)) as { state: string }).state;

    it('a remote that never answers: the job fails on the timeout after its retries', async () => {
      const run = await sourceOn(() => undefined);
      const job = await run();
      assert.deepEqual([job.state, job.report.requests, job.report.retries], ['failed', 2, 1]);
      assert.match(job.error ?? '', /did not finish within 300 ms/);
    });

    it('while a job waits on a silent remote, the server keeps answering', async () => {
      const fake = await startFake(() => undefined);
      fakes.push(fake);
      await p.call(
        's5_harvest_source_create',
        { name: 'silent', url: fake.url, owner_org: 'otaru-shi' },
        siteActor,
      );
      const source = await findSource(p.db, 'silent');
      assert.ok(source);
      const job = await queueHarvest(deps, source, null);
      const running = startHarvest(deps, job.id, { settings: { ...SETTINGS, timeoutMs: 1500 } });
      const started = Date.now();
      const res = await createApp(p).request('/api/3/action/status_show');
      const answeredIn = Date.now() - started;
      await running;
      assert.equal(res.status, 200);
      assert.ok(answeredIn < 1000, `status_show took ${answeredIn} ms`);
    });

    it('a 500 then a good answer: the retry succeeds and the datasets come', async () => {
      let calls = 0;
      const good = search([remoteDataset(1), remoteDataset(2)]);
      const run = await sourceOn((req, res, url) => {
        calls++;
        if (calls === 1) json(res, 500, { error: 'busy' });
        else good(req, res, url);
      });
      const job = await run();
      assert.deepEqual(
        [job.state, job.counts.created, job.report.retries, job.error],
        ['done', 2, 1, null],
      );
    });

    it('a 5xx that persists fails the job after the bounded retries', async () => {
      const run = await sourceOn((_req, res) => json(res, 503, {}));
      const job = await run();
      assert.deepEqual([job.state, job.report.requests], ['failed', 2]);
      assert.match(job.error ?? '', /HTTP 503/);
    });

    it('malformed JSON fails the job and says so', async () => {
      const run = await sourceOn((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"success": true, "result": {"count": 3, "resu');
      });
      const job = await run();
      assert.equal(job.state, 'failed');
      assert.match(job.error ?? '', /malformed JSON/);
    });

    it('an HTML page instead of JSON fails the job with a hint', async () => {
      const run = await sourceOn((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html><body>ようこそ</body></html>');
      });
      const job = await run();
      assert.equal(job.state, 'failed');
      assert.match(job.error ?? '', /HTML instead of JSON/);
    });

    it('a response over the size limit fails the job, declared or streamed', async () => {
      const big = 'x'.repeat(200 * 1024);
      const declared = await sourceOn((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': big.length });
        res.end(big);
      });
      const streamed = await sourceOn((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        for (let i = 0; i < 20; i++) res.write(big.slice(0, 16 * 1024));
        res.end();
      });
      const jobs = [await declared(), await streamed()];
      assert.deepEqual(
        jobs.map((j) => j.state),
        ['failed', 'failed'],
      );
      for (const j of jobs) assert.match(j.error ?? '', /larger than the limit/);
    });

    it('a wrong result shape fails the job', async () => {
      const run = await sourceOn((_req, res) =>
        json(res, 200, { success: true, result: { count: 'many', results: {} } }),
      );
      const job = await run();
      assert.equal(job.state, 'failed');
      assert.match(job.error ?? '', /wrong shape/);
    });

    it('an endless page loop stops with a reason, keeping the datasets of the pages read', async () => {
      const page = [remoteDataset(11), remoteDataset(12), remoteDataset(13)];
      const run = await sourceOn((_req, res) =>
        json(res, 200, { success: true, result: { count: 1000, results: page } }),
      );
      const job = await run();
      assert.deepEqual([job.state, job.counts.created], ['failed', 3]);
      assert.match(job.error ?? '', /same page again/);
      assert.equal(job.report.failure, job.error);
    });

    it('a dataset with a wrong shape is one error; the others are harvested', async () => {
      const broken = { id: 'remote-broken', metadata_modified: 'soon' };
      const run = await sourceOn(search([remoteDataset(21), broken, remoteDataset(22)]));
      const job = await run();
      assert.deepEqual(
        [job.state, job.counts.created, job.counts.errors, job.report.errors[0]?.remote_id],
        ['done', 2, 1, 'remote-broken'],
      );
      assert.match(job.report.errors[0]?.message ?? '', /wrong shape/);
    });

    it('a dataset listed twice in a page is harvested once', async () => {
      const run = await sourceOn((_req, res, url) => {
        if (!url.pathname.endsWith('/package_search')) {
          return json(res, 404, { success: false, error: { message: 'Not found' } });
        }
        json(res, 200, {
          success: true,
          result: { count: 3, results: [remoteDataset(41), remoteDataset(41), remoteDataset(42)] },
        });
      });
      const job = await run();
      assert.deepEqual(
        [job.state, job.counts.created, job.counts.unchanged, job.counts.errors],
        ['done', 2, 0, 0],
      );
      // Three listed, two distinct: the listing does not add up, so nothing is withdrawn.
      assert.equal(job.report.deletions.checked, false);
    });

    it('a failing second page leaves the first page written and withdraws nothing', async () => {
      let mode: 'all' | 'broken' = 'all';
      const first = [remoteDataset(31), remoteDataset(32), remoteDataset(33)];
      const run = await sourceOn((req, res, url) => {
        if (mode === 'all') return search(first)(req, res, url);
        // The remote lost fake-31 and its second page fails: nothing may be withdrawn.
        if (url.searchParams.get('start') === '0') {
          return json(res, 200, {
            success: true,
            result: {
              count: 6,
              results: [remoteDataset(32), remoteDataset(34), remoteDataset(35)].map((d) => ({
                ...d,
                title: `${d.title} 改`,
                metadata_modified: '2026-02-01T00:00:00.000000',
              })),
            },
          });
        }
        json(res, 502, {});
      });
      const firstJob = await run();
      mode = 'broken';
      const job = await run();
      assert.deepEqual(
        {
          first: [firstJob.state, firstJob.counts.created],
          second: [job.state, job.counts.created, job.counts.updated, job.counts.deleted],
          local: [await localState('fake-31'), await localState('fake-34')],
        },
        { first: ['done', 3], second: ['failed', 2, 1, 0], local: ['active', 'active'] },
      );
      assert.match(job.error ?? '', /HTTP 502/);
    });

    it('after all of these the server still answers', async () => {
      const res = await createApp(p).request('/api/3/action/status_show');
      assert.equal(res.status, 200);
    });
  });
}
