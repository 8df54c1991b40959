import type { Selectable } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { GroupsTable } from '../../db/tables.ts';

export type GroupRow = Selectable<GroupsTable>;

/** Finds an organization or group by id, name or (organizations) 全国地方公共団体コード. */
export async function findGroup(
  db: Database,
  ref: string,
  isOrganization: boolean,
): Promise<GroupRow | undefined> {
  return db.kysely
    .selectFrom('groups')
    .selectAll()
    .where('is_organization', '=', isOrganization)
    .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref), eb('code', '=', ref)]))
    .where('state', '!=', 'deleted')
    .executeTakeFirst();
}

export async function findGroupsByIds(db: Database, ids: readonly string[]): Promise<GroupRow[]> {
  if (ids.length === 0) return [];
  return db.kysely
    .selectFrom('groups')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** Active organizations or groups with their count of public, active datasets (unordered). */
export async function listGroupsWithCounts(
  db: Database,
  isOrganization: boolean,
  names: readonly string[] | null,
): Promise<Array<GroupRow & { package_count: number }>> {
  let query = db.kysely
    .selectFrom('groups')
    .selectAll('groups')
    .select((eb) =>
      (isOrganization
        ? eb
            .selectFrom('package')
            .select(eb.fn.countAll<number>().as('c'))
            .whereRef('package.owner_org', '=', 'groups.id')
        : eb
            .selectFrom('package_group')
            .innerJoin('package', 'package.id', 'package_group.package_id')
            .select(eb.fn.countAll<number>().as('c'))
            .whereRef('package_group.group_id', '=', 'groups.id')
      )
        .where('package.state', '=', 'active')
        .where('package.private', '=', false)
        .as('package_count'),
    )
    .where('is_organization', '=', isOrganization)
    .where('state', '=', 'active');
  if (names) query = query.where('name', 'in', names.length > 0 ? [...names] : ['']);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, package_count: Number(r.package_count ?? 0) }));
}

/** Inserts or updates a group by name; used by the seed. Returns its id. */
export async function upsertGroup(db: Database, row: GroupRow): Promise<string> {
  const existing = await db.kysely
    .selectFrom('groups')
    .select('id')
    .where('name', '=', row.name)
    .executeTakeFirst();
  if (existing) {
    const { id: _id, created: _created, ...changes } = row;
    await db.kysely.updateTable('groups').set(changes).where('id', '=', existing.id).execute();
    return existing.id;
  }
  await db.kysely.insertInto('groups').values(row).execute();
  return row.id;
}

export async function countGroups(db: Database, isOrganization: boolean): Promise<number> {
  const r = await db.kysely
    .selectFrom('groups')
    .select((eb) => eb.fn.countAll<number>().as('c'))
    .where('is_organization', '=', isOrganization)
    .where('state', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.c);
}

export async function findGroupsByNames(
  db: Database,
  names: readonly string[],
): Promise<GroupRow[]> {
  if (names.length === 0) return [];
  return db.kysely
    .selectFrom('groups')
    .selectAll()
    .where('name', 'in', [...names])
    .execute();
}
