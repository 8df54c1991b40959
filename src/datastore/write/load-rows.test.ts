import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Platform } from '../../platform/index.ts';
import { testBackends } from '../../../test/support/backends.ts';
import { findTable } from '../repo/table-registry.ts';
import {
  createDataset,
  createTable,
  createTestUsers,
  openDatastorePlatform,
  rejectsWith,
  type TestUsers,
} from '../testing/fixtures.ts';
import { loadRows } from './load-rows.ts';

async function rowCount(p: Platform, table: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(
    p.db.kysely,
  );
  return Number(r.rows[0]?.n);
}

for (const backend of testBackends()) {
  describe(`loadRows on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let id: string;
    const fields = [
      { id: '名称', type: 'text' as const },
      { id: '人数', type: 'int4' as const },
    ];
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      id = await createTable(p, u, await createDataset(p, u), { fields });
    });
    after(() => p?.close());

    async function* generate(n: number, failAt?: number) {
      for (let i = 1; i <= n; i++) {
        if (i === failAt) yield { 名称: `row ${i}`, 人数: 'not a number' };
        else yield [`row ${i}`, i];
      }
    }

    it('replaces a table with the rows of an async iterable', async () => {
      const meta = await loadRows(p.db, id, fields, generate(2500), {
        replace: true,
        primaryKey: ['名称'],
        indexes: [['人数']],
        now: new Date('2026-11-25T04:00:00Z'),
      });
      assert.equal(meta.rowCount, 2500);
      assert.equal(await rowCount(p, id), 2500);
      assert.deepEqual(meta.primaryKey, ['名称']);
      assert.equal(meta.indexes.length, 2);
    });

    it('leaves the previous version intact when a replacing load fails midway', async () => {
      await rejectsWith(
        loadRows(p.db, id, [{ id: '別', type: 'text' }, ...fields], generate(1500, 1400), {
          replace: true,
          now: new Date(),
        }),
        'validation',
        ['records'],
      );
      const meta = await findTable(p.db, id);
      assert.equal(meta?.rowCount, 2500);
      assert.deepEqual(
        meta?.fields.map((f) => f.id),
        ['名称', '人数'],
      );
      assert.equal(await rowCount(p, id), 2500);
    });

    it('appends to a table with the same fields', async () => {
      const meta = await loadRows(p.db, id, fields, [['extra', 1]], {
        replace: false,
        now: new Date(),
      });
      assert.equal(meta.rowCount, 2501);
    });
  });
}
