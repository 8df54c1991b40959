import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Platform } from '../platform/index.ts';
import { findTable } from '../datastore/index.ts';
import { createPackageWithTables } from '../datastore/testing/datapackage-fixtures.ts';
import { createTestUsers, type TestUsers, testBackends } from '../../test/support/backends.ts';
import { openDatastorePlatform } from '../datastore/testing/fixtures.ts';

for (const backend of testBackends()) {
  describe(`ingestResource indexes on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
    });
    after(() => p?.close());

    it("indexes 緯度/経度 and the standard's municipality-code column for filters", async () => {
      const { aedId } = await createPackageWithTables(p, u);
      const meta = await findTable(p.db, aedId);
      assert.deepEqual(
        meta?.indexes.map((i) => i.fields),
        [['緯度', '経度'], ['都道府県コード又は市区町村コード']],
      );
      const found = (await p.call('datastore_search', {
        resource_id: aedId,
        filters: { 都道府県コード又は市区町村コード: '222127' },
        q: '市役所',
        limit: 1,
      })) as { total: number };
      assert.ok(found.total > 0);
    });
  });
}
