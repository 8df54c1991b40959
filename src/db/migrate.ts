import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { AppError } from '../core/errors.ts';
import type { Database, Dialect } from './database.ts';
import * as m0001 from './migrations/0001-catalog.ts';
import * as m0002 from './migrations/0002-plan.ts';
import * as m0003 from './migrations/0003-datastore.ts';
import * as m0004 from './migrations/0004-ingest.ts';
import * as m0005 from './migrations/0005-merged.ts';
import * as m0006 from './migrations/0006-harvest.ts';
import * as m0007 from './migrations/0007-ngsi.ts';
import * as m0008 from './migrations/0008-audit.ts';
import * as m0009 from './migrations/0009-datastore-q.ts';
import * as m0010 from './migrations/0010-auth.ts';
import * as m0011 from './migrations/0011-ngsi-realtime.ts';

/** Migrations in order. A migration is `up(db, dialect)`: one file for both backends. */
const MIGRATIONS: ReadonlyArray<
  // biome-ignore lint/suspicious/noExplicitAny: see migrations.
  [string, { up(db: Kysely<any>, dialect: Dialect): Promise<void> }]
> = [
  ['0001-catalog', m0001],
  ['0002-plan', m0002],
  ['0003-datastore', m0003],
  ['0004-ingest', m0004],
  ['0005-merged', m0005],
  ['0006-harvest', m0006],
  ['0007-ngsi', m0007],
  ['0008-audit', m0008],
  ['0009-datastore-q', m0009],
  ['0010-auth', m0010],
  ['0011-ngsi-realtime', m0011],
];

export const KNOWN_MIGRATIONS = MIGRATIONS.map(([name]) => name);

function provider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, mod] of MIGRATIONS) out[name] = { up: (db) => mod.up(db, dialect) };
      return out;
    },
  };
}

/** Names of the migrations already applied, oldest first ([] on an empty database). */
export async function appliedMigrations(db: Database): Promise<string[]> {
  // Look only where unqualified names resolve (PostgreSQL's search_path), not in every schema.
  const exists =
    db.dialect === 'postgres'
      ? await sql<{ t: string | null }>`SELECT to_regclass('kysely_migration')::text AS t`.execute(
          db.kysely,
        )
      : await sql<{
          t: string | null;
        }>`SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(
          db.kysely,
        );
  if (!exists.rows[0]?.t) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
    db.kysely,
  );
  return rows.rows.map((r) => r.name);
}

/**
 * Refuses a database whose schema is newer than this code: running old code on it could
 * write rows the newer schema does not expect.
 * @throws AppError internal naming the unknown migrations.
 */
export async function assertSchemaNotNewer(db: Database): Promise<void> {
  const unknown = (await appliedMigrations(db)).filter((n) => !KNOWN_MIGRATIONS.includes(n));
  if (unknown.length > 0) {
    throw new AppError(
      'internal',
      `The database schema is newer than this version of s5 (unknown migrations: ${unknown.join(', ')}). Upgrade s5 or use another database.`,
      { details: { unknown } },
    );
  }
}

/**
 * Applies every pending migration, each in its own transaction.
 * @returns the names applied in this call.
 * @throws AppError internal when the schema is newer than the code or a migration fails.
 */
export async function migrateToLatest(db: Database): Promise<string[]> {
  await assertSchemaNotNewer(db);
  // Kysely looks for its tables in every schema; pin them to the one search_path resolves to,
  // so that databases in separate schemas of one server never see each other's migrations.
  const schema =
    db.dialect === 'postgres'
      ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db.kysely)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db: db.kysely,
    provider: provider(db.dialect),
    // Migrations are numbered by the capability that needs them and each only adds its own
    // tables, so one landing after a higher number (0006 after 0008) is applied, not refused.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw new AppError('internal', `Migration failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
