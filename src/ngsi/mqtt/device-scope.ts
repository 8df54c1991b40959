import type { Database } from '../../db/index.ts';
import { realtimeDb } from '../temporal/tables.ts';

/** Sets which entity types and ids a device user may write over MQTT ([] and [] = nothing). */
export async function setDeviceScope(
  tx: Database,
  user: string,
  tenant: string,
  types: readonly string[],
  ids: readonly string[],
  now: string,
): Promise<void> {
  const r = realtimeDb(tx);
  await r
    .deleteFrom('ngsi_device_scope')
    .where('user_name', '=', user)
    .where('tenant', '=', tenant)
    .execute();
  await r
    .insertInto('ngsi_device_scope')
    .values({
      user_name: user,
      tenant,
      types: JSON.stringify(types),
      ids: JSON.stringify(ids),
      updated_at: now,
    })
    .execute();
}

/**
 * Whether a user may write an entity over MQTT: sysadmins always; other users only within
 * their device scope (an entity whose type or id is listed).
 */
export async function mayWrite(
  db: Database,
  user: { name: string | null; sysadmin: boolean },
  tenant: string,
  type: string,
  id: string,
): Promise<boolean> {
  if (user.sysadmin) return true;
  if (!user.name) return false;
  const row = await realtimeDb(db)
    .selectFrom('ngsi_device_scope')
    .select(['types', 'ids'])
    .where('user_name', '=', user.name)
    .where('tenant', '=', tenant)
    .executeTakeFirst();
  if (!row) return false;
  const types = JSON.parse(row.types) as string[];
  const ids = JSON.parse(row.ids) as string[];
  return types.includes(type) || ids.includes(id);
}
