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

for (const backend of testBackends()) {
  describe(`datastore_info on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let id: string;
    let privateId: string;
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      id = await createTable(p, u, await createDataset(p, u), {
        fields: [
          { id: 'code', type: 'text', info: { label: '施設コード', notes: '6桁' } },
          { id: '人数', type: 'int' },
        ],
        records: [
          { code: 'a', 人数: 1 },
          { code: 'b', 人数: 2 },
        ],
        primary_key: ['code'],
        indexes: ['人数'],
      });
      privateId = await createTable(p, u, await createDataset(p, u, { private: true }), {
        fields: [{ id: 'secret', type: 'text' }],
      });
    });
    after(() => p?.close());

    it("answers CKAN's shape: meta with the row count, fields with info and schema", async () => {
      const info = (await p.call('datastore_info', { id })) as {
        meta: Record<string, unknown>;
        fields: Array<Record<string, unknown>>;
      };
      assert.equal(info.meta.id, id);
      assert.equal(info.meta.count, 2);
      assert.equal(info.meta.table_type, 'BASE TABLE');
      assert.deepEqual(info.meta.aliases, []);
      for (const key of ['size', 'idx_size', 'db_size'])
        assert.equal(typeof info.meta[key], 'number');
      assert.deepEqual(
        info.fields.map((f) => [f.id, f.type, f.info]),
        [
          ['code', 'text', { label: '施設コード', notes: '6桁' }],
          ['人数', 'int4', undefined],
        ],
      );
      const schema = info.fields.map((f) => f.schema as Record<string, unknown>);
      assert.equal(schema[0]?.uniquekey, true);
      assert.equal(schema[1]?.is_index, true);
      assert.equal(schema[1]?.uniquekey, false);
    });

    it('leaves out meta and schema when asked', async () => {
      const info = (await p.call('datastore_info', {
        resource_id: id,
        include_meta: 'false',
        include_fields_schema: false,
      })) as Record<string, unknown>;
      assert.deepEqual(info, {
        fields: [
          { id: 'code', type: 'text', info: { label: '施設コード', notes: '6桁' } },
          { id: '人数', type: 'int4' },
        ],
      });
    });

    it('hides a private table from anonymous callers and other organizations, not from members', async () => {
      await rejectsWith(p.call('datastore_info', { id: privateId }), 'not_found');
      await rejectsWith(p.call('datastore_info', { id: privateId }, u.otherOrgEditor), 'not_found');
      const info = (await p.call('datastore_info', { id: privateId }, u.member)) as {
        fields: unknown[];
      };
      assert.equal(info.fields.length, 1);
    });

    it('answers not found for a resource without a table, a deleted one and an unknown id', async () => {
      const pkg = await createDataset(p, u);
      const link = (await p.call(
        'resource_create',
        { package_id: pkg, url: 'https://example.jp/a.csv' },
        u.editor,
      )) as { id: string };
      await rejectsWith(p.call('datastore_info', { id: link.id }), 'not_found');
      const gone = await createTable(p, u, pkg, { fields: [{ id: 'a', type: 'text' }] });
      await p.call('resource_delete', { id: gone }, u.editor);
      await rejectsWith(p.call('datastore_info', { id: gone }), 'not_found');
      await rejectsWith(p.call('datastore_info', { id: 'no-such-resource' }), 'not_found');
    });
  });
}
