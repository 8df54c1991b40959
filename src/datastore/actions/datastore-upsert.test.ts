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

type Rows = { records: Array<Record<string, unknown>>; total: number };

for (const backend of testBackends()) {
  describe(`datastore_upsert on ${backend.name}`, { skip: backend.skip }, () => {
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
          { id: 'code', type: 'text' },
          { id: '名称', type: 'text' },
          { id: '人数', type: 'int' },
        ],
        records: [
          { code: 'a', 名称: '中央', 人数: 1 },
          { code: 'b', 名称: '北', 人数: 2 },
        ],
        primary_key: 'code',
      });
    const rows = async (id: string, q?: string) =>
      (await p.call('datastore_search', {
        resource_id: id,
        sort: 'code',
        ...(q ? { q } : {}),
      })) as Rows;
    const upsert = (input: Record<string, unknown>) => p.call('datastore_upsert', input, u.editor);

    it('upserts by the primary key: updates what exists (keeping omitted fields) and inserts the rest', async () => {
      const id = await table();
      const result = await upsert({
        resource_id: id,
        records: [
          { code: 'b', 人数: 20 },
          { code: 'c', 名称: '南', 人数: 3 },
        ],
      });
      assert.deepEqual(result, { resource_id: id, method: 'upsert' });
      const r = await rows(id);
      assert.deepEqual(
        r.records.map((x) => [x.code, x.名称, x.人数]),
        [
          ['a', '中央', 1],
          ['b', '北', 20],
          ['c', '南', 3],
        ],
      );
      assert.equal(r.total, 3);
    });

    it('keeps the full-text index in step with updated rows', async () => {
      const id = await table();
      await upsert({ resource_id: id, method: 'update', records: [{ code: 'a', 名称: '手稲' }] });
      assert.deepEqual(
        (await rows(id, '手稲')).records.map((x) => x.code),
        ['a'],
      );
      assert.deepEqual((await rows(id, '中央')).records, []);
    });

    it('inserts with method insert and refuses a duplicate key with the constraints error', async () => {
      const id = await table();
      await upsert({ resource_id: id, method: 'insert', records: [{ code: 'z', 人数: 9 }] });
      assert.equal((await rows(id)).total, 3);
      await rejectsWith(
        upsert({ resource_id: id, method: 'insert', records: [{ code: 'a' }] }),
        'validation',
        ['constraints'],
      );
      assert.equal((await rows(id)).total, 3);
    });

    it('updates by _id, and fails for a key that does not exist', async () => {
      const id = await table();
      await upsert({ resource_id: id, method: 'update', records: [{ _id: 1, 人数: 100 }] });
      assert.equal((await rows(id)).records[0]?.人数, 100);
      await rejectsWith(
        upsert({ resource_id: id, method: 'update', records: [{ code: 'nope', 人数: 1 }] }),
        'validation',
        ['key'],
      );
    });

    it('rolls back every record when one fails, and changes nothing on a dry run', async () => {
      const id = await table();
      await rejectsWith(
        upsert({
          resource_id: id,
          records: [
            { code: 'a', 人数: 5 },
            { code: 'b', 人数: 'x' },
          ],
        }),
        'validation',
        ['records'],
      );
      assert.equal((await rows(id)).records[0]?.人数, 1);
      const dry = await upsert({
        resource_id: id,
        records: [{ code: 'q', 人数: 5 }],
        dry_run: true,
      });
      assert.deepEqual(dry, { resource_id: id, method: 'upsert', dry_run: true });
      assert.equal((await rows(id)).total, 2);
    });

    it('names what is wrong: no key, missing key fields, unknown fields', async () => {
      const keyless = await createTable(p, u, pkg, { fields: [{ id: 'a', type: 'text' }] });
      await rejectsWith(upsert({ resource_id: keyless, records: [{ a: 'x' }] }), 'validation', [
        'table',
      ]);
      const id = await table();
      await rejectsWith(upsert({ resource_id: id, records: [{ 人数: 1 }] }), 'validation', ['key']);
      await rejectsWith(upsert({ resource_id: id, records: [{ code: 'a', x: 1 }] }), 'validation', [
        'fields',
      ]);
      await rejectsWith(upsert({ resource_id: id, method: 'merge', records: [] }), 'validation', [
        'method',
      ]);
    });

    it('lets only editors of the dataset write', async () => {
      const id = await table();
      await rejectsWith(
        p.call('datastore_upsert', { resource_id: id, records: [{ code: 'a' }] }, u.member),
        'not_authorized',
      );
      await rejectsWith(
        p.call('datastore_upsert', { resource_id: id, records: [{ code: 'a' }] }),
        'not_authorized',
      );
    });
  });
}
