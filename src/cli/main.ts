import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

/**
 * `s5` command line. Each command lives in `commands/<name>.ts` and is registered in
 * `commands/index.ts`; commands reach data only through the action registry or a
 * capability's index.ts.
 */
// `s5 … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command()
  .name('s5')
  .description('s5: open data catalog, validator and plan progress for a prefecture')
  .showHelpAfterError();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`s5: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : 1;
}
