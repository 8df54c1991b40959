import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
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

for (const backend of testBackends()) {
  describe(`datastore_delete on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let pkg: string;
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      pkg = await createDataset(p, u);
    });
    after(() => p?.close());

    const table = () =>
      createTable(p, u, pkg, {
        fields: [
          { id: '区', type: 'text' },
          { id: '人数', type: 'int' },
        ],
        records: [
          { 区: '中央区', 人数: 10 },
          { 区: '北区', 人数: 20 },
          { 区: '南区', 人数: 30 },
        ],
      });
    const total = async (id: string) =>
      ((await p.call('datastore_search', { resource_id: id })) as { total: number }).total;

    it('deletes the rows matching filters and keeps the count exact', async () => {
      const id = await table();
      const result = await p.call(
        'datastore_delete',
        { resource_id: id, filters: { 人数: { gte: 20 } } },
        u.editor,
      );
      assert.deepEqual(result, { resource_id: id, filters: { 人数: { gte: 20 } } });
      const r = (await p.call('datastore_search', { resource_id: id })) as {
        records: Array<{ 区: string }>;
        total: number;
      };
      assert.deepEqual(
        r.records.map((x) => x.区),
        ['中央区'],
      );
      assert.equal(r.total, 1);
      const info = (await p.call('datastore_info', { id })) as { meta: { count: number } };
      assert.equal(info.meta.count, 1);
    });

    it('deletes every row with empty filters but keeps the table', async () => {
      const id = await table();
      await p.call('datastore_delete', { resource_id: id, filters: {} }, u.editor);
      assert.equal(await total(id), 0);
    });

    it('drops the table without filters and clears datastore_active', async () => {
      const id = await table();
      assert.deepEqual(await p.call('datastore_delete', { id }, u.editor), { resource_id: id });
      await rejectsWith(p.call('datastore_search', { resource_id: id }), 'not_found');
      const res = (await p.call('resource_show', { id })) as { datastore_active: boolean };
      assert.equal(res.datastore_active, false);
      const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(id)}`
        .execute(p.db.kysely)
        .then(() => true)
        .catch(() => false);
      assert.equal(exists, false);
    });

    it('refuses filters that are not a dict or name unknown fields, deleting nothing', async () => {
      const id = await table();
      await rejectsWith(
        p.call('datastore_delete', { resource_id: id, filters: '[1]' }, u.editor),
        'validation',
        ['filters'],
      );
      await rejectsWith(
        p.call(
          'datastore_delete',
          { resource_id: id, filters: { '区" OR 1=1 --': 'x' } },
          u.editor,
        ),
        'validation',
        ['filters'],
      );
      await p.call(
        'datastore_delete',
        { resource_id: id, filters: { 区: "x' OR '1'='1" } },
        u.editor,
      );
      assert.equal(await total(id), 3);
    });

    it('lets only editors delete, and answers not found for a resource without a table', async () => {
      const id = await table();
      await rejectsWith(p.call('datastore_delete', { id }, u.member), 'not_authorized');
      await rejectsWith(p.call('datastore_delete', { id }, u.otherOrgEditor), 'not_authorized');
      await p.call('datastore_delete', { id }, u.editor);
      await rejectsWith(p.call('datastore_delete', { id }, u.editor), 'not_found');
    });
  });
}
