import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../../platform/index.ts';
import { anonymous } from '../../core/action.ts';
import { testBackends } from '../../../test/support/backends.ts';
import type { Descriptor } from '../datapackage/build-descriptor.ts';
import {
  assertValidDataPackage,
  createPackageWithTables,
} from '../testing/datapackage-fixtures.ts';
import {
  createTestUsers,
  openDatastorePlatform,
  rejectsWith,
  type TestUsers,
} from '../testing/fixtures.ts';

for (const backend of testBackends()) {
  describe(`s5_datapackage_show on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
    });
    after(() => p?.close());

    it('describes each datastore table as a tabular resource with its Table Schema', async () => {
      const { name, tableId, aedId } = await createPackageWithTables(p, u);
      const d = (await p.call('s5_datapackage_show', { id: name }, anonymous)) as Descriptor;
      assertValidDataPackage(d);
      assert.equal(d.name, name);
      assert.equal(d.title, '札幌市AED一覧');
      assert.deepEqual(d.keywords, ['AED', '防災']);
      assert.equal(d.licenses?.[0]?.name, 'cc-by-4.0');
      assert.deepEqual(
        d.resources.map((r) => r.resource_id),
        [tableId, aedId],
      );
      const [table, aed] = d.resources;
      assert.equal(table?.path, `http://s5.test/datastore/dump/${tableId}?format=csv`);
      assert.deepEqual(table?.schema, {
        fields: [
          { name: '名称', type: 'string', title: '施設の名称', description: '正式名称' },
          { name: '台数', type: 'integer' },
          { name: '確認日時', type: 'datetime', format: 'any' },
        ],
        primaryKey: ['名称'],
        missingValues: [''],
      });
      assert.equal(table?.conformsTo, undefined);
      assert.equal(aed?.conformsTo?.id, 'r01-aed');
      assert.equal(aed?.conformsTo?.conformance.startsWith('conforming'), true);
      assert.equal(
        aed?.conformsTo?.path,
        'http://s5.test/api/3/action/s5_schema_show?id=r01-aed&format=tableschema',
      );
    });

    it('follows the dataset visibility: a private dataset is not found for outsiders', async () => {
      const { packageId } = await createPackageWithTables(p, u, { private: true });
      await rejectsWith(p.call('s5_datapackage_show', { id: packageId }, anonymous), 'not_found');
      await rejectsWith(
        p.call('s5_datapackage_show', { id: packageId }, u.otherOrgEditor),
        'not_found',
      );
      const d = (await p.call('s5_datapackage_show', { id: packageId }, u.member)) as Descriptor;
      assert.equal(d.resources.length, 2);
    });

    it('leaves out resources without a datastore table and deleted ones', async () => {
      const { packageId, tableId } = await createPackageWithTables(p, u);
      await p.call('resource_delete', { id: tableId }, u.editor);
      const d = (await p.call('s5_datapackage_show', { id: packageId }, anonymous)) as Descriptor;
      assert.deepEqual(
        d.resources.map((r) => r.title),
        ['AED'],
      );
    });
  });
}
