import type { Database } from '../db/index.ts';
import type { AuditEntry } from './audit-entry.ts';

/** Stores one audit entry (its own statement: the write it records has committed). */
export async function insertAuditEntry(db: Database, entry: AuditEntry): Promise<void> {
  await db.kysely
    .insertInto('audit_log')
    .values({
      at: entry.at,
      user_id: entry.userId,
      user_name: entry.userName,
      action: entry.action,
      object_id: entry.objectId,
      origin: entry.origin,
      details: JSON.stringify(entry.details),
    })
    .execute();
}

export interface AuditFilter {
  action?: string | undefined;
  user?: string | undefined;
  objectId?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  limit: number;
  offset: number;
}

/** Entries matching the filter, newest first, and how many match in all. */
export async function listAuditEntries(
  db: Database,
  filter: AuditFilter,
): Promise<{ count: number; entries: Array<AuditEntry & { id: number }> }> {
  let query = db.kysely.selectFrom('audit_log');
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.user) query = query.where('user_name', '=', filter.user);
  if (filter.objectId) query = query.where('object_id', '=', filter.objectId);
  if (filter.since) query = query.where('at', '>=', filter.since);
  if (filter.until) query = query.where('at', '<', filter.until);
  const total = await query
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  const rows = await query
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return {
    count: Number(total?.n ?? 0),
    entries: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      userId: r.user_id,
      userName: r.user_name,
      action: r.action,
      objectId: r.object_id,
      origin: r.origin,
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
  };
}
