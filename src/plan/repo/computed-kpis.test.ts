import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../../platform/index.ts';
import { buildPackage, siteActor, testBackends } from '../../../test/support/backends.ts';
import {
  COMPUTED_QUERIES,
  countDatasetsPublished,
  countFreshDatasets,
  countMunicipalitiesPublishing,
  countResourcesPublished,
  runComputedQuery,
} from './computed-kpis.ts';

const HOKKAIDO = '010006';
const NOW = new Date('2026-11-25T03:00:00Z');
const scope = { prefectureCode: HOKKAIDO, asOf: NOW };
const link = (name: string) => ({ url: `https://example.jp/${name}.csv`, name });

for (const backend of testBackends()) {
  describe(`computed KPIs on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    before(async () => {
      p = await backend.open();
    });
    after(() => p?.close());

    describe('on an empty catalog', () => {
      it('count no municipality publishing, out of the 179', async () => {
        assert.deepEqual(await countMunicipalitiesPublishing(p.db, HOKKAIDO), {
          publishing: 0,
          municipalities: 179,
        });
      });

      it('cannot say how fresh the data is when nothing is published', async () => {
        const r = await COMPUTED_QUERIES.datasets_fresh_share(p.db, scope);
        assert.equal(r.computable, false);
      });
    });

    describe('on a catalog with public, private, draft and deleted datasets', () => {
      before(async () => {
        const create = (o: Record<string, unknown>) =>
          p.call('package_create', buildPackage(o), siteActor);
        await create({ name: 'sapporo-a', resources: [link('a1'), link('a2')] });
        await create({ name: 'sapporo-b', resources: [link('b1')] });
        await create({
          name: 'hakodate-private',
          owner_org: 'hakodate-shi',
          private: true,
          resources: [link('p')],
        });
        await create({ name: 'otaru-draft', owner_org: 'otaru-shi', state: 'draft' });
        await create({ name: 'obihiro-gone', owner_org: 'obihiro-shi', resources: [link('g')] });
        await p.call('package_delete', { id: 'obihiro-gone' }, siteActor);
        await create({ name: 'pref-data', owner_org: 'hokkaido', resources: [link('h')] });
        const b = (await p.call('package_show', { id: 'sapporo-b' })) as {
          resources: Array<{ id: string }>;
        };
        await p.call('resource_delete', { id: b.resources[0]?.id }, siteActor);
      });

      it('count a municipality only for an active public dataset, and never the prefecture itself', async () => {
        assert.deepEqual(await countMunicipalitiesPublishing(p.db, HOKKAIDO), {
          publishing: 1,
          municipalities: 179,
        });
      });

      it('give the share of municipalities publishing in percent, one decimal', async () => {
        assert.deepEqual(await runComputedQuery(p.db, 'municipalities_publishing_share', scope), {
          computable: true,
          value: 0.6,
          detail: { publishing: 1, municipalities: 179 },
        });
      });

      it('count active public datasets of every publisher', async () => {
        assert.equal(await countDatasetsPublished(p.db), 3);
      });

      it('count the active resources of active public datasets', async () => {
        assert.equal(await countResourcesPublished(p.db), 3);
      });

      it('count a dataset as fresh for a year after its last change', async () => {
        assert.deepEqual(await countFreshDatasets(p.db, NOW), { fresh: 3, datasets: 3 });
        const later = new Date('2028-01-01T00:00:00Z');
        assert.deepEqual(await countFreshDatasets(p.db, later), { fresh: 0, datasets: 3 });
      });

      it('count no municipality for the standard-dataset KPIs when nothing was ingested', async () => {
        for (const name of ['standard_dataset_publishers', 'standard_dataset_conforming']) {
          const r = await runComputedQuery(p.db, name, scope);
          assert.deepEqual(r, { computable: true, value: 0, detail: {} });
        }
      });

      it('report an unknown query as not computable rather than failing', async () => {
        const r = await runComputedQuery(p.db, 'no_such_query', scope);
        assert.equal(r.computable, false);
      });
    });
  });
}
