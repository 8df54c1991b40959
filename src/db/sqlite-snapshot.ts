import { DatabaseSync } from 'node:sqlite';

/**
 * Writes a consistent copy of a live SQLite database to `target` with `VACUUM INTO`: one read
 * transaction, so a server writing at the same time neither blocks nor tears the copy (WAL).
 */
export function snapshotSqlite(source: string, target: string): void {
  const db = new DatabaseSync(source, { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of a SQLite file: [] when sound, else the problems it lists. */
export function sqliteIntegrityProblems(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const rows = db.prepare('PRAGMA integrity_check').all() as Array<{ integrity_check: string }>;
    const problems = rows.map((r) => r.integrity_check);
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } finally {
    db.close();
  }
}

/** Names of the migrations recorded in a SQLite file (none when it has no migration table). */
export function sqliteMigrations(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const exists = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'")
      .get();
    if (!exists) return [];
    const rows = db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{
      name: string;
    }>;
    return rows.map((r) => r.name);
  } finally {
    db.close();
  }
}
