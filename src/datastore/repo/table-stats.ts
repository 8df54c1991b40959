import { sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { TableMeta } from '../fields/field-def.ts';
import { textIndexTable } from './text-index.ts';

/** Sizes in bytes that CKAN's datastore_info reports: the table, its indexes, the database. */
export interface TableSizes {
  size: number;
  idx_size: number;
  db_size: number;
}

/** Measures a table: PostgreSQL's relation size functions, SQLite's dbstat pages. */
export async function tableSizes(db: Database, meta: TableMeta): Promise<TableSizes> {
  if (db.dialect === 'postgres') {
    const r = await sql<{ size: number | string; idx: number | string; db: number | string }>`
      SELECT pg_relation_size(to_regclass(quote_ident(${meta.tableName}))) AS size,
             pg_indexes_size(to_regclass(quote_ident(${meta.tableName}))) AS idx,
             pg_database_size(current_database()) AS db`.execute(db.kysely);
    const row = r.rows[0];
    return {
      size: Number(row?.size ?? 0),
      idx_size: Number(row?.idx ?? 0),
      db_size: Number(row?.db ?? 0),
    };
  }
  const pages = async (names: readonly string[]) => {
    if (names.length === 0) return 0;
    const r = await sql<{
      n: number | null;
    }>`SELECT sum(pgsize) AS n FROM dbstat WHERE name IN (${sql.join([...names])})`.execute(
      db.kysely,
    );
    return Number(r.rows[0]?.n ?? 0);
  };
  const dbSize = await sql<{
    n: number;
  }>`SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()`.execute(
    db.kysely,
  );
  return {
    size: await pages([meta.tableName]),
    // The `q` index's FTS5 shadow tables count as index, as PostgreSQL's GIN index does.
    idx_size: await pages([
      ...meta.indexes.map((i) => i.name),
      ...['data', 'idx', 'docsize', 'config'].map((t) => `${textIndexTable(meta.tableName)}_${t}`),
    ]),
    db_size: Number(dbSize.rows[0]?.n ?? 0),
  };
}
