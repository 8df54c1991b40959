import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../api/index.ts';
import { anonymous } from '../core/action.ts';
import type { CoverageMatrix } from '../coverage/index.ts';
import type { Platform } from '../platform/index.ts';
import {
  createTestUsers,
  siteActor,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import {
  type MergedTableView,
  PUBLISHER_CODE,
  PUBLISHER_NAME,
  SOURCE_DATASET,
  SOURCE_RESOURCE,
} from './index.ts';
import { mergedRefreshIdle } from './schedule-refresh.ts';
import {
  aedFile,
  aedNames,
  firstAedPoint,
  publishAed,
  reingestAed,
} from './testing/publish-aed.ts';

const SAPPORO = '011002';
const HAKODATE = '012025';
const KUSHIRO = '012068';
const OBIHIRO = '012076';

interface SearchResult {
  total: number;
  records: Array<Record<string, unknown>>;
}

for (const backend of testBackends()) {
  describe(`merged standard tables (${backend.name})`, { skip: backend.skip }, () => {
    let p: Platform;
    let users: TestUsers;
    let app: Hono;
    const list = async (actor = anonymous) =>
      (
        (await p.call('s5_merged_list', { schema: 'r01-aed' }, actor)) as {
          results: MergedTableView[];
        }
      ).results;
    const aedTable = async () => {
      const [table] = await list(siteActor);
      if (!table) throw new Error('no merged AED table');
      return table;
    };
    const search = async (input: Record<string, unknown> = {}, actor = anonymous) =>
      (await p.call(
        'datastore_search',
        { resource_id: (await aedTable()).resource_id, limit: 1000, sort: '_id', ...input },
        actor,
      )) as SearchResult;
    const rowsOf = async (code: string) => await search({ filters: { [PUBLISHER_CODE]: code } });

    before(async () => {
      p = await backend.open();
      users = await createTestUsers(p);
      app = createApp(p);
    });
    after(() => p?.close());

    it('has no merged table while nothing is published', async () => {
      const all = (await p.call('s5_merged_list', {})) as { count: number };
      assert.equal(all.count, 0);
    });

    describe('after 札幌市 and 帯広市 publish AED files, 函館市 a private one and 釧路市 a broken one', () => {
      let sapporo: { datasetId: string; resourceId: string };
      let obihiro: { datasetId: string; resourceId: string };
      let kushiro: { datasetId: string; resourceId: string };
      before(async () => {
        sapporo = await publishAed(p, users, 'sapporo-shi', aedFile(SAPPORO, 0, 10));
        obihiro = await publishAed(p, users, 'obihiro-shi', aedFile(OBIHIRO, 10, 30));
        await publishAed(p, users, 'hakodate-shi', aedFile(HAKODATE, 30, 40), { private: true });
        kushiro = await publishAed(p, users, 'kushiro-shi', aedFile(KUSHIRO, 40, 45, true));
      });

      it('makes one public dataset of the prefecture holding both public files', async () => {
        const table = await aedTable();
        const pkg = (await p.call('package_show', { id: table.package_id })) as {
          name: string;
          title: string;
          private: boolean;
          organization: { name: string };
        };
        assert.deepEqual(
          [table.member_count, table.row_count, pkg.name, pkg.private, pkg.organization.name],
          [2, 30, 'merged-r01-aed', false, 'hokkaido'],
        );
        assert.equal(pkg.title, 'AED設置箇所一覧（北海道全域・統合、推奨データセット形式）');
      });

      it("carries each row's publisher code and name and its source dataset and resource", async () => {
        const rows = await rowsOf(SAPPORO);
        assert.equal(rows.total, 10);
        assert.deepEqual(
          new Set(
            rows.records.map((r) =>
              [r[PUBLISHER_NAME], r[SOURCE_DATASET], r[SOURCE_RESOURCE]].join(' '),
            ),
          ),
          new Set([`札幌市 ${sapporo.datasetId} ${sapporo.resourceId}`]),
        );
        assert.deepEqual(
          rows.records.map((r) => r.名称),
          aedNames(0, 10),
        );
      });

      it('copies the rows of 帯広市 under its own code', async () => {
        const rows = await rowsOf(OBIHIRO);
        assert.deepEqual(
          [rows.total, rows.records.every((r) => r[PUBLISHER_NAME] === '帯広市')],
          [20, true],
        );
      });

      it('keeps the rows of a private dataset out', async () => {
        assert.equal((await rowsOf(HAKODATE)).total, 0);
      });

      it('keeps a nonconforming file out', async () => {
        const [version] = (await p.call(
          's5_resource_versions',
          { id: kushiro.resourceId },
          users.sysadmin,
        )) as Array<{ status: string; conformance: string }>;
        assert.deepEqual([version?.status, version?.conformance], ['loaded', 'nonconforming']);
        assert.equal((await rowsOf(KUSHIRO)).total, 0);
      });

      it('answers q with filters and sort like any datastore table', async () => {
        const found = await search({
          q: '体育館',
          filters: { [PUBLISHER_CODE]: [SAPPORO, OBIHIRO] },
          sort: `${PUBLISHER_CODE} desc, _id`,
          limit: 2,
        });
        const expected = aedNames(0, 30).filter((n) => n.includes('体育館'));
        assert.equal(found.total, expected.length);
        assert.deepEqual(
          found.records.map((r) => [r[PUBLISHER_CODE], r.名称]),
          [
            [OBIHIRO, aedNames(10, 30).find((n) => n.includes('体育館'))],
            [SAPPORO, aedNames(0, 10).find((n) => n.includes('体育館'))],
          ],
        );
      });

      it('exports the merged table as GeoJSON with a point and the publisher on every row', async () => {
        const { resource_id } = await aedTable();
        const res = await app.request(`/datastore/dump/${resource_id}?format=geojson`);
        const geo = (await res.json()) as {
          features: Array<{
            geometry: { coordinates: number[] } | null;
            properties: Record<string, unknown>;
          }>;
        };
        assert.equal(res.status, 200);
        assert.equal(geo.features.length, 30);
        assert.deepEqual(geo.features[0]?.geometry?.coordinates, firstAedPoint());
        assert.equal(geo.features[0]?.properties[PUBLISHER_NAME], '札幌市');
      });

      it('does not count the merged dataset as the prefecture publishing the schema', async () => {
        const m = (await p.call('s5_coverage', {
          schema: 'r01-aed',
          organization: 'hokkaido',
        })) as CoverageMatrix;
        assert.equal(m.cells[0]?.published, false);
      });

      describe('when 帯広市 loads a new version with other rows', () => {
        let sapporoIdsBefore: unknown[];
        before(async () => {
          sapporoIdsBefore = (await rowsOf(SAPPORO)).records.map((r) => r._id);
          await reingestAed(p, users, obihiro.resourceId, aedFile(OBIHIRO, 50, 55));
        });

        it("replaces only 帯広市's rows", async () => {
          const rows = await rowsOf(OBIHIRO);
          assert.deepEqual(
            rows.records.map((r) => r.名称),
            aedNames(50, 55),
          );
        });

        it("leaves 札幌市's rows untouched, with their _id", async () => {
          const ids = (await rowsOf(SAPPORO)).records.map((r) => r._id);
          assert.deepEqual(ids, sapporoIdsBefore);
        });
      });

      describe('s5_merged_refresh', () => {
        it('refuses anyone but a sysadmin', async () => {
          await assert.rejects(p.call('s5_merged_refresh', {}, users.admin), {
            code: 'not_authorized',
          });
        });

        it('rebuilds the table from every member on request', async () => {
          const { results } = (await p.call(
            's5_merged_refresh',
            { schema: 'r01-aed' },
            users.sysadmin,
          )) as { results: Array<{ status: string; rebuilt: boolean; members: number }> };
          assert.deepEqual(
            results.map((r) => [r.status, r.rebuilt, r.members]),
            [['refreshed', true, 2]],
          );
          assert.equal((await search()).total, 15);
        });
      });

      describe("when 札幌市's dataset goes private", () => {
        before(async () => {
          await p.call('package_patch', { id: sapporo.datasetId, private: true }, users.editor);
          await mergedRefreshIdle(p.db);
        });

        it('removes its rows from the merged table', async () => {
          const all = await search();
          assert.deepEqual(
            [all.total, all.records.some((r) => r[PUBLISHER_CODE] === SAPPORO)],
            [5, false],
          );
        });

        it('lists only 帯広市 as a member', async () => {
          const [table] = await list();
          assert.deepEqual(
            table?.members?.map((m) => m.publisher_code),
            [OBIHIRO],
          );
        });
      });

      describe("when the last member's resource is deleted", () => {
        before(async () => {
          await p.call('resource_delete', { id: obihiro.resourceId }, siteActor);
          await mergedRefreshIdle(p.db);
        });

        it('makes the empty merged dataset private, so anonymous callers no longer find it', async () => {
          const mine = await list(siteActor);
          assert.deepEqual([await list(), mine[0]?.private, mine[0]?.row_count], [[], true, 0]);
        });
      });

      describe('when an administrator deletes the merged dataset', () => {
        before(async () => {
          await p.call('package_delete', { id: 'merged-r01-aed' }, users.sysadmin);
          await mergedRefreshIdle(p.db);
        });

        it('leaves it deleted instead of making it again', async () => {
          const { results } = (await p.call(
            's5_merged_refresh',
            { schema: 'r01-aed' },
            users.sysadmin,
          )) as { results: Array<{ status: string }> };
          assert.deepEqual(
            results.map((r) => r.status),
            ['deleted'],
          );
        });
      });
    });
  });
}
