import { toCkanTimestamp } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import { withTransaction } from '../db/index.ts';
import type { StandardSchema } from '../schemas/index.ts';
import type { MergedDeps } from './deps.ts';
import { deleteAllMembers, MERGED_EXTRA } from './repo/members.ts';
import {
  deleteMergedTable,
  findMarkedPackage,
  findPackageState,
  insertMergedTable,
  listMergedTables,
  type MergedTableRow,
  type Prefecture,
} from './repo/merged-tables.ts';

/** The CKAN name of a schema's merged dataset, e.g. `merged-a08-aed`. */
export function mergedDatasetName(schema: StandardSchema): string {
  return `merged-${schema.s5.id}`;
}

/**
 * The schema's merged table, creating its dataset (owned by the prefecture, private until its
 * first rows are in) through package_create when there is none. A dataset whose row has gone
 * from the catalog is forgotten and made again; one marked but not recorded (a creation cut
 * short) is adopted.
 * @throws AppError from package_create (e.g. conflict when another dataset took the name).
 */
export async function ensureMergedTable(
  deps: MergedDeps,
  schema: StandardSchema,
  prefecture: Prefecture,
): Promise<MergedTableRow> {
  const schemaId = schema.s5.id;
  const [existing] = await listMergedTables(deps.db, schemaId);
  if (existing) {
    if (await findPackageState(deps.db, existing.packageId)) return existing;
    await withTransaction(deps.db, async (tx) => {
      await deleteAllMembers(tx, schemaId);
      await deleteMergedTable(tx, schemaId);
    });
  }
  const name = mergedDatasetName(schema);
  let ids = await findMarkedPackage(deps.db, name, schemaId);
  if (!ids) {
    const resourceId = newId();
    const created = (await deps.callAsSite(
      'package_create',
      datasetInput(schema, prefecture, resourceId, deps.siteUrl),
    )) as { id: string };
    ids = { packageId: created.id, resourceId };
  }
  const row: MergedTableRow = {
    schemaId,
    ...ids,
    memberCount: 0,
    created: toCkanTimestamp(deps.now()),
    refreshed: null,
  };
  await insertMergedTable(deps.db, row);
  return row;
}

/**
 * Keeps a merged dataset public while it has members and private while it has none, so nobody
 * finds an empty table; a dataset an administrator deleted is left deleted.
 */
export async function matchVisibility(
  deps: MergedDeps,
  table: MergedTableRow,
  memberCount: number,
): Promise<void> {
  const pkg = await findPackageState(deps.db, table.packageId);
  const wantPrivate = memberCount === 0;
  if (pkg?.state !== 'active' || pkg.private === wantPrivate) return;
  await deps.callAsSite('package_patch', { id: table.packageId, private: wantPrivate });
}

function datasetInput(
  schema: StandardSchema,
  prefecture: Prefecture,
  resourceId: string,
  siteUrl: string,
): Record<string, unknown> {
  const { title, generation, definition } = schema.s5;
  // 推奨データセット (legacy) and 定義書A (current) files of one subject are merged separately.
  const form = generation === 'legacy' ? '、推奨データセット形式' : '';
  return {
    name: mergedDatasetName(schema),
    title: `${title.ja}（${prefecture.title}全域・統合${form}）`,
    notes:
      `${prefecture.title}内で公開された「${title.ja}」のうち、標準データセット（${definition.book}）に適合する公開データを1つの表にまとめたものです。` +
      '各行に公開者の全国地方公共団体コードと名称、出典のデータセットIDとリソースIDが付いています。元のデータが更新されると自動で更新されます。\n\n' +
      `Every public file of the standard dataset "${title.en}" published in ${prefecture.title} that conforms to it, merged into one table. ` +
      "Each row carries its publisher's local government code and name and its source dataset and resource. Updated automatically when a source changes.",
    owner_org: prefecture.id,
    private: true,
    license_id: 'cc-by-4.0',
    tags: [{ name: '統合データ' }, { name: '標準データセット' }],
    extras: [{ key: MERGED_EXTRA, value: schema.s5.id }],
    resources: [
      {
        id: resourceId,
        name: `${title.ja}（統合）`,
        description: `${title.ja}（${prefecture.title}全域） / ${title.en} (merged)`,
        url: `${siteUrl}/datastore/dump/${resourceId}`,
        format: 'CSV',
        mimetype: 'text/csv',
      },
    ],
  };
}
