import type { Config } from '../core/config.ts';
import { appliedMigrations, KNOWN_MIGRATIONS, migrateToLatest, openDatabase } from '../db/index.ts';

/** Applies pending migrations to the configured database; returns their names. */
export async function migrateDatabase(config: Config): Promise<string[]> {
  const db = openDatabase(config.database);
  try {
    return await migrateToLatest(db);
  } finally {
    await db.close();
  }
}

/** Every migration this code knows or the database has applied, with its state. */
export async function migrationStatus(
  config: Config,
): Promise<Array<{ name: string; state: 'applied' | 'pending' | 'unknown' }>> {
  const db = openDatabase(config.database);
  try {
    const applied = await appliedMigrations(db);
    return [
      ...KNOWN_MIGRATIONS.map((name) => ({
        name,
        state: applied.includes(name) ? ('applied' as const) : ('pending' as const),
      })),
      ...applied
        .filter((n) => !KNOWN_MIGRATIONS.includes(n))
        .map((name) => ({ name, state: 'unknown' as const })),
    ];
  } finally {
    await db.close();
  }
}
