import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../../platform/index.ts';
import { testBackends } from '../../../test/support/backends.ts';
import {
  createDataset,
  createTable,
  createTestUsers,
  openDatastorePlatform,
  rejectsWith,
  type TestUsers,
} from '../testing/fixtures.ts';

const FIELDS = [
  { id: '名称', type: 'text' },
  { id: '緯度', type: 'float8' },
  { id: '経度', type: 'float8' },
];
/** 札幌市役所 is the centre of every search; 大通 ≈ 570 m, 札幌駅 ≈ 780 m, 函館駅 ≈ 150 km. */
const RECORDS = [
  { 名称: '札幌駅', 緯度: 43.0687, 経度: 141.3508 },
  { 名称: '函館駅', 緯度: 41.7737, 経度: 140.7264 },
  { 名称: '大通公園', 緯度: 43.0594, 経度: 141.3484 },
  { 名称: '位置不明', 緯度: null, 経度: null },
  { 名称: '札幌市役所', 緯度: 43.0621, 経度: 141.3544 },
];
const CENTRE = { lat: 43.0621, lon: 141.3544 };

type Result = { records: Array<{ 名称: string; _distance_m: number }>; total?: number };
const names = (r: unknown) => (r as Result).records.map((x) => x.名称);

for (const backend of testBackends()) {
  describe(`s5_datastore_nearby and s5_datastore_search_bbox on ${backend.name}`, {
    skip: backend.skip,
  }, () => {
    let p: Platform;
    let u: TestUsers;
    let id: string;
    let privateId: string;
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      id = await createTable(p, u, await createDataset(p, u), { fields: FIELDS, records: RECORDS });
      privateId = await createTable(p, u, await createDataset(p, u, { private: true }), {
        fields: FIELDS,
        records: RECORDS,
      });
    });
    after(() => p?.close());

    it('returns the rows within the radius, nearest first, with their distance in metres', async () => {
      const result = (await p.call('s5_datastore_nearby', {
        resource_id: id,
        ...CENTRE,
        radius_m: 700,
      })) as Result;
      assert.deepEqual(names(result), ['札幌市役所', '大通公園']);
      const [here, park] = result.records.map((r) => r._distance_m);
      assert.equal(here, 0);
      assert.ok(park !== undefined && park > 500 && park < 700, String(park));
    });

    it('returns the k nearest rows however far, without rows lacking coordinates', async () => {
      const two = await p.call('s5_datastore_nearby', { resource_id: id, ...CENTRE, limit: 2 });
      const all = await p.call('s5_datastore_nearby', { resource_id: id, ...CENTRE, limit: 10 });
      assert.deepEqual(
        [names(two), names(all)],
        [
          ['札幌市役所', '大通公園'],
          ['札幌市役所', '大通公園', '札幌駅', '函館駅'],
        ],
      );
    });

    it('accepts GET-style text parameters and limits a nearby search to a bbox', async () => {
      const result = await p.call('s5_datastore_nearby', {
        resource_id: id,
        lat: '43.0621',
        lon: '141.3544',
        limit: '10',
        bbox: '141.34,43.065,141.36,43.07',
      });
      assert.deepEqual(names(result), ['札幌駅']);
    });

    it("finds the rows in a bbox in _id order with their total: 's5_datastore_search_bbox'", async () => {
      const result = (await p.call('s5_datastore_search_bbox', {
        resource_id: id,
        bbox: [141.3, 43.0, 141.4, 43.1],
        limit: 2,
      })) as Result;
      assert.deepEqual([names(result), result.total], [['札幌駅', '大通公園'], 3]);
    });

    it('hides a private table from anonymous callers and other organizations', async () => {
      await rejectsWith(
        p.call('s5_datastore_nearby', { resource_id: privateId, ...CENTRE }),
        'not_found',
      );
      await rejectsWith(
        p.call(
          's5_datastore_search_bbox',
          { resource_id: privateId, bbox: [140, 41, 142, 44] },
          u.otherOrgEditor,
        ),
        'not_found',
      );
    });

    it('serves a private table to a member of its organization', async () => {
      const result = await p.call(
        's5_datastore_nearby',
        { resource_id: privateId, ...CENTRE, limit: 1 },
        u.member,
      );
      assert.deepEqual(names(result), ['札幌市役所']);
    });

    it('rejects a table without numeric coordinates, and a bbox with west east of east', async () => {
      const plain = await createTable(p, u, await createDataset(p, u), {
        fields: [{ id: '名称', type: 'text' }],
      });
      await rejectsWith(
        p.call('s5_datastore_nearby', { resource_id: plain, ...CENTRE }),
        'validation',
        ['resource_id'],
      );
      await rejectsWith(
        p.call('s5_datastore_search_bbox', { resource_id: id, bbox: [142, 43, 141, 44] }),
        'validation',
        ['bbox'],
      );
    });
  });
}
