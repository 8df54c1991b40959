import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../core/action.ts';
import { Upload } from '../files/index.ts';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  siteActor,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import {
  drainQueue,
  enqueueIngest,
  INTERRUPTED,
  recoverInterruptedJobs,
  runNextJob,
} from './index.ts';

const REAL = path.resolve(import.meta.dirname, '../../test/fixtures/real-csv');

interface JobDict {
  id: string;
  state: string;
  error: string | null;
  progress: { phase: string; rows: number };
}
interface VersionDict {
  version: number;
  status: string;
  row_count: number | null;
  schema_id: string | null;
  conformance: string;
  summary: { rows: number } | null;
}

for (const backend of testBackends()) {
  describe(`ingest (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let users: TestUsers;
    const deps = () => ({ db: p.db, files: p.files, now: () => p.clock.now() });

    before(async () => {
      p = await backend.open();
      users = await createTestUsers(p);
    });
    after(async () => {
      await p?.close();
    });

    const store = (bytes: Uint8Array, name: string) =>
      p.files
        .put(
          (async function* () {
            yield bytes;
          })(),
          10_000_000,
        )
        .then((f) => new Upload(f, name, 'text/csv'));
    const uploadResource = async (file: string, overrides: Record<string, unknown> = {}) => {
      const pkg = (await p.call('package_create', buildPackage(overrides), siteActor)) as {
        id: string;
      };
      const upload = await store(new Uint8Array(readFileSync(path.join(REAL, file))), file);
      const res = (await p.call(
        'resource_create',
        { package_id: pkg.id, name: file, upload },
        siteActor,
      )) as { id: string };
      return res.id;
    };
    const ingest = async (id: string, actor: Actor = users.editor) => {
      const job = (await p.call('s5_resource_ingest', { id }, actor)) as JobDict;
      await drainQueue(deps());
      return (await p.call('s5_job_show', { id: job.id }, actor)) as JobDict;
    };
    const versions = (id: string, actor: Actor = users.editor) =>
      p.call('s5_resource_versions', { id }, actor) as Promise<VersionDict[]>;

    it('loads the 焼津市 AED file as the r01 AED schema with 82 typed rows', async () => {
      const id = await uploadResource('yaizu_222127_aed.csv');
      const job = await ingest(id);
      assert.equal(job.state, 'done');
      const info = (await p.call('datastore_search', { resource_id: id, limit: 1 })) as {
        total: number;
        fields: Array<{ id: string; type: string }>;
        records: Array<Record<string, unknown>>;
      };
      assert.equal(info.total, 82);
      const types = Object.fromEntries(info.fields.map((f) => [f.id, f.type]));
      assert.deepEqual(
        [types.緯度, types.経度, types.NO, types.開始時間],
        ['float8', 'float8', 'text', 'time'],
      );
      assert.equal(info.records[0]?.NO, '0000000001');
      const [v] = await versions(id);
      assert.deepEqual([v?.schema_id, v?.row_count, v?.status], ['r01-aed', 82, 'loaded']);
    });

    it('answers datastore_search filters on an ingested file', async () => {
      const id = await uploadResource('yaizu_222127_aed.csv');
      await ingest(id);
      const found = (await p.call('datastore_search', {
        resource_id: id,
        filters: { 名称: '市役所本館' },
      })) as { total: number; records: Array<Record<string, unknown>> };
      assert.equal(found.records[0]?.緯度, 34.866918);
    });

    it('indexes 緯度/経度 so the nearest AED to a point is found', async () => {
      const id = await uploadResource('yaizu_222127_aed.csv');
      await ingest(id);
      const info = (await p.call('datastore_info', { id })) as {
        meta?: unknown;
        fields: unknown[];
      };
      assert.ok(info.fields.length > 0);
      const near = (await p.call('s5_datastore_nearby', {
        resource_id: id,
        lat: 34.866918,
        lon: 138.3235,
        limit: 1,
      })) as {
        records: Array<Record<string, unknown>>;
      };
      assert.equal(near.records.length, 1);
      assert.equal(typeof near.records[0]?._distance_m, 'number');
    });

    it('infers the column types of a non-standard CP932 file from all its values', async () => {
      const id = await uploadResource('yaizu_222127_nouen.csv');
      await ingest(id);
      const info = (await p.call('datastore_search', { resource_id: id, limit: 1 })) as {
        total: number;
        fields: Array<{ id: string; type: string }>;
        records: Array<Record<string, unknown>>;
      };
      const types = Object.fromEntries(info.fields.map((f) => [f.id, f.type]));
      assert.deepEqual(
        [info.total, types.ID, types.ID2, types.緯度, info.records[0]?.農園名],
        [9, 'text', 'int4', 'float8', 'やまとファミリー農園（策牛）'],
      );
      const [v] = await versions(id);
      assert.equal(v?.conformance, 'nonstandard');
    });

    it('turns slash dates of a non-standard file into ISO dates', async () => {
      const id = await uploadResource('takamatsu_hospital_data.csv');
      await ingest(id);
      const info = (await p.call('datastore_search', { resource_id: id, limit: 1 })) as {
        fields: Array<{ id: string; type: string }>;
        records: Array<Record<string, unknown>>;
      };
      assert.equal(info.records[0]?.openingDate, '1947-04-01');
    });

    it('keeps the previous table and version when a corrupt file fails to load', async () => {
      const id = await uploadResource('yaizu_222127_aed.csv');
      await ingest(id);
      const corrupt = await store(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 9, 9, 9]), 'x.xlsx');
      await p.call('resource_patch', { id, upload: corrupt }, siteActor);
      const job = await ingest(id);
      const search = (await p.call('datastore_search', { resource_id: id, limit: 1 })) as {
        total: number;
      };
      const history = await versions(id);
      assert.deepEqual(
        [job.state, search.total, history.map((v) => v.status)],
        ['failed', 82, ['failed', 'loaded']],
      );
    });

    it('runs queued jobs one at a time through queued, running and done', async () => {
      const id = await uploadResource('yaizu_222127_nouen.csv');
      const queued = await enqueueIngest(deps(), id, 'sapporo-editor');
      const ran = await runNextJob(deps());
      const shown = (await p.call('s5_job_show', { id: queued.id }, users.editor)) as JobDict;
      assert.deepEqual(
        [queued.state, ran?.id, shown.state, shown.progress.phase],
        ['queued', queued.id, 'done', 'load'],
      );
    });

    it('marks a job left running by a crash as failed at startup', async () => {
      const id = await uploadResource('yaizu_222127_nouen.csv');
      const job = await enqueueIngest(deps(), id, null);
      await p.db.kysely
        .updateTable('job')
        .set({ state: 'running' })
        .where('id', '=', job.id)
        .execute();
      const recovered = await recoverInterruptedJobs(deps());
      const shown = (await p.call('s5_job_show', { id: job.id }, users.editor)) as JobDict;
      assert.deepEqual([recovered, shown.state, shown.error], [[job.id], 'failed', INTERRUPTED]);
    });

    it('refuses an ingest by a member who may not edit the dataset', async () => {
      const id = await uploadResource('yaizu_222127_nouen.csv');
      await assert.rejects(p.call('s5_resource_ingest', { id }, users.member), {
        code: 'not_authorized',
      });
    });

    it('refuses an ingest by an editor of another organization', async () => {
      const id = await uploadResource('yaizu_222127_nouen.csv');
      await assert.rejects(p.call('s5_resource_ingest', { id }, users.otherOrgEditor), {
        code: 'not_authorized',
      });
    });

    it('hides the versions of a private dataset from outsiders', async () => {
      const id = await uploadResource('yaizu_222127_nouen.csv', { private: true });
      await ingest(id);
      await assert.rejects(versions(id, users.plain), { code: 'not_found' });
    });

    it('shows the versions of a public dataset to anyone with a report summary', async () => {
      const id = await uploadResource('yaizu_222127_nouen.csv');
      await ingest(id);
      const [v] = await versions(id, users.plain);
      assert.equal(v?.summary?.rows, 9);
    });
  });
}
