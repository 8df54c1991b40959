import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../../platform/index.ts';
import { testBackends } from '../../../test/support/backends.ts';
import { findTable } from '../repo/table-registry.ts';
import {
  createDataset,
  createTable,
  createTestUsers,
  openDatastorePlatform,
  type TestUsers,
} from '../testing/fixtures.ts';
import { copyRows, deleteCopiedRows } from './copy-rows.ts';

const NOW = new Date('2026-11-25T04:00:00Z');

for (const backend of testBackends()) {
  describe(`copyRows on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let source: string;
    let target: string;
    const search = (input: Record<string, unknown>) =>
      p.call('datastore_search', { resource_id: target, ...input }, u.editor) as Promise<{
        total: number;
        records: Array<Record<string, unknown>>;
      }>;

    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      const pkg = await createDataset(p, u);
      source = await createTable(p, u, pkg, {
        fields: [
          { id: '名称', type: 'text' },
          { id: '緯度', type: 'float8' },
          { id: '人数', type: 'int4' },
        ],
        records: [
          { 名称: '札幌市役所', 緯度: 43.0621, 人数: 12 },
          { 名称: '北区役所', 緯度: 43.0906, 人数: null },
        ],
      });
      target = await createTable(p, u, pkg, {
        fields: [
          { id: '公開者', type: 'text' },
          { id: '名称', type: 'text' },
          { id: '緯度', type: 'numeric' },
          { id: '人数', type: 'text' },
          { id: '備考', type: 'text' },
        ],
      });
    });
    after(() => p?.close());

    it('appends every source row with constants, converted types and searchable text', async () => {
      const copied = await copyRows(
        p.db,
        source,
        target,
        [
          { value: '札幌市' },
          { column: '名称' },
          { column: '緯度' },
          { column: '人数' },
          { empty: true },
        ],
        NOW,
      );
      const all = await search({ sort: '_id' });
      const found = await search({ q: '北区' });
      assert.deepEqual([copied, all.total, (await findTable(p.db, target))?.rowCount], [2, 2, 2]);
      assert.deepEqual(
        all.records.map((r) => [r.公開者, r.名称, r.緯度, r.人数, r.備考]),
        [
          ['札幌市', '札幌市役所', 43.0621, '12', null],
          ['札幌市', '北区役所', 43.0906, null, null],
        ],
      );
      assert.deepEqual(
        found.records.map((r) => r.名称),
        ['北区役所'],
      );
    });

    it('deletes only the rows carrying a value, keeping the row count exact', async () => {
      await copyRows(
        p.db,
        source,
        target,
        [
          { value: '函館市' },
          { column: '名称' },
          { empty: true },
          { empty: true },
          { empty: true },
        ],
        NOW,
      );
      const deleted = await deleteCopiedRows(p.db, target, '公開者', '札幌市', NOW);
      const left = await search({});
      assert.deepEqual([deleted, left.total, (await findTable(p.db, target))?.rowCount], [2, 2, 2]);
      assert.ok(left.records.every((r) => r.公開者 === '函館市'));
    });

    it('refuses a source column the source table does not have, copying nothing', async () => {
      const before = (await findTable(p.db, target))?.rowCount;
      await assert.rejects(
        copyRows(
          p.db,
          source,
          target,
          [
            { value: 'x' },
            { column: '存在しない' },
            { empty: true },
            { empty: true },
            { empty: true },
          ],
          NOW,
        ),
        (e: Error & { code?: string }) => e.code === 'internal',
      );
      assert.equal((await findTable(p.db, target))?.rowCount, before);
    });
  });
}
