import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Upload } from '../../files/index.ts';
import { drainQueue } from '../../ingest/index.ts';
import type { Platform } from '../../platform/index.ts';
import { buildPackage, siteActor, type TestUsers } from '../../../test/support/backends.ts';
import { mergedRefreshIdle } from '../schedule-refresh.ts';

const AED = path.resolve(
  import.meta.dirname,
  '../../../test/fixtures/real-csv/yaizu_222127_aed.csv',
);
const [HEADER = '', ...ROWS] = readFileSync(AED, 'utf8').trimEnd().split(/\r?\n/);

/** Rows of the real 焼津市 AED file (推奨データセット r01-aed, 82 rows). */
export const AED_ROWS = ROWS.length;

/**
 * An AED file of rows [from, to) of the real 焼津市 file, as published by `code` (its first
 * column); with `badLatitude`, every 緯度 is text, which makes the file nonconforming.
 */
export function aedFile(code: string, from: number, to: number, badLatitude = false): string {
  const rows = ROWS.slice(from, to).map((line) => {
    const cells = line.split(',');
    cells[0] = code;
    if (badLatitude) cells[8] = '北緯三十四度';
    return cells.join(',');
  });
  return `${[HEADER, ...rows].join('\r\n')}\r\n`;
}

/** The names of rows [from, to) of the real file (名称, the fifth column). */
export function aedNames(from: number, to: number): string[] {
  return ROWS.slice(from, to).map((line) => line.split(',')[4] ?? '');
}

/** The coordinates [経度, 緯度] of the real file's first row. */
export function firstAedPoint(): [number, number] {
  const cells = (ROWS[0] ?? '').split(',');
  return [Number(cells[9]), Number(cells[8])];
}

/** Waits for the ingest queue and then for the merged refresh its end starts. */
export async function settle(p: Platform): Promise<void> {
  await drainQueue({ db: p.db, files: p.files, now: () => p.clock.now() });
  await mergedRefreshIdle(p.db);
}

/** Stores text as an upload of a CSV file. */
export async function csvUpload(p: Platform, text: string): Promise<Upload> {
  const bytes = new TextEncoder().encode(text);
  const stored = await p.files.put(
    (async function* () {
      yield bytes;
    })(),
    10_000_000,
  );
  return new Upload(stored, 'aed.csv', 'text/csv');
}

/**
 * Publishes an AED file as a new dataset of the organization through the actions (create,
 * upload, s5_resource_ingest) and waits until it is loaded and the merged tables refreshed.
 */
export async function publishAed(
  p: Platform,
  users: TestUsers,
  org: string,
  text: string,
  overrides: Record<string, unknown> = {},
): Promise<{ datasetId: string; resourceId: string }> {
  const pkg = (await p.call(
    'package_create',
    buildPackage({ owner_org: org, title: 'AED設置箇所一覧', ...overrides }),
    siteActor,
  )) as { id: string };
  const res = (await p.call(
    'resource_create',
    { package_id: pkg.id, name: 'AED', upload: await csvUpload(p, text) },
    siteActor,
  )) as { id: string };
  await p.call('s5_resource_ingest', { id: res.id }, users.sysadmin);
  await settle(p);
  return { datasetId: pkg.id, resourceId: res.id };
}

/** Replaces a resource's file and ingests it again, waiting for the merged refresh. */
export async function reingestAed(
  p: Platform,
  users: TestUsers,
  resourceId: string,
  text: string,
): Promise<void> {
  await p.call('resource_patch', { id: resourceId, upload: await csvUpload(p, text) }, siteActor);
  await p.call('s5_resource_ingest', { id: resourceId }, users.sysadmin);
  await settle(p);
}
