import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../core/clock.ts';
import type { Platform } from '../platform/index.ts';
import { siteActor, testBackends } from '../../test/support/backends.ts';
import {
  HARVEST_INTERRUPTED,
  type HarvestHost,
  isDue,
  queueHarvest,
  startHarvestScheduler,
} from './index.ts';
import { claimJob, findJob, type HarvestJob, listJobs } from './repo/jobs.ts';
import { findSource, type HarvestSource } from './repo/sources.ts';

const source = (intervalMinutes: number | null, active = true): HarvestSource => ({
  id: 's',
  name: 's',
  title: 's',
  url: 'https://e.jp',
  remoteOrg: null,
  localOrgId: 'o',
  intervalMinutes,
  localFields: [],
  fetchResources: false,
  pageSize: 100,
  active,
  createdBy: null,
  created: '2026-01-01T00:00:00.000000',
  modified: '2026-01-01T00:00:00.000000',
});

const lastJob = (created: string, state: HarvestJob['state'] = 'done') =>
  ({ created, state }) as HarvestJob; // isDue reads only these two fields

describe('isDue', () => {
  const now = new Date('2026-01-01T01:00:00Z');
  it('runs a scheduled source that never ran, or whose interval has elapsed', () => {
    assert.deepEqual(
      [
        isDue(source(60), undefined, now),
        isDue(source(60), lastJob('2026-01-01T00:00:00.000000'), now),
        isDue(source(61), lastJob('2026-01-01T00:00:00.000000'), now),
      ],
      [true, true, false],
    );
  });

  it('never runs manual, inactive or busy sources', () => {
    assert.deepEqual(
      [
        isDue(source(null), undefined, now),
        isDue(source(5, false), undefined, now),
        isDue(source(5), lastJob('2025-01-01T00:00:00.000000', 'running'), now),
      ],
      [false, false, false],
    );
  });
});

for (const backend of testBackends()) {
  describe(`the harvest scheduler (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let host: HarvestHost;
    const clock = fixedClock('2026-11-25T00:00:00Z');
    let remoteUrl = '';
    let close = async () => undefined;

    before(async () => {
      p = await backend.open();
      host = {
        db: p.db,
        registry: p.registry,
        log: p.log,
        site: { ...p.site, fetchAllowPrivate: true },
        files: p.files,
        clock,
      };
      const server = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ success: true, result: { count: 0, results: [] } }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      remoteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`; // a TCP listener
      close = () =>
        new Promise<undefined>((done) => {
          server.closeAllConnections();
          server.close(() => done(undefined));
        });
    });
    after(async () => {
      await close();
      await p?.close();
    });

    const create = async (name: string, interval: number | null) => {
      await p.call(
        's5_harvest_source_create',
        { name, url: remoteUrl, owner_org: 'sapporo-shi', interval_minutes: interval },
        siteActor,
      );
      const s = await findSource(p.db, name);
      assert.ok(s);
      return s;
    };
    const jobsOf = async (s: HarvestSource) => listJobs(p.db, [s.id], 100, 0);

    it('at start, marks jobs left running failed and runs the queued ones', async () => {
      const crashed = await create('crashed', null);
      const waiting = await create('waiting', null);
      const deps = { db: p.db, now: () => clock.now() };
      const stale = await queueHarvest(deps, crashed, null);
      await claimJob(p.db, stale.id, '2026-11-24T23:00:00.000000');
      const queued = await queueHarvest(deps, waiting, null);
      const scheduler = startHarvestScheduler(host, { schedule: false });
      await scheduler.recovered;
      await scheduler.stop();
      const [a, b] = [await findJob(p.db, stale.id), await findJob(p.db, queued.id)];
      assert.deepEqual([a?.state, a?.error, b?.state], ['failed', HARVEST_INTERRUPTED, 'done']);
    });

    it('runs a source when its interval has elapsed, and not before', async () => {
      const hourly = await create('hourly', 60);
      const manual = await create('manual', null);
      const scheduler = startHarvestScheduler(host, { schedule: false });
      await scheduler.tick();
      const afterFirst = (await jobsOf(hourly)).length;
      clock.advance(30 * 60_000);
      await scheduler.tick();
      const afterHalf = (await jobsOf(hourly)).length;
      clock.advance(30 * 60_000);
      await scheduler.tick();
      const afterHour = (await jobsOf(hourly)).length;
      await scheduler.stop();
      assert.deepEqual(
        [afterFirst, afterHalf, afterHour, (await jobsOf(manual)).length],
        [1, 1, 2, 0],
      );
    });
  });
}
