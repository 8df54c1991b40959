import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { siteActor } from '../../../catalog/index.ts';
import { Upload } from '../../../files/index.ts';
import { drainQueue } from '../../../ingest/index.ts';
import type { Platform } from '../../../platform/index.ts';

/** The password of every staff user the demo makes. */
export const STAFF_PASSWORD = 'correct horse battery';

/** A real 登別市 file with two required values missing (see test/fixtures/real-csv/README.md). */
export const DEFECTIVE_CSV = path.resolve(
  import.meta.dirname,
  '../../../../test/fixtures/real-csv/tsunagu_normalized_012301_noboribetsu_public_toilet.csv',
);

/** What the staff demo made, for tests and screenshots to aim at. */
export interface StaffDemo {
  /** 登別市's editor, its admin, and an admin of the prefecture (plan staff and reviewer). */
  users: { clerk: string; admin: string; planner: string };
  dataset: string;
  /** The resource holding the defective file, ingested, with its report. */
  resourceId: string;
}

/**
 * Staff users with passwords and a private 登別市 dataset whose defective CSV has been ingested
 * (through the queue, as the server does), for the staff pages' tests and screenshots.
 */
export async function buildStaffDemo(p: Platform): Promise<StaffDemo> {
  const users = {
    clerk: 'noboribetsu-clerk',
    admin: 'noboribetsu-admin',
    planner: 'pref-planner',
  };
  for (const [name, org, role] of [
    [users.clerk, 'noboribetsu-shi', 'editor'],
    [users.admin, 'noboribetsu-shi', 'admin'],
    [users.planner, 'hokkaido', 'admin'],
  ] as const) {
    await p.call(
      'user_create',
      { name, email: `${name}@example.jp`, password: STAFF_PASSWORD },
      siteActor,
    );
    await p.call('organization_member_create', { id: org, username: name, role }, siteActor);
  }
  const dataset = (await p.call(
    'package_create',
    {
      name: 'noboribetsu-checked',
      title: '登別市 公衆トイレ一覧（確認中）',
      owner_org: 'noboribetsu-shi',
      private: true,
      tags: [{ name: 'トイレ' }],
    },
    siteActor,
  )) as { id: string; name: string };
  const bytes = new Uint8Array(readFileSync(DEFECTIVE_CSV));
  const stored = await p.files.put(
    (async function* () {
      yield bytes;
    })(),
    p.site.maxUploadBytes,
  );
  const resource = (await p.call(
    'resource_create',
    {
      package_id: dataset.id,
      name: '登別市公衆トイレ.csv',
      upload: new Upload(stored, '登別市公衆トイレ.csv', 'text/csv'),
    },
    siteActor,
  )) as { id: string };
  await drainQueue({ db: p.db, files: p.files, now: () => p.clock.now() }, p.log);
  return { users, dataset: dataset.name, resourceId: resource.id };
}

/** Fills every empty 設置位置 of a CSV, as a clerk would after reading the report. */
export function fillMissingPlaces(csv: string): string {
  const rows = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data;
  const col = rows[0]?.indexOf('設置位置') ?? -1;
  for (const row of rows.slice(1)) if (row[col] === '') row[col] = '1階';
  return `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}
