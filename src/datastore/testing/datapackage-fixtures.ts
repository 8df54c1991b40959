import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Upload } from '../../files/index.ts';
import { ingestResource } from '../../ingest/index.ts';
import type { Platform } from '../../platform/index.ts';
import { buildPackage, type TestUsers } from '../../../test/support/backends.ts';

const REAL = path.resolve(import.meta.dirname, '../../../test/fixtures/real-csv');
const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const TYPES = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
]);

/** A dataset with two tables: one made by datastore_create, one ingested from a standard file. */
export async function createPackageWithTables(
  p: Platform,
  u: TestUsers,
  overrides: Record<string, unknown> = {},
): Promise<{ packageId: string; name: string; tableId: string; aedId: string }> {
  const pkg = (await p.call(
    'package_create',
    buildPackage({
      title: '札幌市AED一覧',
      notes: '市内のAED',
      tags: [{ name: '防災' }, { name: 'AED' }],
      ...overrides,
    }),
    u.editor,
  )) as { id: string; name: string };
  const created = (await p.call(
    'datastore_create',
    {
      resource: { package_id: pkg.id, name: '設置台数' },
      fields: [
        { id: '名称', type: 'text', info: { label: '施設の名称', notes: '正式名称' } },
        { id: '台数', type: 'int' },
        { id: '確認日時', type: 'timestamp' },
      ],
      records: [
        { 名称: '札幌市役所', 台数: 2, 確認日時: '2026-04-01T09:00:00' },
        { 名称: '中央図書館', 台数: 1, 確認日時: null },
      ],
      primary_key: ['名称'],
    },
    u.editor,
  )) as { resource_id: string };
  const file = 'yaizu_222127_aed.csv';
  const stored = await p.files.put(
    (async function* () {
      yield new Uint8Array(readFileSync(path.join(REAL, file)));
    })(),
    10_000_000,
  );
  const aed = (await p.call(
    'resource_create',
    { package_id: pkg.id, name: 'AED', upload: new Upload(stored, file, 'text/csv') },
    u.editor,
  )) as { id: string };
  await ingestResource({ db: p.db, files: p.files, now: () => p.clock.now() }, aed.id);
  return { packageId: pkg.id, name: pkg.name, tableId: created.resource_id, aedId: aed.id };
}

/**
 * Checks the rules of the Data Package and Tabular Data Resource specs that a consumer relies
 * on: profile, names (pattern, unique), each resource's path and schema fields with known types,
 * a primary key made of its fields, licences with a name and path.
 */
export function assertValidDataPackage(
  descriptor: unknown,
  schemaOf: (ref: unknown) => unknown = (s) => s,
): void {
  const d = descriptor as Record<string, unknown>; // checked field by field below
  assert.equal(d.profile, 'tabular-data-package');
  assert.match(String(d.name), NAME);
  assert.ok(Array.isArray(d.resources) && d.resources.length > 0, 'resources');
  const names = new Set<string>();
  for (const r of d.resources as Array<Record<string, unknown>>) {
    assert.equal(r.profile, 'tabular-data-resource');
    assert.match(String(r.name), NAME);
    assert.ok(!names.has(String(r.name)), `resource names are unique: ${String(r.name)}`);
    names.add(String(r.name));
    assert.equal(typeof r.path, 'string');
    const schema = schemaOf(r.schema) as { fields?: unknown; primaryKey?: unknown };
    assert.ok(Array.isArray(schema.fields) && schema.fields.length > 0, 'schema.fields');
    const fieldNames = new Set<string>();
    for (const f of schema.fields as Array<{ name?: unknown; type?: unknown }>) {
      assert.equal(typeof f.name, 'string');
      assert.ok(TYPES.has(String(f.type)), `Table Schema type ${String(f.type)}`);
      fieldNames.add(String(f.name));
    }
    for (const k of (schema.primaryKey as string[] | undefined) ?? []) {
      assert.ok(fieldNames.has(k), `primary key field ${k}`);
    }
  }
  for (const l of (d.licenses as Array<Record<string, unknown>> | undefined) ?? []) {
    assert.ok(typeof l.name === 'string' && typeof l.path === 'string', 'licence name and path');
  }
}
