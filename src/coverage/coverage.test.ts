import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Upload } from '../files/index.ts';
import { drainQueue } from '../ingest/index.ts';
import type { Platform } from '../platform/index.ts';
import { runComputedQuery } from '../plan/repo/computed-kpis.ts';
import {
  buildPackage,
  createTestUsers,
  siteActor,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import type { CoverageCell, CoverageMatrix } from './index.ts';

const AED = path.resolve(import.meta.dirname, '../../test/fixtures/real-csv/yaizu_222127_aed.csv');
const OBIHIRO = '012076';
const SAPPORO = '011002';
const scope = { prefectureCode: '010006', asOf: new Date('2026-11-25T03:00:00Z') };

for (const backend of testBackends()) {
  describe(`coverage (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let users: TestUsers;
    const coverage = (input: Record<string, unknown>) =>
      p.call('s5_coverage', input) as Promise<CoverageMatrix>;
    const cell = (m: CoverageMatrix, code: string, schema: string): CoverageCell | undefined =>
      m.cells.find((c) => c.publisher === code && c.schema === schema);
    const kpi = async (name: string) => {
      const r = await runComputedQuery(p.db, name, scope);
      return r.computable ? r.value : null;
    };

    /** Uploads the 焼津市 AED file as a resource of a new dataset and ingests it. */
    const publishAed = async (overrides: Record<string, unknown>) => {
      const pkg = (await p.call('package_create', buildPackage(overrides), siteActor)) as {
        id: string;
      };
      const bytes = new Uint8Array(readFileSync(AED));
      const stored = await p.files.put(
        (async function* () {
          yield bytes;
        })(),
        10_000_000,
      );
      const upload = new Upload(stored, 'aed.csv', 'text/csv');
      const res = (await p.call(
        'resource_create',
        { package_id: pkg.id, name: 'AED', upload },
        siteActor,
      )) as { id: string };
      await p.call('s5_resource_ingest', { id: res.id }, users.sysadmin);
      await drainQueue({ db: p.db, files: p.files, now: () => p.clock.now() });
      return { datasetId: pkg.id, resourceId: res.id };
    };

    let obihiro: { datasetId: string; resourceId: string };
    before(async () => {
      p = await backend.open();
      users = await createTestUsers(p);
    });
    after(() => p?.close());

    it('counts no municipality publishing a standard dataset before anything is ingested', async () => {
      assert.deepEqual(
        [await kpi('standard_dataset_publishers'), await kpi('standard_dataset_conforming')],
        [0, 0],
      );
    });

    it('lists the prefecture and its 179 municipalities, all unpublished, on an empty catalog', async () => {
      const m = await coverage({ schema: 'r01-aed' });
      assert.equal(m.publishers.length, 180);
      assert.deepEqual(
        m.schemas.map((s) => s.id),
        ['r01-aed'],
      );
      assert.ok(m.cells.every((c) => !c.published));
    });

    describe('after a public AED file of 帯広市 and a private one of 札幌市 are ingested', () => {
      before(async () => {
        obihiro = await publishAed({ owner_org: 'obihiro-shi' });
        const hidden = await publishAed({ owner_org: 'sapporo-shi', private: true });
        const versions = (await p.call(
          's5_resource_versions',
          { id: hidden.resourceId },
          users.sysadmin,
        )) as Array<{ status: string; schema_id: string | null }>;
        // The private file did load as r01-aed: only its dataset's privacy keeps it out.
        assert.deepEqual([versions[0]?.status, versions[0]?.schema_id], ['loaded', 'r01-aed']);
      });

      it('shows 帯広市 as publishing the AED schema in conforming form with its 82 rows', async () => {
        const c = cell(await coverage({ schema: 'r01-aed' }), OBIHIRO, 'r01-aed');
        assert.equal(c?.published, true);
        assert.ok(['conforming', 'conforming_with_warnings'].includes(c?.conformance ?? ''));
        assert.equal(c?.row_count, 82);
        assert.deepEqual(
          [c?.resource_ids, c?.dataset_ids],
          [[obihiro.resourceId], [obihiro.datasetId]],
        );
        assert.match(c?.last_updated ?? '', /^\d{4}-\d\d-\d\dT/);
      });

      it('never counts the resource of a private dataset', async () => {
        const c = cell(await coverage({ organization: 'sapporo-shi' }), SAPPORO, 'r01-aed');
        assert.deepEqual(c, { publisher: SAPPORO, schema: 'r01-aed', published: false });
      });

      it('narrows the publishers to a region group', async () => {
        const m = await coverage({ region: 'tokachi', schema: 'r01-aed' });
        assert.ok(m.publishers.length > 1);
        assert.ok(m.publishers.every((x) => x.region === 'tokachi'));
        assert.ok(m.publishers.some((x) => x.code === OBIHIRO));
        assert.ok(!m.publishers.some((x) => x.code === SAPPORO));
        assert.equal(m.cells.filter((c) => c.published).length, 1);
      });

      it('narrows the schemas to a generation', async () => {
        const m = await coverage({ generation: 'current', organization: OBIHIRO });
        assert.ok(m.schemas.length > 0 && m.schemas.every((s) => s.generation === 'current'));
        assert.ok(m.cells.every((c) => !c.published));
      });

      it('writes the matrix as CSV, one row per publisher and a column per schema', async () => {
        const csv = (await p.call('s5_coverage', {
          organization: 'obihiro-shi',
          schema: 'r01-aed',
          format: 'csv',
        })) as string;
        const lines = csv.trimEnd().split('\r\n');
        assert.equal(lines[0], 'code,name,title,region,r01-aed');
        assert.match(lines[1] ?? '', /^012076,obihiro-shi,帯広市,tokachi,conforming\S* \(82\)$/);
        assert.equal(lines.length, 2);
      });

      it('answers not found for an unknown schema', async () => {
        await assert.rejects(coverage({ schema: 'z99-nothing' }), { code: 'not_found' });
      });

      it('counts 帯広市 in both plan KPIs, and only there', async () => {
        const r = await runComputedQuery(p.db, 'standard_dataset_publishers', scope);
        assert.deepEqual(r, { computable: true, value: 1, detail: { 'r01-aed': 1 } });
        assert.equal(await kpi('standard_dataset_conforming'), 1);
      });
    });
  });
}
