import type { Database } from '../../db/index.ts';
import { ngsiDb } from './tables.ts';

/** Marks an entity type public (anonymous callers may read its entities) or private again. */
export async function setTypePublic(
  db: Database,
  tenant: string,
  type: string,
  isPublic: boolean,
  by: string | null,
  now: string,
): Promise<void> {
  const k = ngsiDb(db);
  if (!isPublic) {
    await k
      .deleteFrom('ngsi_public_type')
      .where('tenant', '=', tenant)
      .where('type', '=', type)
      .execute();
    return;
  }
  await k
    .insertInto('ngsi_public_type')
    .values({ tenant, type, created_at: now, created_by: by })
    .onConflict((oc) => oc.columns(['tenant', 'type']).doNothing())
    .execute();
}

/** The public types of a tenant (expanded IRIs). */
export async function publicTypes(db: Database, tenant: string): Promise<string[]> {
  const rows = await ngsiDb(db)
    .selectFrom('ngsi_public_type')
    .select('type')
    .where('tenant', '=', tenant)
    .orderBy('type')
    .execute();
  return rows.map((r) => r.type);
}
