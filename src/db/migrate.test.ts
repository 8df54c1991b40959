import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../core/errors.ts';
import { openDatabase } from './database.ts';
import { appliedMigrations, KNOWN_MIGRATIONS, migrateToLatest } from './migrate.ts';

describe('migrations', () => {
  it('apply once on an empty SQLite database and then do nothing', async () => {
    const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    assert.deepEqual(await migrateToLatest(db), KNOWN_MIGRATIONS);
    assert.deepEqual(await migrateToLatest(db), []);
    assert.deepEqual(await appliedMigrations(db), KNOWN_MIGRATIONS);
    await db.close();
  });

  it('apply a migration that lands after a higher-numbered one already ran', async () => {
    const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    // As a database migrated before 0005-merged existed: its row and tables are not there yet.
    await sql`DELETE FROM kysely_migration WHERE name = '0005-merged'`.execute(db.kysely);
    await sql`DROP TABLE merged_member`.execute(db.kysely);
    await sql`DROP TABLE merged_table`.execute(db.kysely);
    assert.deepEqual(await migrateToLatest(db), ['0005-merged']);
    assert.deepEqual(await appliedMigrations(db), KNOWN_MIGRATIONS);
    await db.close();
  });

  it('refuse a database whose schema is newer than the code', async () => {
    const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', '2030-01-01')`.execute(
      db.kysely,
    );
    await assert.rejects(
      migrateToLatest(db),
      (e: unknown) =>
        e instanceof AppError &&
        /newer than this version/.test(e.message) &&
        e.message.includes('9999-from-the-future'),
    );
    await db.close();
  });

  it('turn on foreign keys and WAL for SQLite files', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 's5-')), 'nested', 's5.db');
    const db = openDatabase({ kind: 'sqlite', file });
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db.kysely);
    const wal = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db.kysely);
    assert.equal(fk.rows[0]?.foreign_keys, 1);
    assert.equal(wal.rows[0]?.journal_mode, 'wal');
    await db.close();
  });
});
