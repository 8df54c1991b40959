import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Adapts Node's built-in `node:sqlite` to the interface Kysely's SqliteDialect expects
 * (the better-sqlite3 shape), so the embedded default needs no native addon.
 */
export function openSqlite(file: string): SqliteDatabase & { raw: DatabaseSync } {
  const raw = new DatabaseSync(file, { enableForeignKeyConstraints: true });
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = NORMAL');
  raw.exec('PRAGMA busy_timeout = 5000');
  raw.exec('PRAGMA foreign_keys = ON');
  const cache = new Map<string, { stmt: StatementSync; reader: boolean; rollback: boolean }>();
  return {
    raw,
    close: () => raw.close(),
    prepare(sqlText: string): SqliteStatement {
      let cached = cache.get(sqlText);
      if (!cached) {
        const stmt = raw.prepare(sqlText);
        cached = {
          stmt,
          reader: stmt.columns().length > 0,
          rollback: /^\s*rollback\s*$/i.test(sqlText),
        };
        if (cache.size > 500) cache.clear();
        cache.set(sqlText, cached);
      }
      const s = cached.stmt;
      const isRollback = cached.rollback;
      return {
        reader: cached.reader,
        all: (params) => s.all(...params.map(toSqlite)),
        run: (params) => {
          // After SQLITE_FULL or SQLITE_IOERR SQLite may already have rolled the transaction
          // back; Kysely's ROLLBACK would then throw and hide the original error.
          if (isRollback && !raw.isTransaction) return { changes: 0, lastInsertRowid: 0 };
          const r = s.run(...params.map(toSqlite));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        iterate: (params) => s.iterate(...params.map(toSqlite)),
      };
    },
  };
}

/** node:sqlite binds only null, numbers, bigints, strings and bytes. */
function toSqlite(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'string' ||
    value instanceof Uint8Array
  ) {
    return value;
  }
  return JSON.stringify(value);
}
