import { sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import { realtimeDb } from './tables.ts';

const DAY_MS = 86_400_000;

/** Sets (days > 0) or removes (days = 0) how long history of an entity type is kept. */
export async function setRetention(
  tx: Database,
  tenant: string,
  type: string,
  days: number,
  now: string,
): Promise<void> {
  const r = realtimeDb(tx);
  await r
    .deleteFrom('ngsi_retention')
    .where('tenant', '=', tenant)
    .where('type', '=', type)
    .execute();
  if (days > 0)
    await r.insertInto('ngsi_retention').values({ tenant, type, days, updated_at: now }).execute();
}

/**
 * Deletes history older than its type's retention (by receipt time), one type at a time so
 * that each delete is a short transaction. An entity with several types keeps its history as
 * long as its shortest-retained type says. Returns the number of instances removed.
 */
export async function purgeHistory(db: Database, nowMs: number): Promise<number> {
  const rules = await realtimeDb(db).selectFrom('ngsi_retention').selectAll().execute();
  let removed = 0;
  for (const rule of rules) {
    const cutoff = nowMs - rule.days * DAY_MS;
    const r = await realtimeDb(db)
      .deleteFrom('ngsi_attr_instance')
      .where('tenant', '=', rule.tenant)
      .where('created_ms', '<', cutoff)
      .where(
        'entity_id',
        'in',
        sql<string>`(SELECT e.id FROM ngsi_entity e JOIN ngsi_entity_type t ON t.entity_seq = e.seq WHERE e.tenant = ${rule.tenant} AND t.type = ${rule.type})`,
      )
      .executeTakeFirst();
    removed += Number(r.numDeletedRows);
  }
  return removed;
}
