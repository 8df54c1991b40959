import type { Actor } from '../core/action.ts';
import { canReadPackage } from '../catalog/index.ts';
import { findTable } from '../datastore/index.ts';
import type { Database } from '../db/index.ts';
import { toBool } from '../db/index.ts';
import { getSchema } from '../schemas/index.ts';
import { listStoredMembers } from './repo/members.ts';
import { findPackages, listMergedTables } from './repo/merged-tables.ts';

/** One member of a merged table as s5_merged_list shows it. */
export interface MergedMemberView {
  publisher_code: string | null;
  publisher_name: string;
  package_id: string;
  resource_id: string;
  version: number;
  row_count: number;
}

/** One merged table as s5_merged_list shows it. */
export interface MergedTableView {
  schema_id: string;
  title: { ja: string; en: string };
  generation: string;
  package_id: string;
  package_name: string;
  resource_id: string;
  private: boolean;
  state: string;
  member_count: number;
  row_count: number;
  refreshed: string | null;
  /** Only when one schema is asked for. */
  members?: MergedMemberView[];
}

/**
 * The merged tables the actor may see (a private or deleted merged dataset only to those the
 * catalog lets see it), with their members when one schema is asked for; a member is listed only
 * while the actor may read its dataset.
 * @throws AppError not_found for an unknown schema.
 */
export async function listMerged(
  db: Database,
  actor: Actor,
  schemaKey?: string,
): Promise<MergedTableView[]> {
  const schemaId = schemaKey === undefined ? undefined : getSchema(schemaKey).s5.id;
  const tables = await listMergedTables(db, schemaId);
  const packages = new Map(
    (
      await findPackages(
        db,
        tables.map((t) => t.packageId),
      )
    ).map((p) => [p.id, p]),
  );
  const views: MergedTableView[] = [];
  for (const t of tables) {
    const pkg = packages.get(t.packageId);
    if (!pkg || !canReadPackage(actor, pkg)) continue;
    const schema = getSchema(t.schemaId);
    const view: MergedTableView = {
      schema_id: t.schemaId,
      title: { ja: pkg.title, en: schema.s5.title.en },
      generation: schema.s5.generation,
      package_id: pkg.id,
      package_name: pkg.name,
      resource_id: t.resourceId,
      private: toBool(pkg.private),
      state: pkg.state,
      member_count: t.memberCount,
      row_count: (await findTable(db, t.resourceId))?.rowCount ?? 0,
      refreshed: t.refreshed,
    };
    if (schemaId !== undefined) view.members = await memberViews(db, actor, t.schemaId);
    views.push(view);
  }
  return views;
}

async function memberViews(db: Database, actor: Actor, schemaId: string) {
  const members = await listStoredMembers(db, schemaId);
  const readable = new Set(
    (await findPackages(db, [...new Set(members.map((m) => m.packageId))]))
      .filter((p) => canReadPackage(actor, p))
      .map((p) => p.id),
  );
  return members
    .filter((m) => readable.has(m.packageId))
    .map(
      (m): MergedMemberView => ({
        publisher_code: m.publisherCode,
        publisher_name: m.publisherName,
        package_id: m.packageId,
        resource_id: m.resourceId,
        version: m.version,
        row_count: m.rowCount,
      }),
    );
}
