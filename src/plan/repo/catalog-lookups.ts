import type { Database } from '../../db/index.ts';

/**
 * Read-only look-ups of catalog tables the plan needs (the catalog's public surface has no
 * such function): the prefecture organization by its code, and evidence resources.
 */
export async function findOrganizationByCode(
  db: Database,
  code: string,
): Promise<{ id: string; name: string; title: string } | undefined> {
  return db.kysely
    .selectFrom('groups')
    .select(['id', 'name', 'title'])
    .where('code', '=', code)
    .where('is_organization', '=', true)
    .where('state', '=', 'active')
    .executeTakeFirst();
}

/** An active resource of an active dataset, with the URL it is downloaded from. */
export async function findActiveResource(
  db: Database,
  id: string,
): Promise<{ id: string; url: string; name: string } | undefined> {
  return db.kysely
    .selectFrom('resource')
    .innerJoin('package', 'package.id', 'resource.package_id')
    .select(['resource.id', 'resource.url', 'resource.name'])
    .where('resource.id', '=', id)
    .where('resource.state', '=', 'active')
    .where('package.state', '=', 'active')
    .executeTakeFirst();
}

/** The name of an active dataset, by id. */
export async function findDatasetName(db: Database, id: string): Promise<string | undefined> {
  const r = await db.kysely
    .selectFrom('package')
    .select('name')
    .where('id', '=', id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return r?.name;
}
