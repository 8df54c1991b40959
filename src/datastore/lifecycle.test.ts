import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Platform } from '../platform/index.ts';
import { testBackends } from '../../test/support/backends.ts';
import { findTable } from './repo/table-registry.ts';
import {
  callAs,
  createDataset,
  createTable,
  createTestUsers,
  openDatastorePlatform,
  rejectsWith,
  type TestUsers,
} from './testing/fixtures.ts';
import { loadRows } from './write/load-rows.ts';

const FIELDS = [{ id: '名称', type: 'text' as const }];

/** The test platforms run on a fixed clock that tests may move. */
function advance(p: Platform, ms: number): void {
  const clock = p.clock;
  if (!('advance' in clock) || typeof clock.advance !== 'function') {
    throw new Error('the test clock cannot move');
  }
  clock.advance(ms);
}

for (const backend of testBackends()) {
  describe(`datastore lifecycle on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
    });
    after(() => p?.close());

    /** Every relation named after the resource: its table and (SQLite) its FTS5 shadow tables. */
    async function relations(resourceId: string): Promise<string[]> {
      const found =
        backend.name === 'sqlite'
          ? await sql<{
              name: string;
            }>`SELECT name FROM sqlite_master WHERE name LIKE ${`${resourceId}%`}`.execute(
              p.db.kysely,
            )
          : await sql<{
              name: string;
            }>`SELECT relname AS name FROM pg_catalog.pg_class WHERE relname LIKE ${`${resourceId}%`} AND relnamespace = to_regnamespace(current_schema())::oid`.execute(
              p.db.kysely,
            );
      return found.rows.map((r) => r.name);
    }

    async function metadataModified(packageId: string): Promise<string> {
      const pkg = (await p.call('package_show', { id: packageId }, u.editor)) as {
        metadata_modified: string;
      };
      return pkg.metadata_modified;
    }

    it('drops the table of a deleted resource in the same transaction', async () => {
      const id = await createTable(p, u, await createDataset(p, u), {
        fields: FIELDS,
        records: [{ 名称: '札幌駅' }],
      });
      assert.ok((await relations(id)).length > 0);
      await callAs(p, u.editor)('resource_delete', { id });
      assert.deepEqual(await relations(id), []);
      assert.equal(await findTable(p.db, id), undefined);
      await rejectsWith(
        callAs(p, u.sysadmin)('datastore_search', { resource_id: id }),
        'not_found',
      );
    });

    it('drops every table of a deleted dataset, and tables package_update left behind', async () => {
      const packageId = await createDataset(p, u);
      const first = await createTable(p, u, packageId, {
        fields: FIELDS,
        records: [{ 名称: 'a' }],
      });
      const second = await createTable(p, u, packageId, {
        fields: FIELDS,
        records: [{ 名称: 'b' }],
      });
      const other = await createDataset(p, u);
      const removed = await createTable(p, u, other, { fields: FIELDS, records: [{ 名称: 'c' }] });
      // package_update with a resource list that leaves one out deletes that resource's row.
      await callAs(p, u.editor)('package_patch', { id: other, resources: [] });
      await callAs(p, u.editor)('package_delete', { id: packageId });
      for (const id of [first, second, removed]) {
        assert.deepEqual(await relations(id), [], id);
        assert.equal(await findTable(p.db, id), undefined);
      }
    });

    it("moves the dataset's metadata_modified (and its search entry) with every datastore write", async () => {
      const packageId = await createDataset(p, u);
      const call = callAs(p, u.editor);
      const id = await createTable(p, u, packageId, {
        fields: FIELDS,
        records: [{ 名称: '札幌駅' }],
        primary_key: ['名称'],
      });
      const seen = [await metadataModified(packageId)];
      const writes: Array<() => Promise<unknown>> = [
        () => call('datastore_upsert', { resource_id: id, records: [{ 名称: '札幌駅' }] }),
        () => call('datastore_create', { resource_id: id, records: [{ 名称: '大通' }] }),
        () => call('datastore_delete', { resource_id: id, filters: { 名称: '大通' } }),
        () => loadRows(p.db, id, FIELDS, [['函館駅']], { replace: true, now: p.clock.now() }),
        () => call('datastore_delete', { resource_id: id }),
      ];
      for (const write of writes) {
        advance(p, 60_000);
        await write();
        seen.push(await metadataModified(packageId));
      }
      assert.equal(new Set(seen).size, seen.length, `each write moves it: ${seen.join(', ')}`);
      const { name } = (await p.call('package_show', { id: packageId }, u.editor)) as {
        name: string;
      };
      const found = (await p.call(
        'package_search',
        { q: name, sort: 'metadata_modified desc' },
        u.editor,
      )) as { results: Array<{ id: string; metadata_modified: string }> };
      assert.equal(
        found.results.find((r) => r.id === packageId)?.metadata_modified,
        seen[seen.length - 1],
      );
    });
  });
}
