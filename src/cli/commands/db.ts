import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { appliedMigrations, KNOWN_MIGRATIONS, migrateToLatest, openDatabase } from '../../db/index.ts';

/** `s5 db migrate` and `s5 db status`. */
export function register(program: Command): void {
  const db = program.command('db').description('database schema');
  db.command('migrate')
    .description('apply pending migrations (refuses a database newer than this code)')
    .action(async () => {
      const config = loadConfig();
      const handle = openDatabase(config.database);
      try {
        const applied = await migrateToLatest(handle);
        process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'already up to date\n');
      } finally {
        await handle.close();
      }
    });
  db.command('status')
    .description('list applied and pending migrations')
    .action(async () => {
      const config = loadConfig();
      const handle = openDatabase(config.database);
      try {
        const applied = await appliedMigrations(handle);
        for (const name of KNOWN_MIGRATIONS) {
          process.stdout.write(`${applied.includes(name) ? 'applied' : 'pending'}  ${name}\n`);
        }
        for (const name of applied.filter((n) => !KNOWN_MIGRATIONS.includes(n))) {
          process.stdout.write(`unknown  ${name}  (newer than this code)\n`);
        }
      } finally {
        await handle.close();
      }
    });
}
