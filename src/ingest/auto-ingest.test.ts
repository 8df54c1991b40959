import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Upload } from '../files/index.ts';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  siteActor,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import { autoIngestListener, drainQueue } from './index.ts';

const REAL = path.resolve(import.meta.dirname, '../../test/fixtures/real-csv');
const AED = new Uint8Array(readFileSync(path.join(REAL, 'yaizu_222127_aed.csv')));

interface JobDict {
  id: string;
  kind: string;
  state: string;
  resource_id: string;
}

for (const backend of testBackends()) {
  describe(`auto-ingest after uploads (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let packageId: string;
    const deps = () => ({ db: p.db, files: p.files, now: () => p.clock.now() });
    const store = async (bytes: Uint8Array, name: string, type = 'text/csv') =>
      new Upload(await p.files.put(Readable.from([bytes]), 10_000_000), name, type);
    const currentJob = (resourceId: string) =>
      p.call('s5_job_show', { resource_id: resourceId }, u.editor) as Promise<JobDict>;
    const total = async (resourceId: string) =>
      (
        (await p.call('datastore_search', { resource_id: resourceId, limit: 1 })) as {
          total: number;
        }
      ).total;

    before(async () => {
      p = await backend.open();
      u = await createTestUsers(p);
      packageId = ((await p.call('package_create', buildPackage(), u.editor)) as { id: string }).id;
    });
    after(async () => {
      await drainQueue(deps());
      await p?.close();
    });

    it('queues an ingest when a CSV is uploaded, and the rows are searchable after draining', async () => {
      const created = (await p.call(
        'resource_create',
        { package_id: packageId, name: 'AED', upload: await store(AED, 'aed.csv') },
        u.editor,
      )) as { id: string };
      const job = await currentJob(created.id);
      assert.deepEqual([job.kind, job.state], ['ingest', 'queued']);
      await drainQueue(deps());
      assert.deepEqual(
        [(await currentJob(created.id)).state, await total(created.id)],
        ['done', 82],
      );
    });

    it('queues an ingest when resource_patch replaces the file of a resource', async () => {
      const created = (await p.call(
        'resource_create',
        { package_id: packageId, url: 'https://example.jp/a.csv' },
        u.editor,
      )) as { id: string };
      await p.call(
        'resource_patch',
        { id: created.id, upload: await store(AED, 'a.csv') },
        u.editor,
      );
      assert.equal((await currentJob(created.id)).state, 'queued');
    });

    it('queues one job for two uploads in a row: the job reads the newest file', async () => {
      const created = (await p.call(
        'resource_create',
        { package_id: packageId, upload: await store(AED, 'twice.csv') },
        u.editor,
      )) as { id: string };
      const first = await currentJob(created.id);
      await p.call(
        'resource_patch',
        { id: created.id, upload: await store(AED.subarray(0, 2000), 'twice.csv') },
        u.editor,
      );
      assert.equal((await currentJob(created.id)).id, first.id);
    });

    it('does not queue an ingest for a PDF or for a change that attaches no file', async () => {
      const pdf = (await p.call(
        'resource_create',
        {
          package_id: packageId,
          upload: await store(new TextEncoder().encode('%PDF-1.4'), 'plan.pdf', 'application/pdf'),
        },
        u.editor,
      )) as { id: string };
      const link = (await p.call(
        'resource_create',
        { package_id: packageId, url: 'https://example.jp/b.csv', format: 'CSV' },
        u.editor,
      )) as { id: string };
      await p.call('resource_patch', { id: link.id, description: '説明' }, u.editor);
      for (const id of [pdf.id, link.id]) {
        await assert.rejects(currentJob(id), { code: 'not_found' });
      }
    });

    it('hides the job of a resource from users who may not edit its dataset', async () => {
      const created = (await p.call(
        'resource_create',
        { package_id: packageId, upload: await store(AED, 'hidden.csv') },
        u.editor,
      )) as { id: string };
      await assert.rejects(p.call('s5_job_show', { resource_id: created.id }, u.otherOrgEditor), {
        code: 'not_found',
      });
    });
  });

  describe(`auto-ingest in a process that runs the queue (${backend.name})`, {
    skip: backend.skip,
  }, () => {
    let p: Platform;

    before(async () => {
      p = await backend.open();
      // What the server registers (runQueue: true); the test platform itself only queues.
      p.registry.onWrite(autoIngestListener(p.registry, { runQueue: true }));
    });
    after(async () => {
      await drainQueue({ db: p.db, files: p.files, now: () => p.clock.now() });
      await p?.close();
    });

    it('answers the upload before the ingest ends, then loads it in the background', async () => {
      const pkg = (await p.call('package_create', buildPackage(), siteActor)) as { id: string };
      const upload = new Upload(
        await p.files.put(Readable.from([AED]), 10_000_000),
        'aed.csv',
        'text/csv',
      );
      const created = (await p.call(
        'resource_create',
        { package_id: pkg.id, upload },
        siteActor,
      )) as { id: string };
      const answered = (await p.call('s5_job_show', { resource_id: created.id }, siteActor)) as {
        state: string;
      };
      let state = answered.state;
      for (let i = 0; i < 200 && state !== 'done' && state !== 'failed'; i++) {
        await sleep(25);
        state = ((await p.call('s5_job_show', { resource_id: created.id }, siteActor)) as JobDict)
          .state;
      }
      const search = (await p.call('datastore_search', { resource_id: created.id, limit: 0 })) as {
        total: number;
      };
      assert.deepEqual([answered.state !== 'done', state, search.total], [true, 'done', 82]);
    });
  });
}
