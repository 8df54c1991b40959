import type { Insertable, Selectable } from 'kysely';
import { newId } from '../../core/ids.ts';
import type { Database } from '../../db/index.ts';
import type { PackageTable, ResourceTable } from '../../db/tables.ts';
import { findGroupsByIds, type GroupRow } from './groups.ts';
import { latestLoadedStandards, type ResourceStandard } from './resource-standards.ts';

export type PackageRow = Selectable<PackageTable>;
export type ResourceRow = Selectable<ResourceTable>;

/** A dataset with everything its CKAN dict shows. */
export interface PackageBundle {
  pkg: PackageRow;
  org: GroupRow;
  tags: Array<{ id: string; name: string }>;
  groups: GroupRow[];
  extras: Array<{ key: string; value: string }>;
  resources: ResourceRow[];
  /** By resource id: the standard its latest loaded version matched (absent if never loaded). */
  standards: ReadonlyMap<string, ResourceStandard>;
}

export async function findPackage(db: Database, ref: string): Promise<PackageRow | undefined> {
  return db.kysely
    .selectFrom('package')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
    .executeTakeFirst();
}

export async function packageNameTaken(db: Database, name: string, exceptId: string | null) {
  let q = db.kysely.selectFrom('package').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertPackage(db: Database, row: Insertable<PackageTable>): Promise<void> {
  await db.kysely.insertInto('package').values(row).execute();
}

export async function updatePackage(
  db: Database,
  id: string,
  changes: Partial<Insertable<PackageTable>>,
): Promise<void> {
  await db.kysely.updateTable('package').set(changes).where('id', '=', id).execute();
}

/** Replaces the dataset's tags, creating tag rows as needed. */
export async function setTags(
  db: Database,
  packageId: string,
  names: readonly string[],
): Promise<void> {
  await db.kysely.deleteFrom('package_tag').where('package_id', '=', packageId).execute();
  for (const name of new Set(names)) {
    let tag = await db.kysely
      .selectFrom('tag')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (!tag) {
      tag = { id: newId() };
      await db.kysely.insertInto('tag').values({ id: tag.id, name }).execute();
    }
    await db.kysely
      .insertInto('package_tag')
      .values({ package_id: packageId, tag_id: tag.id })
      .execute();
  }
}

export async function setExtras(
  db: Database,
  packageId: string,
  extras: ReadonlyArray<{ key: string; value: string }>,
): Promise<void> {
  await db.kysely.deleteFrom('package_extra').where('package_id', '=', packageId).execute();
  if (extras.length === 0) return;
  await db.kysely
    .insertInto('package_extra')
    .values(extras.map((e) => ({ package_id: packageId, key: e.key, value: e.value })))
    .execute();
}

export async function setGroups(db: Database, packageId: string, groupIds: readonly string[]) {
  await db.kysely.deleteFrom('package_group').where('package_id', '=', packageId).execute();
  const unique = [...new Set(groupIds)];
  if (unique.length === 0) return;
  await db.kysely
    .insertInto('package_group')
    .values(unique.map((group_id) => ({ package_id: packageId, group_id })))
    .execute();
}

/** Loads full bundles for the given ids, in the same order (missing ids are skipped). */
export async function loadBundles(db: Database, ids: readonly string[]): Promise<PackageBundle[]> {
  if (ids.length === 0) return [];
  const k = db.kysely;
  const list = [...ids];
  const [pkgs, tags, groupLinks, extras, resources] = await Promise.all([
    k.selectFrom('package').selectAll().where('id', 'in', list).execute(),
    k
      .selectFrom('package_tag')
      .innerJoin('tag', 'tag.id', 'package_tag.tag_id')
      .select(['package_tag.package_id', 'tag.id', 'tag.name'])
      .where('package_tag.package_id', 'in', list)
      .orderBy('tag.name')
      .execute(),
    k.selectFrom('package_group').selectAll().where('package_id', 'in', list).execute(),
    k
      .selectFrom('package_extra')
      .selectAll()
      .where('package_id', 'in', list)
      .orderBy('key')
      .execute(),
    k
      .selectFrom('resource')
      .selectAll()
      .where('package_id', 'in', list)
      .where('state', '=', 'active')
      .orderBy('position')
      .execute(),
  ]);
  const groupIds = new Set<string>(groupLinks.map((g) => g.group_id));
  for (const p of pkgs) groupIds.add(p.owner_org);
  const [groupRows, standards] = await Promise.all([
    findGroupsByIds(db, [...groupIds]),
    latestLoadedStandards(
      db,
      resources.map((r) => r.id),
    ),
  ]);
  const groups = new Map(groupRows.map((g) => [g.id, g]));
  const byId = new Map(pkgs.map((p) => [p.id, p]));
  const out: PackageBundle[] = [];
  for (const id of list) {
    const pkg = byId.get(id);
    const org = pkg ? groups.get(pkg.owner_org) : undefined;
    if (!pkg || !org) continue;
    out.push({
      pkg,
      org,
      tags: tags.filter((t) => t.package_id === id).map((t) => ({ id: t.id, name: t.name })),
      groups: groupLinks
        .filter((g) => g.package_id === id)
        .flatMap((g) => groups.get(g.group_id) ?? [])
        .sort((a, b) => a.name.localeCompare(b.name)),
      extras: extras
        .filter((e) => e.package_id === id)
        .map((e) => ({ key: e.key, value: e.value })),
      resources: resources.filter((r) => r.package_id === id),
      standards,
    });
  }
  return out;
}

/** Names of active public datasets, by name (CKAN's package_list). */
export async function listPublicPackageNames(db: Database, limit: number | null, offset: number) {
  let q = db.kysely
    .selectFrom('package')
    .select('name')
    .where('state', '=', 'active')
    .where('private', '=', false)
    .orderBy('name');
  if (limit !== null) q = q.limit(limit).offset(offset);
  else if (offset > 0) q = q.limit(1_000_000).offset(offset);
  return (await q.execute()).map((r) => r.name);
}

/** Ids of the datasets of an organization (every state); used to reindex after a rename. */
export async function packageIdsOfOrg(db: Database, orgId: string): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('package')
    .select('id')
    .where('owner_org', '=', orgId)
    .execute();
  return rows.map((r) => r.id);
}

export async function allPackageIds(db: Database): Promise<string[]> {
  return (await db.kysely.selectFrom('package').select('id').orderBy('id').execute()).map(
    (r) => r.id,
  );
}
