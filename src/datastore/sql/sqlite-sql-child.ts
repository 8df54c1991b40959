/**
 * The child process that runs datastore_search_sql on SQLite (started by sqlite-sql-runner.ts).
 * It opens the database read-only and lets SQLite's authorizer allow only SELECT, reads of the
 * listed tables and calls of the listed functions. It runs in its own process because SQLite
 * cannot be interrupted from JavaScript: on timeout the parent kills it.
 * Runs under Node's type stripping, so it imports nothing but node: modules and types.
 */
import { constants, DatabaseSync } from 'node:sqlite';
import type { SqliteSqlReply, SqliteSqlRequest } from './sqlite-sql-protocol.ts';

const MAX_OPEN = 8;
const open = new Map<string, DatabaseSync>();

function database(file: string): DatabaseSync {
  const cached = open.get(file);
  if (cached) return cached;
  if (open.size >= MAX_OPEN) {
    const [oldest, db] = open.entries().next().value ?? [];
    if (oldest !== undefined) open.delete(oldest);
    db?.close();
  }
  // Limits bound what one query can allocate: strings and blobs, SQL length, attached files.
  const db = new DatabaseSync(file, {
    readOnly: true,
    allowExtension: false,
    limits: { length: 10_000_000, sqlLength: 200_000, attach: 0, compoundSelect: 50 },
  });
  open.set(file, db);
  return db;
}

function run(request: SqliteSqlRequest): SqliteSqlReply {
  const db = database(request.file);
  const tables = new Set(request.tables);
  const functions = new Set(request.functions);
  // Set by the authorizer callback; an object so that the catch below sees the assignment.
  const seen: { refusal: { kind: 'table' | 'function' | 'statement'; message: string } | null } = {
    refusal: null,
  };
  // SQLite reports `FROM x` without a column read (count(*)) as a read of x with an empty column
  // name and no database, for tables and recursive CTEs alike; those are checked after prepare,
  // when the CTE names (the 5th argument of the callbacks inside them) are all known.
  const bareReads: string[] = [];
  const ctes = new Set<string>();
  // A CTE may not borrow the name of a real table: `WITH users AS (…) … FROM main.users, users`.
  const real = new Set([
    'sqlite_master',
    'sqlite_schema',
    'sqlite_temp_master',
    'sqlite_temp_schema',
  ]);
  for (const row of db.prepare('SELECT name FROM sqlite_schema').all()) real.add(String(row.name));
  db.setAuthorizer((action, arg1, arg2, dbName, inside) => {
    if (inside !== null) ctes.add(inside);
    if (action === constants.SQLITE_SELECT || action === constants.SQLITE_RECURSIVE) {
      return constants.SQLITE_OK;
    }
    if (action === constants.SQLITE_READ) {
      if (arg1 !== null && (arg2 === null || arg2 === '')) {
        bareReads.push(arg1);
        return constants.SQLITE_OK;
      }
      if (dbName === 'main' && arg1 !== null && tables.has(arg1)) return constants.SQLITE_OK;
      seen.refusal ??= { kind: 'table', message: '' };
      return constants.SQLITE_DENY;
    }
    if (action === constants.SQLITE_FUNCTION) {
      if (arg2 !== null && functions.has(arg2.toLowerCase())) return constants.SQLITE_OK;
      seen.refusal ??= { kind: 'function', message: arg2 ?? '' };
      return constants.SQLITE_DENY;
    }
    seen.refusal ??= { kind: 'statement', message: '' };
    return constants.SQLITE_DENY;
  });
  try {
    const statement = db.prepare(request.sql);
    // SQLite compiles only the first statement of a text; anything after it means a second one.
    if (statement.sourceSQL !== request.sql) {
      return { id: request.id, ok: false, kind: 'statement', message: '' };
    }
    if (bareReads.some((name) => !tables.has(name) && (real.has(name) || !ctes.has(name)))) {
      return { id: request.id, ok: false, kind: 'table', message: '' };
    }
    statement.setReturnArrays(true);
    statement.setReadBigInts(true);
    const columns = statement.columns().map((c) => ({
      name: c.name,
      table: c.table,
      column: c.column,
    }));
    const rows: unknown[][] = [];
    for (const row of statement.iterate(request.limit)) {
      rows.push(Array.isArray(row) ? row.map(plain) : []);
    }
    return { id: request.id, ok: true, columns, rows };
  } catch (error) {
    if (seen.refusal) return { id: request.id, ok: false, ...seen.refusal };
    const message = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, kind: 'sql', message };
  } finally {
    db.setAuthorizer(null);
  }
}

/** Values the parent can take as JSON: big integers as numbers or digits, blobs as hex. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return value;
}

process.on('message', (message: SqliteSqlRequest) => {
  process.send?.(run(message));
});
process.on('disconnect', () => process.exit(0));
