import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Upload } from '../files/index.ts';
import { drainQueue, recoverInterruptedJobs } from '../ingest/index.ts';
import type { Platform } from '../platform/index.ts';
import { buildPackage, siteActor, testBackends } from '../../test/support/backends.ts';

const REAL_CSV = path.resolve(import.meta.dirname, '../../test/fixtures/real-csv');

interface SearchResult {
  count: number;
  results: Array<{ name: string }>;
  facets: Record<string, Record<string, number>>;
  search_facets: Record<string, { items: Array<{ name: string; display_name: string }> }>;
}

interface ResourceDict {
  id: string;
  s5_schema: string | null;
  s5_conformance: string | null;
}

for (const backend of testBackends()) {
  describe(`standard-dataset facets in package_search (${backend.name})`, {
    skip: backend.skip,
  }, () => {
    let p: Platform;
    const search = async (params: Record<string, unknown>) =>
      (await p.call('package_search', params)) as SearchResult;
    const names = async (fq: string) =>
      (await search({ fq, rows: 100 })).results.map((r) => r.name).sort();
    const drain = () => drainQueue({ db: p.db, files: p.files, now: () => p.clock.now() });

    /** Stores bytes as an upload (the test platform's upload limit is for HTTP bodies). */
    const upload = async (bytes: Uint8Array, fileName: string) => {
      const stored = await p.files.put(
        (async function* () {
          yield bytes;
        })(),
        10_000_000,
      );
      return new Upload(stored, fileName, 'text/csv');
    };
    const realFile = (name: string) => new Uint8Array(readFileSync(path.join(REAL_CSV, name)));

    /** A dataset with one uploaded CSV, ingested by the queue as the server would. */
    const publish = async (
      name: string,
      bytes: Uint8Array,
      extra: Record<string, unknown> = {},
    ) => {
      const pkg = (await p.call('package_create', buildPackage({ name, ...extra }), siteActor)) as {
        id: string;
      };
      const res = (await p.call(
        'resource_create',
        { package_id: pkg.id, name: 'data', upload: await upload(bytes, 'data.csv') },
        siteActor,
      )) as { id: string };
      await p.call('s5_resource_ingest', { id: res.id }, siteActor);
      await drain();
      return res.id;
    };

    let aedResource = '';
    before(async () => {
      p = await backend.open();
      aedResource = await publish('facet-aed', realFile('yaizu_222127_aed.csv'));
      await publish('facet-toilet', realFile('yaizu_222127_public_toilet.csv'));
      await publish('facet-plain', new TextEncoder().encode('品目,数量\nりんご,3\nみかん,5\n'));
      await publish('facet-private-aed', realFile('yaizu_222127_aed.csv'), { private: true });
      await p.call('package_create', buildPackage({ name: 'facet-link-only' }), siteActor);
    });
    after(() => p?.close());

    it('counts datasets per recognised schema and per conformance once their files are loaded', async () => {
      const r = await search({ 'facet.field': ['s5_schema', 's5_conformance'], rows: 0 });
      assert.deepEqual(r.facets.s5_schema, { 'r01-aed': 1, 'a13-public_toilet': 1 });
      assert.deepEqual(r.facets.s5_conformance, {
        conforming_with_warnings: 1,
        nonconforming: 1,
        nonstandard: 1,
      });
    });

    it('titles schema facet items in Japanese, marking the legacy generation', async () => {
      const r = await search({ 'facet.field': ['s5_schema', 's5_conformance'], rows: 0 });
      const titles = Object.fromEntries(
        (r.search_facets.s5_schema?.items ?? []).map((i) => [i.name, i.display_name]),
      );
      assert.deepEqual(titles, {
        'r01-aed': 'AED設置箇所一覧（旧様式）',
        'a13-public_toilet': '公衆トイレ一覧',
      });
      const levels = (r.search_facets.s5_conformance?.items ?? []).map((i) => i.display_name);
      assert.deepEqual(levels.sort(), ['不適合', '標準データセット外', '適合（警告あり）'].sort());
    });

    it('filters by schema with fq, including a nonconforming file of that schema', async () => {
      assert.deepEqual(await names('s5_schema:r01-aed'), ['facet-aed']);
      assert.deepEqual(await names('s5_schema:a13-public_toilet'), ['facet-toilet']);
    });

    it('combines schema filters with OR, NOT and the conformance filter', async () => {
      assert.deepEqual(await names('s5_schema:(r01-aed OR a13-public_toilet)'), [
        'facet-aed',
        'facet-toilet',
      ]);
      const all = await names('');
      const notAed = await names('-s5_schema:r01-aed');
      assert.deepEqual(
        notAed,
        all.filter((n) => n !== 'facet-aed'),
      );
      assert.deepEqual(await names('s5_conformance:nonstandard'), ['facet-plain']);
    });

    it('shows the schema and conformance on the resource dicts, read only', async () => {
      const shown = (await p.call('package_show', { id: 'facet-aed' })) as {
        resources: ResourceDict[];
      };
      assert.deepEqual(
        shown.resources.map((r) => [r.s5_schema, r.s5_conformance]),
        [['r01-aed', 'conforming_with_warnings']],
      );
      await p.call(
        'resource_patch',
        { id: aedResource, s5_schema: 'a13-public_toilet' },
        siteActor,
      );
      const one = (await p.call('resource_show', { id: aedResource })) as ResourceDict;
      assert.deepEqual(
        [one.s5_schema, one.s5_conformance],
        ['r01-aed', 'conforming_with_warnings'],
      );
    });

    it('keeps the facet of the loaded version when a newer file fails to load', async () => {
      const pkg = (await p.call(
        'package_create',
        buildPackage({ name: 'facet-fails' }),
        siteActor,
      )) as {
        id: string;
      };
      const res = (await p.call(
        'resource_create',
        {
          package_id: pkg.id,
          name: 'data',
          upload: await upload(realFile('yaizu_222127_aed.csv'), 'aed.csv'),
        },
        siteActor,
      )) as { id: string };
      await p.call('s5_resource_ingest', { id: res.id }, siteActor);
      await drain();
      // A truncated XLSX (a zip signature and nothing else) cannot be read.
      const corrupt = await upload(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 9, 9, 9]), 'x.xlsx');
      await p.call('resource_patch', { id: res.id, upload: corrupt }, siteActor);
      await p.call('s5_resource_ingest', { id: res.id }, siteActor);
      await drain();
      const versions = (await p.call('s5_resource_versions', { id: res.id }, siteActor)) as Array<{
        status: string;
      }>;
      assert.equal(versions[0]?.status, 'failed');
      assert.ok((await names('s5_schema:r01-aed')).includes('facet-fails'));
    });

    it('hides private datasets from the facet counts of anonymous visitors', async () => {
      const anonymous = await search({
        'facet.field': ['s5_schema'],
        fq: 'name:facet-private-aed',
      });
      const member = (await p.call(
        'package_search',
        { 'facet.field': ['s5_schema'], fq: 'name:facet-private-aed', include_private: true },
        siteActor,
      )) as SearchResult;
      assert.deepEqual(
        [anonymous.facets.s5_schema, member.facets.s5_schema],
        [{}, { 'r01-aed': 1 }],
      );
    });

    it('drops the facet when the resource holding the file is deleted', async () => {
      const pkg = (await p.call(
        'package_create',
        buildPackage({ name: 'facet-deleted' }),
        siteActor,
      )) as {
        id: string;
      };
      const res = (await p.call(
        'resource_create',
        {
          package_id: pkg.id,
          name: 'data',
          upload: await upload(realFile('yaizu_222127_public_toilet.csv'), 't.csv'),
        },
        siteActor,
      )) as { id: string };
      await p.call('s5_resource_ingest', { id: res.id }, siteActor);
      await drain();
      assert.ok((await names('s5_schema:a13-public_toilet')).includes('facet-deleted'));
      await p.call('resource_delete', { id: res.id }, siteActor);
      assert.deepEqual(await names('s5_schema:a13-public_toilet'), ['facet-toilet']);
    });

    it('indexes a version recorded by a job that a crash interrupted, at the next start', async () => {
      const pkg = (await p.call(
        'package_create',
        buildPackage({ name: 'facet-crashed', resources: [{ url: 'https://example.jp/x.csv' }] }),
        siteActor,
      )) as { id: string; resources: Array<{ id: string }> };
      const resourceId = pkg.resources[0]?.id ?? '';
      // The state a process leaves when it dies after recording the version, before its reindex.
      await p.db.kysely
        .insertInto('resource_version')
        .values({
          resource_id: resourceId,
          version: 1,
          file_sha256: 'x',
          size: 1,
          created_by: null,
          created: '2026-11-25T00:00:00',
          row_count: 1,
          schema_id: 'a14-fire_hydrant',
          schema_generation: 'current',
          conformance: 'conforming',
          report: '{}',
          status: 'loaded',
          error: null,
        })
        .execute();
      await p.db.kysely
        .insertInto('job')
        .values({
          id: 'crashed-job',
          kind: 'ingest',
          resource_id: resourceId,
          state: 'running',
          progress: '{}',
          error: null,
          created_by: null,
          created: '2026-11-25T00:00:00',
          started: '2026-11-25T00:00:00',
          finished: null,
          attempts: 1,
        })
        .execute();
      assert.deepEqual(await names('s5_schema:a14-fire_hydrant'), []);
      await recoverInterruptedJobs({ db: p.db, now: () => p.clock.now() });
      assert.deepEqual(await names('s5_schema:a14-fire_hydrant'), ['facet-crashed']);
    });

    it('refuses a facet field it does not know', async () => {
      await assert.rejects(search({ 'facet.field': ['s5_nothing'] }), { code: 'search_query' });
    });
  });
}
