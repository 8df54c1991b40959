import type { Database } from '../../db/index.ts';
import { type OutboxRow, realtimeDb, type SubscriptionRow } from '../temporal/tables.ts';

export async function insertSubscription(tx: Database, row: SubscriptionRow): Promise<boolean> {
  if (await findSubscription(tx, row.tenant, row.id)) return false;
  await realtimeDb(tx).insertInto('ngsi_subscription').values(row).execute();
  return true;
}

export function findSubscription(db: Database, tenant: string, id: string) {
  return realtimeDb(db)
    .selectFrom('ngsi_subscription')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listSubscriptions(
  db: Database,
  tenant: string,
  page?: { limit: number; offset: number },
): Promise<SubscriptionRow[]> {
  let q = realtimeDb(db)
    .selectFrom('ngsi_subscription')
    .selectAll()
    .where('tenant', '=', tenant)
    .orderBy('created_at')
    .orderBy('id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}

export async function countSubscriptions(db: Database, tenant: string): Promise<number> {
  const r = await realtimeDb(db)
    .selectFrom('ngsi_subscription')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant', '=', tenant)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function updateSubscription(
  tx: Database,
  tenant: string,
  id: string,
  set: Partial<SubscriptionRow>,
): Promise<void> {
  await realtimeDb(tx)
    .updateTable('ngsi_subscription')
    .set(set)
    .where('tenant', '=', tenant)
    .where('id', '=', id)
    .execute();
}

export async function deleteSubscription(tx: Database, tenant: string, id: string) {
  const r = await realtimeDb(tx)
    .deleteFrom('ngsi_subscription')
    .where('tenant', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function enqueue(tx: Database, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length > 0)
    await realtimeDb(tx)
      .insertInto('ngsi_outbox')
      .values([...rows])
      .execute();
}

/** Pending notifications due now, oldest first, skipping endpoints that are busy or resting. */
export async function dueNotifications(
  db: Database,
  nowMs: number,
  skipEndpoints: readonly string[],
  limit: number,
): Promise<OutboxRow[]> {
  let q = realtimeDb(db)
    .selectFrom('ngsi_outbox')
    .selectAll()
    .where('state', '=', 'pending')
    .where('next_ms', '<=', nowMs);
  if (skipEndpoints.length > 0) q = q.where('endpoint', 'not in', [...skipEndpoints]);
  return q.orderBy('created_ms').orderBy('id').limit(limit).execute();
}
