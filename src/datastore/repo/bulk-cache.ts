import { sql } from 'kysely';
import type { Database } from '../../db/index.ts';

/** Page cache for a bulk load on SQLite: 128 MiB (a negative cache_size counts KiB). */
const BULK_CACHE_KIB = 131072;

/**
 * Runs a bulk load with a large SQLite page cache, then puts the connection's setting back. With
 * the default 2 MB, a million-row load (rows, `q` index segments, B-tree pages) spills and
 * re-reads pages through the WAL file over and over, and waits on the disk most of the time.
 * PostgreSQL manages its own buffers: nothing to do there.
 */
export async function withBulkCache<T>(db: Database, load: () => Promise<T>): Promise<T> {
  if (db.dialect !== 'sqlite') return load();
  const before = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db.kysely);
  const previous = Number(before.rows[0]?.cache_size ?? -2000);
  await sql`PRAGMA cache_size = ${sql.raw(String(-BULK_CACHE_KIB))}`.execute(db.kysely);
  try {
    return await load();
  } finally {
    // A number read back from SQLite itself, so raw is safe here.
    await sql`PRAGMA cache_size = ${sql.raw(String(Math.trunc(previous)))}`.execute(db.kysely);
  }
}
