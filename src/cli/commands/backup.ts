import type { Command } from 'commander';
import { createBackup, restoreBackup } from '../../backup/index.ts';
import { loadConfig } from '../../core/config.ts';

/** `s5 backup <dir>` and `s5 restore <dir> [--force]` for the embedded database and files. */
export function register(program: Command): void {
  program
    .command('backup')
    .description(
      'copy the SQLite database and uploaded files into a new folder (safe while the server runs)',
    )
    .argument('<dir>', 'a new or empty folder')
    .action(async (dir: string) => {
      const s = await createBackup(loadConfig(), dir, new Date());
      process.stdout.write(
        `backup written to ${s.dir}: database (${s.migrations.length} migrations), ${s.files} files, ${s.bytes} bytes\n`,
      );
      if (s.missing.length > 0) {
        process.stderr.write(
          `warning: ${s.missing.length} file(s) the database refers to were not in the file store\n`,
        );
      }
    });
  program
    .command('restore')
    .description('restore a backup folder into S5_DATA_DIR (stop the server first)')
    .argument('<dir>', 'a folder written by `s5 backup`')
    .option('--force', 'replace an existing database')
    .action(async (dir: string, options: { force?: boolean }) => {
      const s = await restoreBackup(loadConfig(), dir, { force: options.force === true });
      process.stdout.write(
        `restored: database (${s.migrations.length} migrations), ${s.filesPresent} files (${s.filesCopied} copied)\n`,
      );
    });
}
