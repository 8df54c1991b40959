import type { Kysely } from 'kysely';
import type { Database, Tables } from '../../db/index.ts';

/** `merged_table` (migration 0005): the dataset and resource holding one schema's merged rows. */
export interface MergedTableTable {
  schema_id: string;
  package_id: string;
  resource_id: string;
  member_count: number;
  created: string;
  refreshed: string | null;
}

/** `merged_member` (migration 0005): one member resource copied into a merged table. */
export interface MergedMemberTable {
  schema_id: string;
  resource_id: string;
  package_id: string;
  version: number;
  /** The member's datastore_table.modified when it was copied. */
  table_modified: string;
  /** The member's datastore_table.row_count when it was copied. */
  table_rows: number;
  publisher_code: string | null;
  publisher_name: string;
  /** JSON `[{field, source, type}]`: which member column fills which schema field. */
  columns: string;
  /** Rows copied into the merged table. */
  row_count: number;
  added: string;
}

// A type alias, not an interface: withTables wants an index-signature-compatible record.
type MergedTables = {
  merged_table: MergedTableTable;
  merged_member: MergedMemberTable;
};

/** The database with this capability's tables typed (they live only here, not in src/db). */
export function mergedDb(db: Database): Kysely<Tables & MergedTables> {
  return db.kysely.withTables<MergedTables>();
}
