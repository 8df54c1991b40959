import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { migrateDatabase, migrationStatus } from '../../platform/index.ts';

/** `s5 db migrate` and `s5 db status`. */
export function register(program: Command): void {
  const db = program.command('db').description('database schema');
  db.command('migrate')
    .description('apply pending migrations (refuses a database newer than this code)')
    .action(async () => {
      const applied = await migrateDatabase(loadConfig());
      process.stdout.write(
        applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'already up to date\n',
      );
    });
  db.command('status')
    .description('list applied and pending migrations')
    .action(async () => {
      for (const m of await migrationStatus(loadConfig())) {
        const note = m.state === 'unknown' ? '  (newer than this code)' : '';
        process.stdout.write(`${m.state.padEnd(8)} ${m.name}${note}\n`);
      }
    });
}
