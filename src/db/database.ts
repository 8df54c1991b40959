import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { openSqlite } from './sqlite-driver.ts';
import type { Tables } from './tables.ts';

export type Dialect = 'sqlite' | 'postgres';

/** The database handle every repo receives: Kysely plus which backend it talks to. */
export interface Database {
  readonly kysely: Kysely<Tables>;
  readonly dialect: Dialect;
}

export interface OwnedDatabase extends Database {
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** Opens the embedded SQLite file (creating its folder) or a PostgreSQL pool. */
export function openDatabase(target: DatabaseTarget): OwnedDatabase {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = openSqlite(target.file);
    const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
  }
  // Keep int8/numeric as JS numbers where safe: sizes and counts fit comfortably.
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    connectionTimeoutMillis: 10_000,
  });
  // A server restart kills every connection, idle in the pool or checked out between two
  // queries; without listeners that error would end the process. The failing query reports it
  // (and becomes a 503); the pool drops broken clients and opens fresh connections later.
  pool.on('error', () => undefined);
  pool.on('connect', markLostConnections);
  const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}

/**
 * Runs `fn` in one transaction; nested calls join the outer one.
 * Every write in s5 goes through here so that a failure leaves nothing half-written.
 */
export async function withTransaction<T>(
  db: Database,
  fn: (tx: Database) => Promise<T>,
): Promise<T> {
  if (db.kysely.isTransaction) return fn(db);
  return db.kysely
    .transaction()
    .execute((trx: Transaction<Tables>) => fn({ kysely: trx, dialect: db.dialect }));
}

/**
 * pg rejects the queries of a connection the server closed with a bare "Connection terminated
 * unexpectedly" (no code). The client's own `error`/`end` events say structurally that the
 * connection is gone, so such rejections are re-thrown with Node's ECONNRESET code, which
 * `infrastructureError` maps to a clear 503 instead of a 500.
 */
function markLostConnections(client: pg.PoolClient): void {
  let lost = false;
  client.on('error', () => {
    lost = true;
  });
  client.on('end', () => {
    lost = true;
  });
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const guarded = (...args: unknown[]): unknown => {
    const result = query(...args);
    if (!(result instanceof Promise)) return result;
    return result.catch((error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      if (lost && code === undefined) {
        throw Object.assign(new Error('database connection lost', { cause: error }), {
          code: 'ECONNRESET',
        });
      }
      throw error;
    });
  };
  client.query = guarded as typeof client.query;
}
