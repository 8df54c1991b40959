import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../../platform/index.ts';
import { testBackends } from '../../../test/support/backends.ts';
import { createExportTable } from '../export/export-testing.ts';
import {
  createTestUsers,
  openDatastorePlatform,
  rejectsWith,
  type TestUsers,
} from '../testing/fixtures.ts';

for (const backend of testBackends()) {
  describe(`s5_datastore_export_info on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let id: string;
    let privateId: string;
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      id = await createExportTable(p, u);
      privateId = await createExportTable(p, u, { private: true });
    });
    after(() => p?.close());

    it("describes a download: file name from the resource's name, media type, count and fields", async () => {
      const info = (await p.call('s5_datastore_export_info', { resource_id: id })) as Record<
        string,
        unknown
      >;
      assert.deepEqual(
        { ...info, fields: (info.fields as Array<{ id: string }>).map((f) => f.id) },
        {
          resource_id: id,
          format: 'csv',
          file_name: 'テーブル.csv',
          media_type: 'text/csv; charset=utf-8',
          count: 3,
          fields: ['名称', '人数', '緯度', '経度', '備考', '金額'],
          geo_columns: { lat: '緯度', lon: '経度' },
        },
      );
    });

    it('lists where the characters CP932 lacks are, for csv-cp932', async () => {
      const info = (await p.call('s5_datastore_export_info', {
        resource_id: id,
        format: 'csv-cp932',
      })) as { unmappable_count: number; unmappable: unknown[] };
      assert.equal(info.unmappable_count, 2);
      assert.deepEqual(info.unmappable, [
        { _id: 2, column: '名称', char: '𠮷' },
        { _id: 3, column: '名称', char: '㊙' },
      ]);
    });

    it('hides a private table from anonymous callers and other organizations', async () => {
      await rejectsWith(
        p.call('s5_datastore_export_info', { resource_id: privateId }),
        'not_found',
      );
      await rejectsWith(
        p.call('s5_datastore_export_info', { resource_id: privateId }, u.otherOrgEditor),
        'not_found',
      );
    });

    it('rejects an unknown format', async () => {
      await rejectsWith(
        p.call('s5_datastore_export_info', { resource_id: id, format: 'pdf' }),
        'validation',
        ['format'],
      );
    });
  });
}
