import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor } from '../../core/action.ts';
import { fixedClock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { silentLogger } from '../../core/logger.ts';
import { openPlatform, type Platform } from '../../platform/index.ts';
import {
  type Backend,
  buildPackage,
  createTestUsers,
  type TestUsers,
  testConfig,
} from '../../../test/support/backends.ts';

/**
 * Opens a platform on the backend. SQLite runs on a file here, not in memory: datastore_search_sql
 * reads SQLite through a separate read-only connection, which cannot see an in-memory database.
 */
export async function openDatastorePlatform(backend: Backend): Promise<Platform> {
  if (backend.name === 'postgres') return backend.open();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 's5-ds-')), 's5.db');
  return openPlatform(testConfig({ kind: 'sqlite', file }), {
    log: silentLogger,
    clock: fixedClock('2026-11-25T03:00:00.000Z'),
    seed: true,
  });
}

/** Calls an action as the actor. */
export function callAs(p: Platform, actor: Actor) {
  return (name: string, input: unknown) => p.call(name, input, actor);
}

/** Creates a dataset of 札幌市 (public unless told) and returns its id. */
export async function createDataset(
  p: Platform,
  u: TestUsers,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const pkg = (await p.call('package_create', buildPackage(overrides), u.editor)) as { id: string };
  return pkg.id;
}

/** A datastore-only resource with a table made by datastore_create. @returns the resource id. */
export async function createTable(
  p: Platform,
  u: TestUsers,
  packageId: string,
  input: Record<string, unknown>,
): Promise<string> {
  const result = (await p.call(
    'datastore_create',
    { resource: { package_id: packageId, name: 'テーブル' }, ...input },
    u.editor,
  )) as { resource_id: string };
  return result.resource_id;
}

/** Asserts that the promise fails with this AppError code (and, for validation, these fields). */
export async function rejectsWith(p: Promise<unknown>, code: string, fields?: string[]) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, `expected AppError, got ${String(e)}`);
    assert.equal(e.code, code, `${e.code}: ${e.message} ${JSON.stringify(e.fields)}`);
    if (fields) assert.deepEqual(Object.keys(e.fields ?? {}).sort(), [...fields].sort());
    return true;
  });
}

/** 避難所 rows used across the tests: Japanese text, numbers, dates, booleans. */
export const SHELTER_FIELDS = [
  { id: '名称', type: 'text' },
  { id: '住所', type: 'text' },
  { id: '収容人数', type: 'int' },
  { id: '緯度', type: 'float8' },
  { id: '開設日', type: 'date' },
  { id: '更新日時', type: 'timestamp' },
  { id: 'バリアフリー', type: 'bool' },
  { id: '属性', type: 'json' },
];

/** Three 避難所 with every type, including NULLs, '' in a date and 'yes' for a bool. */
export const SHELTER_RECORDS = [
  {
    名称: '札幌市立中央小学校',
    住所: '札幌市中央区大通西1丁目',
    収容人数: 500,
    緯度: 43.0621,
    開設日: '2020-04-01',
    更新日時: '2026-01-05T10:00:00',
    バリアフリー: true,
    属性: { 種別: '指定避難所' },
  },
  {
    名称: '北区体育館',
    住所: '札幌市北区北24条西6丁目',
    収容人数: 1200,
    緯度: 43.09,
    開設日: '2019-10-01',
    更新日時: '2026-02-01 09:30:00',
    バリアフリー: false,
    属性: null,
  },
  {
    名称: 'ていね福祉センター',
    住所: '札幌市手稲区前田1条11丁目',
    収容人数: 80,
    緯度: null,
    開設日: '',
    更新日時: null,
    バリアフリー: 'yes',
    属性: [1, 2],
  },
];

export type { TestUsers };
export { createTestUsers };
