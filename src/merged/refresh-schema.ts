import { toCkanTimestamp } from '../core/clock.ts';
import {
  copyRows,
  deleteCopiedRows,
  type FieldDef,
  findTable,
  geoIndexFields,
  loadRows,
} from '../datastore/index.ts';
import { type Database, withTransaction } from '../db/index.ts';
import type { StandardSchema } from '../schemas/index.ts';
import { diffMembers, isEmptyDiff } from './diff-members.ts';
import type { MemberColumn, MemberState, StoredMember } from './member-state.ts';
import {
  copySources,
  fieldsAccept,
  mapMemberColumns,
  mergedFields,
  mergedIndexes,
  SOURCE_RESOURCE,
} from './merged-columns.ts';
import {
  deleteAllMembers,
  deleteMember,
  listCurrentMembers,
  listStoredMembers,
  readColumnMapping,
  saveMember,
} from './repo/members.ts';
import { lockMergedTable, markRefreshed, type MergedTableRow } from './repo/merged-tables.ts';

/** What one schema's refresh did. */
export interface SchemaRefresh {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
  /** True when the table was made anew (forced, missing, or a column had to widen). */
  readonly rebuilt: boolean;
  readonly members: number;
}

/**
 * Brings one schema's merged table up to date in ONE transaction: rows of members that left or
 * changed are deleted, rows of new and changed members copied in, and the membership recorded;
 * rows of unchanged members are not touched (they keep their `_id`). The table is rebuilt from
 * every member when asked, when it is missing, or when a member's column no longer fits its
 * column type. Membership is read again inside the transaction, after taking the table's lock.
 * @throws AppError from the datastore (a member table that vanished meanwhile); nothing is kept.
 */
export async function refreshSchema(
  db: Database,
  schema: StandardSchema,
  table: MergedTableRow,
  options: { rebuild: boolean; now: Date },
): Promise<SchemaRefresh> {
  const schemaId = schema.s5.id;
  const now = toCkanTimestamp(options.now);
  return withTransaction(db, async (tx) => {
    await lockMergedTable(tx, schemaId);
    const stored = await listStoredMembers(tx, schemaId);
    const current = (await listCurrentMembers(tx)).filter((m) => m.schemaId === schemaId);
    const diff = diffMembers(stored, current);
    const fresh = new Map<string, MemberColumn[]>();
    for (const m of [...diff.added, ...diff.changed.map((c) => c.after)]) {
      fresh.set(m.resourceId, await memberColumns(tx, schema, m));
    }
    const columnsOf = (m: MemberState) =>
      fresh.get(m.resourceId) ?? stored.find((s) => s.resourceId === m.resourceId)?.columns ?? [];
    const wanted = mergedFields(schema, current.map(columnsOf));
    const existing = await findTable(tx, table.resourceId);
    const rebuild = options.rebuild || !existing || !fieldsAccept(existing.fields, wanted);
    const counts = {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged.length,
      members: current.length,
    };
    if (!rebuild && isEmptyDiff(diff)) return { ...counts, rebuilt: false };

    let fields: readonly FieldDef[];
    let toCopy: MemberState[];
    if (rebuild || !existing) {
      fields = wanted;
      await loadRows(tx, table.resourceId, fields, [], {
        replace: true,
        indexes: [...mergedIndexes(), ...geoIndexFields(fields)],
        now: options.now,
      });
      await deleteAllMembers(tx, schemaId);
      toCopy = current;
    } else {
      fields = existing.fields;
      for (const m of [...diff.removed, ...diff.changed.map((c) => c.before)]) {
        await deleteCopiedRows(tx, table.resourceId, SOURCE_RESOURCE, m.resourceId, options.now);
        await deleteMember(tx, schemaId, m.resourceId);
      }
      toCopy = [...diff.added, ...diff.changed.map((c) => c.after)];
    }
    for (const m of toCopy) {
      const columns = columnsOf(m);
      const sources = copySources(fields, m, columns);
      const rowCount = await copyRows(tx, m.resourceId, table.resourceId, sources, options.now);
      const member: StoredMember = { ...m, columns, rowCount };
      await saveMember(tx, member, now);
    }
    await markRefreshed(tx, schemaId, current.length, now);
    return { ...counts, rebuilt: rebuild };
  });
}

// The member's columns mapped to schema fields, by the report of the version that made its table.
async function memberColumns(
  db: Database,
  schema: StandardSchema,
  m: MemberState,
): Promise<MemberColumn[]> {
  const meta = await findTable(db, m.resourceId);
  if (!meta) return [];
  const mapping = await readColumnMapping(db, m.resourceId, m.version);
  return mapMemberColumns(schema, meta.fields, mapping);
}
