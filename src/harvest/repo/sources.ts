import type { Selectable } from 'kysely';
import { type Database, toBool } from '../../db/index.ts';
import { type HarvestSourceTable, harvestDb } from './tables.ts';

/** 収集元: a remote CKAN portal harvested into a local organization. */
export interface HarvestSource {
  id: string;
  name: string;
  title: string;
  url: string;
  remoteOrg: string | null;
  localOrgId: string;
  intervalMinutes: number | null;
  localFields: string[];
  fetchResources: boolean;
  pageSize: number;
  active: boolean;
  createdBy: string | null;
  created: string;
  modified: string;
}

export async function insertSource(db: Database, s: HarvestSource): Promise<void> {
  await harvestDb(db).insertInto('harvest_source').values(toRow(s)).execute();
}

export async function updateSource(db: Database, s: HarvestSource): Promise<void> {
  const { id: _id, created: _c, ...changes } = toRow(s);
  await harvestDb(db).updateTable('harvest_source').set(changes).where('id', '=', s.id).execute();
}

export async function deleteSource(db: Database, id: string): Promise<void> {
  await harvestDb(db).deleteFrom('harvest_source').where('id', '=', id).execute();
}

/** The source with this id or name. */
export async function findSource(db: Database, ref: string): Promise<HarvestSource | undefined> {
  const row = await harvestDb(db)
    .selectFrom('harvest_source')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function sourceNameTaken(db: Database, name: string, exceptId: string | null) {
  let q = harvestDb(db).selectFrom('harvest_source').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Sources by name; only those of the given organizations unless 'all'. */
export async function listSources(
  db: Database,
  orgIds: readonly string[] | 'all',
): Promise<HarvestSource[]> {
  if (orgIds !== 'all' && orgIds.length === 0) return [];
  let q = harvestDb(db).selectFrom('harvest_source').selectAll().orderBy('name');
  if (orgIds !== 'all') q = q.where('local_org_id', 'in', [...orgIds]);
  return (await q.execute()).map(fromRow);
}

function toRow(s: HarvestSource): HarvestSourceTable {
  return {
    id: s.id,
    name: s.name,
    title: s.title,
    url: s.url,
    remote_org: s.remoteOrg,
    local_org_id: s.localOrgId,
    interval_minutes: s.intervalMinutes,
    local_fields: JSON.stringify(s.localFields),
    fetch_resources: s.fetchResources,
    page_size: s.pageSize,
    active: s.active,
    created_by: s.createdBy,
    created: s.created,
    modified: s.modified,
  };
}

function fromRow(r: Selectable<HarvestSourceTable>): HarvestSource {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    url: r.url,
    remoteOrg: r.remote_org,
    localOrgId: r.local_org_id,
    intervalMinutes: r.interval_minutes === null ? null : Number(r.interval_minutes),
    localFields: parseStringList(r.local_fields),
    fetchResources: toBool(r.fetch_resources),
    pageSize: Number(r.page_size),
    active: toBool(r.active),
    createdBy: r.created_by,
    created: r.created,
    modified: r.modified,
  };
}

/** A stored JSON list of strings; anything else reads as empty. */
export function parseStringList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
