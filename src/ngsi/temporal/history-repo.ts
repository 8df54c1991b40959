import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Attr, EntityChange } from '../model/types.ts';
import { type InstanceRow, realtimeDb } from './tables.ts';
import type { TemporalQuery, TimeProperty } from './temporal-params.ts';

const TIME_COLUMN = {
  observedAt: 'observed_ms',
  createdAt: 'created_ms',
  modifiedAt: 'modified_ms',
} as const satisfies Record<TimeProperty, keyof InstanceRow>;

const INSERT_CHUNK = 200;

/** Instance ids are URIs (clause 4.5.7): a fresh UUID each. */
export function newInstanceId(): string {
  return `urn:ngsi-ld:attribute:instance:${randomUUID()}`;
}

/** The history row of one attribute instance written at `atMs`. */
export function instanceRow(
  tenant: string,
  entityId: string,
  name: string,
  attr: Attr,
  atMs: number,
): InstanceRow {
  const observed = attr.observedAt ? Date.parse(attr.observedAt) : atMs;
  const v = attr.value;
  return {
    instance_id: newInstanceId(),
    tenant,
    entity_id: entityId,
    attr: name,
    dataset_id: attr.datasetId ?? '',
    body: JSON.stringify(attr),
    vnum: typeof v === 'number' && Number.isFinite(v) ? v : null,
    vtext: v === undefined ? null : JSON.stringify(v).slice(0, 1000),
    observed_ms: observed,
    created_ms: atMs,
    modified_ms: atMs,
  };
}

/**
 * Records a write's attribute changes as history, in the write's transaction: created and
 * updated instances become rows; a deleted entity takes its history with it (the R-ETS default
 * `delete_temporal_on_core_delete`).
 */
export async function recordHistory(tx: Database, changes: readonly EntityChange[]): Promise<void> {
  const rows: InstanceRow[] = [];
  for (const change of changes) {
    if (change.op === 'deleted') {
      await deleteEntityHistory(tx, change.tenant, change.entityId);
      continue;
    }
    const at = Date.parse(change.at);
    for (const a of change.attrs)
      if (a.op !== 'deleted' && a.current)
        rows.push(instanceRow(change.tenant, change.entityId, a.name, a.current, at));
  }
  await insertInstances(tx, rows);
}

export async function insertInstances(tx: Database, rows: readonly InstanceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await realtimeDb(tx)
      .insertInto('ngsi_attr_instance')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
}

export async function deleteEntityHistory(db: Database, tenant: string, id: string) {
  await realtimeDb(db)
    .deleteFrom('ngsi_attr_instance')
    .where('tenant', '=', tenant)
    .where('entity_id', '=', id)
    .execute();
}

/** Deletes an attribute's history (one datasetId, or all with `datasetId` undefined). */
export async function deleteAttrHistory(
  db: Database,
  tenant: string,
  id: string,
  attr: string,
  datasetId: string | undefined,
): Promise<number> {
  let q = realtimeDb(db)
    .deleteFrom('ngsi_attr_instance')
    .where('tenant', '=', tenant)
    .where('entity_id', '=', id)
    .where('attr', '=', attr);
  if (datasetId !== undefined) q = q.where('dataset_id', '=', datasetId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function findInstance(
  db: Database,
  tenant: string,
  id: string,
  attr: string,
  instanceId: string,
): Promise<InstanceRow | undefined> {
  return realtimeDb(db)
    .selectFrom('ngsi_attr_instance')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('entity_id', '=', id)
    .where('attr', '=', attr)
    .where('instance_id', '=', instanceId)
    .executeTakeFirst();
}

export async function deleteInstance(db: Database, instanceId: string): Promise<void> {
  await realtimeDb(db)
    .deleteFrom('ngsi_attr_instance')
    .where('instance_id', '=', instanceId)
    .execute();
}

export async function replaceInstance(db: Database, row: InstanceRow): Promise<void> {
  const { instance_id, ...rest } = row;
  await realtimeDb(db)
    .updateTable('ngsi_attr_instance')
    .set(rest)
    .where('instance_id', '=', instance_id)
    .execute();
}

/** Instances of one entity chosen by a temporal query, oldest first, at most `limit` + 1. */
export async function entityInstances(
  db: Database,
  tenant: string,
  entityId: string,
  attrs: ReadonlySet<string> | undefined,
  tq: TemporalQuery,
  limit: number,
): Promise<InstanceRow[]> {
  const col = TIME_COLUMN[tq.timeproperty];
  const base = () => {
    let q = realtimeDb(db)
      .selectFrom('ngsi_attr_instance')
      .selectAll()
      .where('tenant', '=', tenant)
      .where('entity_id', '=', entityId);
    if (tq.fromMs !== undefined) q = q.where(col, '>=', tq.fromMs);
    if (tq.toMs !== undefined) q = q.where(col, '<', tq.toMs);
    return q;
  };
  if (tq.lastN === undefined) {
    let q = base();
    if (attrs) q = q.where('attr', 'in', [...attrs]);
    return q
      .orderBy(col)
      .orderBy('instance_id')
      .limit(limit + 1)
      .execute();
  }
  // lastN counts per attribute (clause 6.18.3.1): the newest N of each, shown oldest first.
  const names = attrs ? [...attrs] : await attributeNames(db, tenant, entityId);
  const out: InstanceRow[] = [];
  for (const name of names) {
    const rows = await base()
      .where('attr', '=', name)
      .orderBy(col, 'desc')
      .orderBy('instance_id', 'desc')
      .limit(tq.lastN)
      .execute();
    out.push(...rows.reverse());
  }
  return out.sort((a, b) => a[col] - b[col]);
}

export async function attributeNames(
  db: Database,
  tenant: string,
  entityId: string,
): Promise<string[]> {
  const rows = await realtimeDb(db)
    .selectFrom('ngsi_attr_instance')
    .select('attr')
    .distinct()
    .where('tenant', '=', tenant)
    .where('entity_id', '=', entityId)
    .execute();
  return rows.map((r) => r.attr);
}

/** One aggregation period of one attribute. */
export interface Bucket {
  attr: string;
  bucket: number;
  avg: number | null;
  min: number | null;
  max: number | null;
  sum: number | null;
  totalCount: number;
  distinctCount: number;
}

/**
 * Aggregates an entity's instances per attribute and fixed-length period in SQL: the period of
 * an instance is `(t - startMs) / periodMs` (integer division on both backends).
 */
export async function aggregateFixed(
  db: Database,
  tenant: string,
  entityId: string,
  attrs: ReadonlySet<string> | undefined,
  tq: TemporalQuery,
  startMs: number,
  periodMs: number,
): Promise<Bucket[]> {
  const col = sql.ref(TIME_COLUMN[tq.timeproperty]);
  // Integers bound as integers: SQLite would otherwise divide as REAL.
  const int = sql.raw(db.dialect === 'postgres' ? 'bigint' : 'integer');
  const bucket = sql<number>`(${col} - CAST(${startMs} AS ${int})) / CAST(${periodMs} AS ${int})`;
  let q = realtimeDb(db)
    .selectFrom('ngsi_attr_instance')
    .select([
      'attr',
      bucket.as('bucket'),
      sql<number | null>`avg(vnum)`.as('avg'),
      sql<number | null>`min(vnum)`.as('min'),
      sql<number | null>`max(vnum)`.as('max'),
      sql<number | null>`sum(vnum)`.as('sum'),
      sql<number>`count(*)`.as('totalCount'),
      sql<number>`count(distinct vtext)`.as('distinctCount'),
    ])
    .where('tenant', '=', tenant)
    .where('entity_id', '=', entityId)
    .where(TIME_COLUMN[tq.timeproperty], '>=', startMs);
  if (tq.toMs !== undefined) q = q.where(TIME_COLUMN[tq.timeproperty], '<', tq.toMs);
  if (attrs) q = q.where('attr', 'in', [...attrs]);
  const rows = await q.groupBy(['attr', sql`2`]).orderBy('attr').orderBy(sql`2`).execute();
  return rows.map((r) => ({
    attr: r.attr,
    bucket: Number(r.bucket),
    avg: num(r.avg),
    min: num(r.min),
    max: num(r.max),
    sum: num(r.sum),
    totalCount: Number(r.totalCount),
    distinctCount: Number(r.distinctCount),
  }));
}

function num(v: number | string | null): number | null {
  return v === null ? null : Number(v);
}

/** The earliest instance time of an entity (the start of aggregation without timeAt). */
export async function firstTime(
  db: Database,
  tenant: string,
  entityId: string,
  tq: TemporalQuery,
): Promise<number | undefined> {
  const col = TIME_COLUMN[tq.timeproperty];
  const r = await realtimeDb(db)
    .selectFrom('ngsi_attr_instance')
    .select(sql<number | null>`min(${sql.ref(col)})`.as('t'))
    .where('tenant', '=', tenant)
    .where('entity_id', '=', entityId)
    .$if(tq.fromMs !== undefined, (q) => q.where(col, '>=', tq.fromMs ?? 0))
    .$if(tq.toMs !== undefined, (q) => q.where(col, '<', tq.toMs ?? 0))
    .executeTakeFirst();
  return r?.t === null || r?.t === undefined ? undefined : Number(r.t);
}

export function timeOf(row: InstanceRow, p: TimeProperty): number {
  return row[TIME_COLUMN[p]];
}

/** Raw values for aggregation in code (calendar periods). */
export async function aggregationInputs(
  db: Database,
  tenant: string,
  entityId: string,
  attrs: ReadonlySet<string> | undefined,
  tq: TemporalQuery,
  startMs: number,
): Promise<Array<{ attr: string; t: number; vnum: number | null; vtext: string | null }>> {
  const col = TIME_COLUMN[tq.timeproperty];
  let q = realtimeDb(db)
    .selectFrom('ngsi_attr_instance')
    .select(['attr', sql.ref(col).as('t'), 'vnum', 'vtext'])
    .where('tenant', '=', tenant)
    .where('entity_id', '=', entityId)
    .where(col, '>=', startMs);
  if (tq.toMs !== undefined) q = q.where(col, '<', tq.toMs);
  if (attrs) q = q.where('attr', 'in', [...attrs]);
  const rows = await q.execute();
  return rows.map((r) => ({ attr: r.attr, t: Number(r.t), vnum: r.vnum, vtext: r.vtext }));
}
