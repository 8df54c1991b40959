import type { Generated } from 'kysely';
import type { Database, DbBool } from '../../db/index.ts';

/**
 * The tables of migration 0006-harvest (keep in step with it). Timestamps are CKAN wire strings.
 * Types, not interfaces: Kysely's table maps need index-signature compatible object types.
 */
export type HarvestSourceTable = {
  id: string;
  name: string;
  title: string;
  /** The remote portal's base URL (without /api/3). */
  url: string;
  /** Harvest only this remote organization (its name), or everything. */
  remote_org: string | null;
  local_org_id: string;
  /** Minutes between scheduled runs; null = only when asked. */
  interval_minutes: number | null;
  /** JSON list of field names the harvester sets when it creates a dataset and never again. */
  local_fields: string;
  fetch_resources: DbBool;
  page_size: number;
  active: DbBool;
  created_by: string | null;
  created: string;
  modified: string;
};

export type HarvestJobTable = {
  id: string;
  source_id: string;
  /** 'queued' | 'running' | 'done' | 'failed' */
  state: string;
  created_by: string | null;
  created: string;
  started: string | null;
  finished: string | null;
  since: string | null;
  watermark: string | null;
  count_created: Generated<number>;
  count_updated: Generated<number>;
  count_deleted: Generated<number>;
  count_unchanged: Generated<number>;
  count_errors: Generated<number>;
  /** JSON HarvestProgress */
  progress: string;
  /** JSON HarvestReport */
  report: string;
  error: string | null;
};

export type HarvestObjectTable = {
  source_id: string;
  remote_id: string;
  remote_name: string;
  remote_url: string;
  local_package_id: string;
  remote_modified: string;
  content_hash: string;
  /** JSON HarvestedFields: what the harvester last wrote. */
  harvested: string;
  /** 'active' | 'withdrawn' */
  state: string;
  created: string;
  modified: string;
};

export type HarvestTables = {
  harvest_source: HarvestSourceTable;
  harvest_job: HarvestJobTable;
  harvest_object: HarvestObjectTable;
};

/** The database's Kysely with the harvest tables typed (types only; the same connection). */
export function harvestDb(db: Database) {
  return db.kysely.$extendTables<HarvestTables>();
}
