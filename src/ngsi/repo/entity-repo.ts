import type { Database } from '../../db/index.ts';
import type { AttrInstances, Entity, EntityChange } from '../model/types.ts';
import { instanceKey } from '../model/types.ts';
import { attrFromRow, attributeRow } from './attribute-rows.ts';
import { ngsiDb } from './tables.ts';

/** An entity as stored: its row number links its attribute rows. */
export interface StoredEntity extends Entity {
  seq: number;
}

export interface EntityRowLite {
  seq: number;
  id: string;
  types: string;
  scopes: string | null;
  created_at: string;
  modified_at: string;
}

const CHUNK = 500;

/**
 * One entity with all its attributes, or undefined. With `forUpdate` the row is locked until
 * the transaction ends (PostgreSQL; SQLite writers are serialised anyway).
 */
export async function findEntity(
  db: Database,
  tenant: string,
  id: string,
  forUpdate = false,
): Promise<StoredEntity | undefined> {
  let q = ngsiDb(db)
    .selectFrom('ngsi_entity')
    .select(['seq', 'id', 'types', 'scopes', 'created_at', 'modified_at'])
    .where('tenant', '=', tenant)
    .where('id', '=', id);
  if (forUpdate && db.dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  const [entity] = await withAttributes(db, [row]);
  return entity;
}

/** Entities of the given rows with their attributes, in the rows' order. */
export async function withAttributes(
  db: Database,
  rows: readonly EntityRowLite[],
): Promise<StoredEntity[]> {
  const bySeq = new Map<number, StoredEntity>();
  const out = rows.map((r) => {
    const e: StoredEntity = {
      seq: r.seq,
      id: r.id,
      types: JSON.parse(r.types) as string[],
      createdAt: r.created_at,
      modifiedAt: r.modified_at,
      attrs: new Map(),
    };
    if (r.scopes) e.scopes = JSON.parse(r.scopes) as string[];
    bySeq.set(r.seq, e);
    return e;
  });
  for (let i = 0; i < rows.length; i += CHUNK) {
    const seqs = rows.slice(i, i + CHUNK).map((r) => r.seq);
    const attrRows = await ngsiDb(db)
      .selectFrom('ngsi_attribute')
      .select([
        'entity_seq',
        'name',
        'dataset_id',
        'type',
        'value',
        'observed_at',
        'unit_code',
        'extra',
        'created_at',
        'modified_at',
      ])
      .where('entity_seq', 'in', seqs)
      .orderBy('entity_seq')
      .orderBy('name')
      .orderBy('dataset_id')
      .execute();
    for (const row of attrRows) {
      const e = bySeq.get(Number(row.entity_seq));
      if (!e) continue;
      let instances = e.attrs.get(row.name);
      if (!instances) {
        instances = new Map();
        e.attrs.set(row.name, instances);
      }
      instances.set(row.dataset_id, attrFromRow(row));
    }
  }
  return out;
}

/**
 * Writes one entity change (see model/types.ts EntityChange) and returns the entity's row number.
 * @returns undefined when a create found the id taken (the caller answers AlreadyExists).
 */
export async function persistChange(
  db: Database,
  change: EntityChange,
  seq: number | undefined,
): Promise<number | undefined> {
  const k = ngsiDb(db);
  if (change.op === 'deleted') {
    if (seq !== undefined) await k.deleteFrom('ngsi_entity').where('seq', '=', seq).execute();
    return seq;
  }
  const after = change.after;
  if (!after) return seq;
  const entityValues = {
    types: JSON.stringify(after.types),
    scopes: after.scopes && after.scopes.length > 0 ? JSON.stringify(after.scopes) : null,
    modified_at: after.modifiedAt ?? change.at,
  };
  if (change.op === 'created') {
    const inserted = await k
      .insertInto('ngsi_entity')
      .values({
        tenant: change.tenant,
        id: after.id,
        created_at: after.createdAt ?? change.at,
        ...entityValues,
      })
      .onConflict((oc) => oc.columns(['tenant', 'id']).doNothing())
      .returning('seq')
      .executeTakeFirst();
    if (!inserted) return undefined;
    const newSeq = Number(inserted.seq);
    await insertTypes(db, change.tenant, newSeq, after.types);
    await insertAttributes(db, newSeq, after.attrs);
    return newSeq;
  }
  if (seq === undefined) return undefined;
  await k.updateTable('ngsi_entity').set(entityValues).where('seq', '=', seq).execute();
  const before = change.before;
  if (!before || JSON.stringify(before.types) !== JSON.stringify(after.types)) {
    await k.deleteFrom('ngsi_entity_type').where('entity_seq', '=', seq).execute();
    await insertTypes(db, change.tenant, seq, after.types);
  }
  for (const c of change.attrs) {
    const key = instanceKey(c.datasetId);
    const where = k
      .deleteFrom('ngsi_attribute')
      .where('entity_seq', '=', seq)
      .where('name', '=', c.name)
      .where('dataset_id', '=', key);
    if (c.op === 'deleted') {
      await where.execute();
      continue;
    }
    if (!c.current) continue;
    const row = attributeRow(seq, c.name, c.current);
    if (c.op === 'updated') {
      const { entity_seq: _s, name: _n, dataset_id: _d, ...rest } = row;
      await k
        .updateTable('ngsi_attribute')
        .set(rest)
        .where('entity_seq', '=', seq)
        .where('name', '=', c.name)
        .where('dataset_id', '=', key)
        .execute();
    } else {
      await k.insertInto('ngsi_attribute').values(row).execute();
    }
  }
  return seq;
}

async function insertTypes(db: Database, tenant: string, seq: number, types: string[]) {
  if (types.length === 0) return;
  await ngsiDb(db)
    .insertInto('ngsi_entity_type')
    .values(types.map((type) => ({ entity_seq: seq, tenant, type })))
    .execute();
}

async function insertAttributes(db: Database, seq: number, attrs: Map<string, AttrInstances>) {
  const rows = [];
  for (const [name, instances] of attrs)
    for (const attr of instances.values()) rows.push(attributeRow(seq, name, attr));
  // Stay under SQLite's bound-parameter limit (17 columns per row).
  for (let i = 0; i < rows.length; i += 50)
    await ngsiDb(db)
      .insertInto('ngsi_attribute')
      .values(rows.slice(i, i + 50))
      .execute();
}

/** Whether the tenant exists (the default tenant '' always does). */
export async function tenantExists(db: Database, tenant: string): Promise<boolean> {
  if (tenant === '') return true;
  const row = await ngsiDb(db)
    .selectFrom('ngsi_tenant')
    .select('name')
    .where('name', '=', tenant)
    .executeTakeFirst();
  return row !== undefined;
}

/** Creates the tenant on its first write. */
export async function ensureTenant(db: Database, tenant: string, now: string): Promise<void> {
  if (tenant === '') return;
  await ngsiDb(db)
    .insertInto('ngsi_tenant')
    .values({ name: tenant, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
