import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Actor, anonymous } from '../core/action.ts';
import { isAppError } from '../core/errors.ts';
import type { Platform } from '../platform/index.ts';
import {
  createTestUsers,
  siteActor,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import { harvestsSettled } from './index.ts';

/** The error code an action call fails with, or 'ok'. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

for (const backend of testBackends()) {
  describe(`harvest source actions (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let users: TestUsers;
    let remoteUrl = '';
    let closeRemote = async () => undefined;

    before(async () => {
      p = await backend.open();
      users = await createTestUsers(p);
      // An empty CKAN that answers a little late, so a started job is still running when asked.
      const server = createServer((_req, res) => {
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ success: true, result: { count: 0, results: [] } }));
        }, 200);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      remoteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`; // a TCP listener
      closeRemote = () =>
        new Promise<undefined>((done) => {
          server.closeAllConnections();
          server.close(() => done(undefined));
        });
    });
    after(async () => {
      await harvestsSettled(p.db);
      await closeRemote();
      await p?.close();
    });

    const call = (name: string, input: unknown, actor: Actor) => {
      const ctx = { ...p.context(actor), site: { ...p.site, fetchAllowPrivate: true } };
      return p.registry.call(name, ctx, input);
    };
    const source = (name: string) => ({ name, url: remoteUrl, owner_org: 'sapporo-shi' });

    it('only sysadmins and admins of the local organization may create a source', async () => {
      assert.deepEqual(
        [
          await outcome(call('s5_harvest_source_create', source('by-anon'), anonymous)),
          await outcome(call('s5_harvest_source_create', source('by-editor'), users.editor)),
          await outcome(call('s5_harvest_source_create', source('by-other'), users.otherOrgEditor)),
          await outcome(call('s5_harvest_source_create', source('by-admin'), users.admin)),
          await outcome(call('s5_harvest_source_create', source('by-root'), users.sysadmin)),
        ],
        ['not_authorized', 'not_authorized', 'not_authorized', 'ok', 'ok'],
      );
    });

    it('refuses a bad URL, an unknown organization and a taken name', async () => {
      assert.deepEqual(
        [
          await outcome(
            call('s5_harvest_source_create', { ...source('x1'), url: 'ftp://e.jp' }, siteActor),
          ),
          await outcome(
            call('s5_harvest_source_create', { ...source('x2'), owner_org: 'nowhere' }, siteActor),
          ),
          await outcome(call('s5_harvest_source_create', source('by-admin'), siteActor)),
        ],
        ['validation', 'validation', 'conflict'],
      );
    });

    it('members see their organization sources; others see none', async () => {
      const names = async (actor: Actor) =>
        ((await call('s5_harvest_source_list', {}, actor)) as Array<{ name: string }>)
          .map((s) => s.name)
          .sort();
      assert.deepEqual(
        [await names(users.member), await names(users.otherOrgEditor), await names(users.plain)],
        [['by-admin', 'by-root'], [], []],
      );
      assert.equal(
        await outcome(call('s5_harvest_source_show', { id: 'by-admin' }, users.plain)),
        'not_found',
      );
    });

    it('an admin changes only the settings given; null clears the interval', async () => {
      await call('s5_harvest_source_update', { id: 'by-admin', interval_minutes: 60 }, users.admin);
      const updated = (await call(
        's5_harvest_source_update',
        { id: 'by-admin', title: '札幌のポータル', interval_minutes: null },
        users.admin,
      )) as { title: string; interval_minutes: number | null; url: string };
      assert.deepEqual(
        [updated.title, updated.interval_minutes, updated.url],
        ['札幌のポータル', null, remoteUrl],
      );
      assert.equal(
        await outcome(
          call('s5_harvest_source_update', { id: 'by-admin', active: false }, users.editor),
        ),
        'not_authorized',
      );
    });

    it('runs one job per source at a time', async () => {
      const first = (await call('s5_harvest_run', { id: 'by-admin' }, users.admin)) as {
        id: string;
        state: string;
      };
      const second = await outcome(call('s5_harvest_run', { id: 'by-admin' }, users.admin));
      await harvestsSettled(p.db);
      const job = (await call('s5_harvest_job_show', { id: first.id }, users.member)) as {
        state: string;
        report: { deletions: { checked: boolean } };
      };
      assert.deepEqual(
        [first.state, second, job.state, job.report.deletions.checked],
        ['queued', 'conflict', 'done', true],
      );
    });

    it('lists jobs newest first and hides them from outsiders', async () => {
      const older = (await call(
        's5_harvest_job_list',
        { source: 'by-admin' },
        users.member,
      )) as Array<{
        id: string;
      }>;
      const newer = (await call('s5_harvest_run', { id: 'by-admin', wait: true }, users.admin)) as {
        id: string;
      };
      const jobs = (await call(
        's5_harvest_job_list',
        { source: 'by-admin' },
        users.member,
      )) as Array<{
        id: string;
        state: string;
      }>;
      assert.deepEqual(
        jobs.map((j) => [j.id, j.state]),
        [
          [newer.id, 'done'],
          [older[0]?.id, 'done'],
        ],
      );
      assert.equal(
        await outcome(call('s5_harvest_job_list', { source: 'by-admin' }, users.plain)),
        'not_found',
      );
    });

    it('an editor may not run or delete; an admin deletes the source and its jobs', async () => {
      assert.deepEqual(
        [
          await outcome(call('s5_harvest_run', { id: 'by-admin' }, users.editor)),
          await outcome(call('s5_harvest_source_delete', { id: 'by-admin' }, users.editor)),
          await outcome(call('s5_harvest_source_delete', { id: 'by-admin' }, users.admin)),
          await outcome(call('s5_harvest_source_show', { id: 'by-admin' }, users.sysadmin)),
        ],
        ['not_authorized', 'not_authorized', 'ok', 'not_found'],
      );
    });
  });
}
