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
  SHELTER_FIELDS,
  SHELTER_RECORDS,
  type TestUsers,
} from '../testing/fixtures.ts';

type Result = {
  fields: Array<{ id: string; type: string }>;
  records: Array<Record<string, unknown>>;
  total?: number;
  _links: { start: string; next: string };
  limit: number;
  [key: string]: unknown;
};

for (const backend of testBackends()) {
  describe(`datastore_search on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let id: string;
    let privateId: string;
    const search = (input: Record<string, unknown>) =>
      p.call('datastore_search', { resource_id: id, ...input }) as Promise<Result>;
    const names = (r: Result) => r.records.map((x) => x.名称);

    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      id = await createTable(p, u, await createDataset(p, u), {
        fields: SHELTER_FIELDS,
        records: [
          ...SHELTER_RECORDS,
          { 名称: 'ＡＥＤ設置の公民館', 住所: '札幌市南区', 収容人数: 300, バリアフリー: true },
          { 名称: '駅前広場', 住所: '札幌市中央区北5条西4丁目', 収容人数: 1200 },
        ],
      });
      privateId = await createTable(p, u, await createDataset(p, u, { private: true }), {
        fields: [{ id: '名称', type: 'text' }],
        records: [{ 名称: '非公開の避難所' }],
      });
    });
    after(() => p?.close());

    it('returns every row with its _id, the fields with CKAN types, the total and _links', async () => {
      const r = await search({});
      assert.deepEqual(r.fields, [
        { id: '_id', type: 'int' },
        ...SHELTER_FIELDS.map((f) => ({ id: f.id, type: f.type === 'int' ? 'int4' : f.type })),
      ]);
      assert.equal(r.total, 5);
      assert.equal(r.total_was_estimated, false);
      assert.equal(r.limit, 100);
      assert.deepEqual(
        r.records.map((x) => x._id),
        [1, 2, 3, 4, 5],
      );
      assert.deepEqual(r._links, {
        start: `/api/3/action/datastore_search?resource_id=${id}`,
        next: `/api/3/action/datastore_search?resource_id=${id}&offset=100`,
      });
    });

    it("returns values in CKAN's wire forms: ISO dates, timestamps to the second, booleans, JSON", async () => {
      const r = await search({ limit: 3 });
      assert.deepEqual(r.records[0], {
        _id: 1,
        名称: '札幌市立中央小学校',
        住所: '札幌市中央区大通西1丁目',
        収容人数: 500,
        緯度: 43.0621,
        開設日: '2020-04-01',
        更新日時: '2026-01-05T10:00:00',
        バリアフリー: true,
        属性: { 種別: '指定避難所' },
      });
      assert.equal(r.records[1]?.更新日時, '2026-02-01T09:30:00');
      assert.equal(r.records[2]?.開設日, null);
      assert.equal(r.records[2]?.バリアフリー, true);
      assert.deepEqual(r.records[2]?.属性, [1, 2]);
    });

    it('filters by a value, by a list of values (any of) and by ranges', async () => {
      assert.deepEqual(names(await search({ filters: { 収容人数: 1200 } })), [
        '北区体育館',
        '駅前広場',
      ]);
      assert.deepEqual(
        names(await search({ filters: { 名称: ['北区体育館', '駅前広場', 'なし'] } })),
        ['北区体育館', '駅前広場'],
      );
      const r = await search({ filters: { 収容人数: { gte: 300, lt: 1200 } } });
      assert.deepEqual(names(r), ['札幌市立中央小学校', 'ＡＥＤ設置の公民館']);
      assert.equal(r.total, 2);
      assert.deepEqual(names(await search({ filters: { 開設日: { lt: '2020-01-01' } } })), [
        '北区体育館',
      ]);
      assert.deepEqual(names(await search({ filters: { バリアフリー: 'false', _id: [2, 3] } })), [
        '北区体育館',
      ]);
    });

    it('accepts GET-style parameters: filters as JSON text, numbers as text', async () => {
      const r = await search({ filters: '{"収容人数": "80"}', limit: '1', include_total: 'true' });
      assert.deepEqual(names(r), ['ていね福祉センター']);
    });

    it('finds Japanese words of one and two characters inside longer text, folding widths and kana', async () => {
      assert.deepEqual(names(await search({ q: '体育' })), ['北区体育館']);
      assert.deepEqual(names(await search({ q: '駅' })), ['駅前広場']);
      assert.deepEqual(names(await search({ q: 'テイネ' })), ['ていね福祉センター']);
      assert.deepEqual(names(await search({ q: 'aed' })), ['ＡＥＤ設置の公民館']);
      assert.deepEqual(names(await search({ q: '中央区 1200' })), ['駅前広場']);
      assert.deepEqual(
        names(await search({ q: { 住所: '中央区' } })).sort(),
        ['札幌市立中央小学校', '駅前広場'].sort(),
      );
      assert.deepEqual(names(await search({ q: { 名称: '中央区' } })), []);
    });

    it("adds CKAN's rank field with q and orders by it", async () => {
      const r = await search({ q: '札幌' });
      assert.ok(r.fields.some((f) => f.id === 'rank' && f.type === 'float'));
      assert.equal(r.records[0]?.名称, '札幌市立中央小学校');
      assert.equal(r.records[0]?.rank, 2);
    });

    it('sorts by several fields in either direction, NULLs last when ascending', async () => {
      const r = await search({ sort: '収容人数 desc, "名称" asc', fields: '名称,収容人数' });
      assert.deepEqual(names(r), [
        '北区体育館',
        '駅前広場',
        '札幌市立中央小学校',
        'ＡＥＤ設置の公民館',
        'ていね福祉センター',
      ]);
      assert.deepEqual(Object.keys(r.records[0] ?? {}), ['名称', '収容人数']);
      const byLat = await search({ sort: ['緯度'], fields: ['名称'] });
      assert.deepEqual(names(byLat).slice(0, 2), ['札幌市立中央小学校', '北区体育館']);
    });

    it('sorts numbers as numbers and JSON strings of digits stay strings', async () => {
      const t = await createTable(p, u, await createDataset(p, u), {
        fields: [
          { id: 'n', type: 'numeric' },
          { id: 'j', type: 'json' },
        ],
        records: [
          { n: '10', j: '123' },
          { n: 9.5, j: { a: 1 } },
          { n: '100.25', j: null },
        ],
      });
      const r = (await p.call('datastore_search', {
        resource_id: t,
        sort: 'n',
        fields: 'n,j',
      })) as Result;
      assert.deepEqual(r.records, [
        { n: 9.5, j: { a: 1 } },
        { n: 10, j: '123' },
        { n: 100.25, j: null },
      ]);
      const distinct = (await p.call('datastore_search', {
        resource_id: t,
        sort: 'n desc',
        fields: ['n'],
        distinct: true,
      })) as Result;
      assert.deepEqual(
        distinct.records.map((x) => x.n),
        [100.25, 10, 9.5],
      );
    });

    it('returns distinct rows of the chosen fields with their count', async () => {
      const r = await search({ fields: ['収容人数'], distinct: true, sort: '収容人数' });
      assert.deepEqual(
        r.records.map((x) => x.収容人数),
        [80, 300, 500, 1200],
      );
      assert.equal(r.total, 4);
    });

    it('pages with limit and offset, caps limit at the configured maximum, and counts with limit 0', async () => {
      const page = await search({ limit: 2, offset: 2 });
      assert.deepEqual(
        page.records.map((x) => x._id),
        [3, 4],
      );
      assert.equal(
        page._links.next,
        `/api/3/action/datastore_search?resource_id=${id}&limit=2&offset=4`,
      );
      const ctx = { ...p.context(), site: { ...p.site, datastoreMaxLimit: 3 } };
      const capped = (await p.registry.call('datastore_search', ctx, {
        resource_id: id,
        limit: 50,
      })) as Result;
      assert.equal(capped.limit, 3);
      assert.equal(capped.records.length, 3);
      const none = await search({ limit: 0 });
      assert.deepEqual(none.records, []);
      assert.equal(none.total, 5);
    });

    it("returns records as lists, CSV and TSV like CKAN's COPY output", async () => {
      const fields = ['名称', '収容人数', 'バリアフリー', '開設日', '属性'];
      const lists = await search({ fields, records_format: 'lists', limit: 1 });
      assert.deepEqual(lists.records, [
        ['札幌市立中央小学校', 500, true, '2020-04-01', { 種別: '指定避難所' }],
      ]);
      const csv = await search({ fields, records_format: 'csv', limit: 3 });
      assert.equal(
        csv.records,
        '札幌市立中央小学校,500,t,2020-04-01,"{""種別"":""指定避難所""}"\n' +
          '北区体育館,1200,f,2019-10-01,\n' +
          'ていね福祉センター,80,t,,"[1,2]"\n',
      );
      const tsv = await search({ fields: ['名称', '住所'], records_format: 'tsv', limit: 1 });
      assert.equal(tsv.records, '札幌市立中央小学校\t札幌市中央区大通西1丁目\n');
    });

    it('refuses unknown fields in filters, fields, sort and q with a 409 naming the parameter', async () => {
      await rejectsWith(search({ filters: { 存在しない: 1 } }), 'validation', ['filters']);
      await rejectsWith(search({ filters: { 収容人数: '多数' } }), 'validation', ['filters']);
      await rejectsWith(search({ filters: { 収容人数: { like: '%' } } }), 'validation', [
        'filters',
      ]);
      await rejectsWith(search({ fields: ['名称', 'x'] }), 'validation', ['fields']);
      await rejectsWith(search({ sort: 'x desc' }), 'validation', ['sort']);
      await rejectsWith(search({ q: { x: 'a' } }), 'validation', ['q']);
      await rejectsWith(search({ records_format: 'xml' }), 'validation', ['records_format']);
    });

    it('keeps injection attempts out of SQL in filters (keys and values), sort, fields, q and distinct', async () => {
      const attacks = [
        { filters: { '名称" = 名称 OR "1': 'x' } },
        { filters: { '1=1; DROP TABLE users; --': 1 } },
        { filters: { '_id) OR (1=1': 1 } },
        { fields: ['名称" FROM users --'] },
        { fields: ['*'] },
        { sort: '名称; DROP TABLE users' },
        { sort: '(SELECT name FROM users LIMIT 1)' },
        { sort: '名称 desc, 1' },
        { distinct: 'true; DROP TABLE users' },
        { limit: '1; DROP TABLE users' },
      ];
      for (const attack of attacks) {
        await rejectsWith(search(attack), 'validation');
      }
      const harmless = [
        { filters: { 名称: "x' OR '1'='1" } },
        { filters: { 名称: ['a', "'); DROP TABLE users; --"] } },
        { q: "'; DROP TABLE users; --" },
        { q: { 名称: "%' OR 1=1 --" } },
      ];
      for (const input of harmless) assert.deepEqual((await search(input)).records, []);
      const users = (await p.call('user_show', { id: 'root' }, u.sysadmin)) as { name: string };
      assert.equal(users.name, 'root');
      assert.equal((await search({})).total, 5);
    });

    it('hides private tables from anonymous callers and other organizations, not from members', async () => {
      await rejectsWith(p.call('datastore_search', { resource_id: privateId }), 'not_found');
      await rejectsWith(
        p.call('datastore_search', { resource_id: privateId }, u.otherOrgEditor),
        'not_found',
      );
      const r = (await p.call('datastore_search', { resource_id: privateId }, u.member)) as Result;
      assert.equal(r.total, 1);
    });
  });
}
