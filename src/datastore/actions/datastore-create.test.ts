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
  SHELTER_FIELDS,
  SHELTER_RECORDS,
  type TestUsers,
} from '../testing/fixtures.ts';

async function rowCount(p: Platform, table: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(
    p.db.kysely,
  );
  return Number(r.rows[0]?.n);
}

for (const backend of testBackends()) {
  describe(`datastore_create on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let pkg: string;
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      pkg = await createDataset(p, u);
    });
    after(() => p?.close());

    it('creates a resource and its table in one call, and marks the resource datastore_active', async () => {
      const result = (await p.call(
        'datastore_create',
        {
          resource: { package_id: pkg, name: '避難所一覧' },
          fields: SHELTER_FIELDS,
          records: SHELTER_RECORDS,
        },
        u.editor,
      )) as { resource_id: string; fields: unknown[]; method: string };
      assert.equal(result.method, 'insert');
      const res = (await p.call('resource_show', { id: result.resource_id })) as Record<
        string,
        unknown
      >;
      assert.equal(res.datastore_active, true);
      assert.equal(res.url_type, 'datastore');
      assert.equal(await rowCount(p, result.resource_id), 3);
      assert.equal((await findTable(p.db, result.resource_id))?.rowCount, 3);
    });

    it('reports CKAN type names: int becomes int4, json stays json', async () => {
      const result = (await p.call(
        'datastore_create',
        { resource: { package_id: pkg }, fields: SHELTER_FIELDS },
        u.editor,
      )) as { fields: Array<{ id: string; type: string }> };
      assert.deepEqual(
        result.fields.map((f) => f.type),
        ['text', 'text', 'int4', 'float8', 'date', 'timestamp', 'bool', 'json'],
      );
    });

    it('guesses the types of untyped fields and of extra keys from the first record', async () => {
      const result = (await p.call(
        'datastore_create',
        {
          resource: { package_id: pkg },
          fields: [{ id: 'code' }],
          records: [{ code: '011002', 人口: 1973395, 面積: 1121.26, 更新: '2026-01-01T00:00:00' }],
        },
        u.editor,
      )) as { fields: Array<{ id: string; type: string }> };
      assert.deepEqual(result.fields, [
        { id: 'code', type: 'int4' },
        { id: '人口', type: 'int4' },
        { id: '面積', type: 'float8' },
        { id: '更新', type: 'timestamp' },
      ]);
    });

    it('refuses field names CKAN refuses, naming the fields parameter', async () => {
      for (const id of ['_id', 'a"b', ' 名称', 'x'.repeat(64), '長'.repeat(22), 'tab\there']) {
        await rejectsWith(
          p.call(
            'datastore_create',
            { resource: { package_id: pkg }, fields: [{ id, type: 'text' }] },
            u.editor,
          ),
          'validation',
          ['fields'],
        );
      }
    });

    it('refuses an unknown field type and duplicate field names', async () => {
      await rejectsWith(
        p.call(
          'datastore_create',
          { resource: { package_id: pkg }, fields: [{ id: 'a', type: 'geometry' }] },
          u.editor,
        ),
        'validation',
        ['fields'],
      );
      await rejectsWith(
        p.call(
          'datastore_create',
          {
            resource: { package_id: pkg },
            fields: [
              { id: 'Name', type: 'text' },
              { id: 'name', type: 'text' },
            ],
          },
          u.editor,
        ),
        'validation',
        ['field'],
      );
    });

    it('refuses a value that does not fit its type, naming the row and field', async () => {
      await assert.rejects(
        p.call(
          'datastore_create',
          {
            resource: { package_id: pkg },
            fields: [{ id: '収容人数', type: 'int' }],
            records: [{ 収容人数: 10 }, { 収容人数: '多数' }],
          },
          u.editor,
        ),
        (e: { fields?: Record<string, string[]> }) =>
          /row 2: "収容人数" is not a whole number/.test(e.fields?.records?.[0] ?? ''),
      );
    });

    it('creates nothing, not even the resource, when a record is refused', async () => {
      const before = (await p.call('package_show', { id: pkg })) as { num_resources: number };
      await rejectsWith(
        p.call(
          'datastore_create',
          {
            resource: { package_id: pkg, name: 'broken' },
            fields: [{ id: 'n', type: 'int' }],
            records: [{ n: 'x' }],
          },
          u.editor,
        ),
        'validation',
        ['records'],
      );
      const after = (await p.call('package_show', { id: pkg })) as { num_resources: number };
      assert.equal(after.num_resources, before.num_resources);
    });

    it("refuses duplicate primary key values with CKAN's constraints error and keeps nothing", async () => {
      await rejectsWith(
        p.call(
          'datastore_create',
          {
            resource: { package_id: pkg, name: 'dup' },
            fields: [{ id: 'code', type: 'text' }],
            records: [{ code: 'a' }, { code: 'a' }],
            primary_key: 'code',
          },
          u.editor,
        ),
        'validation',
        ['constraints'],
      );
    });

    it('appends fields and records to an existing table and leaves it intact when a later call fails', async () => {
      const id = await createTable(p, u, pkg, {
        fields: [{ id: '名称', type: 'text' }],
        records: [{ 名称: 'A' }, { 名称: 'B' }],
      });
      await p.call(
        'datastore_create',
        {
          resource_id: id,
          fields: [{ id: '人数', type: 'int' }],
          records: [{ 名称: 'C', 人数: 3 }],
        },
        u.editor,
      );
      assert.equal(await rowCount(p, id), 3);
      await rejectsWith(
        p.call(
          'datastore_create',
          {
            resource_id: id,
            fields: [{ id: '備考', type: 'text' }],
            records: [{ 名称: 'D', 人数: 'many' }],
          },
          u.editor,
        ),
        'validation',
        ['records'],
      );
      const meta = await findTable(p.db, id);
      assert.deepEqual(
        meta?.fields.map((f) => f.id),
        ['名称', '人数'],
      );
      assert.equal(meta?.rowCount, 3);
      assert.equal(await rowCount(p, id), 3);
    });

    it('needs force for a resource not made for editing, as CKAN does', async () => {
      const res = (await p.call(
        'resource_create',
        { package_id: pkg, url: 'https://example.jp/a.csv', name: 'link' },
        u.editor,
      )) as { id: string };
      const input = { resource_id: res.id, fields: [{ id: 'a', type: 'text' }] };
      await rejectsWith(p.call('datastore_create', input, u.editor), 'validation', ['read-only']);
      await p.call('datastore_create', { ...input, force: true }, u.editor);
      const shown = (await p.call('resource_show', { id: res.id })) as {
        datastore_active: boolean;
      };
      assert.equal(shown.datastore_active, true);
    });

    it('lets only editors of the dataset write, and hides private datasets from others', async () => {
      const id = await createTable(p, u, pkg, { fields: [{ id: 'a', type: 'text' }] });
      const input = { resource_id: id, records: [{ a: 'x' }] };
      await rejectsWith(p.call('datastore_create', input), 'not_authorized');
      await rejectsWith(p.call('datastore_create', input, u.member), 'not_authorized');
      await rejectsWith(p.call('datastore_create', input, u.otherOrgEditor), 'not_authorized');
      const privatePkg = await createDataset(p, u, { private: true });
      const privateId = await createTable(p, u, privatePkg, {
        fields: [{ id: 'a', type: 'text' }],
      });
      await rejectsWith(
        p.call('datastore_create', { resource_id: privateId, records: [] }, u.otherOrgEditor),
        'not_found',
      );
    });

    it('refuses resource together with resource_id, and a call with neither', async () => {
      await rejectsWith(
        p.call('datastore_create', { resource_id: 'x', resource: { package_id: pkg } }, u.editor),
        'validation',
        ['resource'],
      );
      await rejectsWith(p.call('datastore_create', {}, u.editor), 'validation', ['resource_id']);
    });
  });
}
