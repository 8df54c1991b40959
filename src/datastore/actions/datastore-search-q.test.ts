import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { toWords } from '../../catalog/index.ts';
import { up as migrateDatastoreQ } from '../../db/migrations/0009-datastore-q.ts';
import type { Platform } from '../../platform/index.ts';
import type { FieldDef } from '../fields/field-def.ts';
import { testBackends } from '../../../test/support/backends.ts';
import {
  callAs,
  createDataset,
  createTable,
  createTestUsers,
  openDatastorePlatform,
  type TestUsers,
} from '../testing/fixtures.ts';
import { loadRows } from '../write/load-rows.ts';

const FIELDS: FieldDef[] = [
  { id: '名称', type: 'text' },
  { id: '住所', type: 'text' },
  { id: '人数', type: 'int4' },
];
const NAMES = ['札幌駅前広場', '中央区民センター', 'さっぽろ市民会館', '大通公園', '駅南口交番'];
const PLACES = ['札幌市中央区北1条', '札幌市北区北24条', '函館市本町', '旭川市宮下通', 'ＡＥＤ棟'];

/** 40 rows mixing names, places and numbers, so that words fall in different fields. */
function records() {
  return Array.from({ length: 40 }, (_, i) => ({
    名称: `${NAMES[i % NAMES.length]}${i}`,
    住所: PLACES[(i * 3) % PLACES.length],
    人数: 100 + i * 37,
  }));
}

/** What `q` means, computed without the database: every word inside some word of the row. */
function expected(rows: ReturnType<typeof records>, q: string): string[] {
  const words = toWords(q);
  return rows
    .filter((r) => {
      const rowWords = [r.名称, r.住所 ?? '', String(r.人数)].flatMap((t) => toWords(t));
      return words.every((w) => rowWords.some((rw) => rw.includes(w)));
    })
    .map((r) => r.名称)
    .sort();
}

for (const backend of testBackends()) {
  describe(`datastore_search q index on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let id: string;
    const rows = records();
    const search = async (input: Record<string, unknown>) =>
      (await callAs(p, u.editor)('datastore_search', {
        resource_id: id,
        limit: 1000,
        ...input,
      })) as {
        total: number;
        records: Array<Record<string, unknown>>;
      };
    const names = async (input: Record<string, unknown>) =>
      (await search(input)).records.map((r) => String(r.名称)).sort();
    const table = () => sql.id(id);

    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      id = await createTable(p, u, await createDataset(p, u), {
        fields: FIELDS,
        records: rows,
        primary_key: ['名称'],
      });
    });
    after(() => p?.close());

    it('finds exactly the rows holding 1-, 2-, 3- and 4-character words, widths and kana folded', async () => {
      for (const q of [
        '駅',
        '札幌',
        '中央区',
        '市民会館',
        'サッポロ',
        'aed',
        '24条 札幌',
        '1',
        '37',
      ]) {
        const found = await search({ q });
        assert.deepEqual(
          found.records.map((r) => String(r.名称)).sort(),
          expected(rows, q),
          `q=${q}`,
        );
        assert.equal(found.total, expected(rows, q).length, `total of q=${q}`);
      }
    });

    it('answers q from the index: a row left out of it is not found', async () => {
      const target = `${NAMES[0]}0`;
      const row = await sql<{
        _id: number;
      }>`SELECT ${sql.id('_id')} FROM ${table()} WHERE ${sql.id('名称')} = ${target}`.execute(
        p.db.kysely,
      );
      const rowId = Number(row.rows[0]?._id);
      if (backend.name === 'sqlite') {
        await sql`DELETE FROM ${sql.id(`${id}_q`)} WHERE rowid = ${rowId}`.execute(p.db.kysely);
      } else {
        await sql`UPDATE ${table()} SET ${sql.id('_grams')} = '{}' WHERE ${sql.id('_id')} = ${rowId}`.execute(
          p.db.kysely,
        );
      }
      assert.ok(!(await names({ q: '札幌駅' })).includes(target));
      assert.ok((await names({ filters: { 名称: target } })).includes(target));
      // Put it back through the write path: an update recomputes the row's grams.
      await callAs(p, u.editor)('datastore_upsert', {
        resource_id: id,
        method: 'update',
        records: [{ 名称: target, 人数: 1 }],
      });
      assert.ok((await names({ q: '札幌駅' })).includes(target));
    });

    it('keeps the index in step with updates, inserts and deletes', async () => {
      const call = callAs(p, u.editor);
      await call('datastore_upsert', {
        resource_id: id,
        method: 'upsert',
        records: [
          { 名称: `${NAMES[4]}4`, 住所: '小樽市色内' },
          { 名称: '小樽運河プラザ', 住所: '小樽市色内', 人数: 5 },
        ],
      });
      assert.deepEqual(await names({ q: '小樽' }), [`${NAMES[4]}4`, '小樽運河プラザ'].sort());
      assert.deepEqual(
        await names({ q: { 住所: '色内' } }),
        [`${NAMES[4]}4`, '小樽運河プラザ'].sort(),
      );
      assert.deepEqual(await names({ q: { 名称: '色内' } }), []);
      await call('datastore_delete', { resource_id: id, filters: { 名称: '小樽運河プラザ' } });
      assert.deepEqual(await names({ q: '小樽' }), [`${NAMES[4]}4`]);
      await call('datastore_create', {
        resource_id: id,
        records: [{ 名称: '室蘭港ターミナル', 住所: '室蘭市海岸町', 人数: 9 }],
      });
      assert.deepEqual(await names({ q: '蘭港' }), ['室蘭港ターミナル']);
      await call('datastore_delete', { resource_id: id, filters: {} });
      assert.equal((await search({ q: '札幌' })).total, 0);
      await call('datastore_create', { resource_id: id, records: rows });
      assert.deepEqual(await names({ q: '市民会館' }), expected(rows, '市民会館'));
    });

    it('moves the index with a replacing load and forgets the old rows', async () => {
      await loadRows(p.db, id, FIELDS, [['釧路湿原ビジターセンター', '釧路市', 1]], {
        replace: true,
        now: new Date('2026-11-25T05:00:00Z'),
      });
      assert.deepEqual(await names({ q: '湿原' }), ['釧路湿原ビジターセンター']);
      assert.equal((await search({ q: '札幌' })).total, 0);
    });

    it('indexes a table made before the index existed when migration 0009 runs', async () => {
      const old = await createTable(p, u, await createDataset(p, u), {
        fields: FIELDS,
        records: rows,
      });
      if (backend.name === 'sqlite') {
        await sql`DROP TABLE ${sql.id(`${old}_q`)}`.execute(p.db.kysely);
      } else {
        await sql`ALTER TABLE ${sql.id(old)} DROP COLUMN ${sql.id('_grams')}`.execute(p.db.kysely);
      }
      await migrateDatastoreQ(p.db.kysely, p.db.dialect);
      const found = (await callAs(p, u.editor)('datastore_search', {
        resource_id: old,
        q: '函館',
        limit: 1000,
      })) as { records: Array<Record<string, unknown>> };
      assert.deepEqual(found.records.map((r) => String(r.名称)).sort(), expected(rows, '函館'));
    });
  });
}
