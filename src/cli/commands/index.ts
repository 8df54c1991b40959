import type { Command } from 'commander';

/** Every CLI command, registered in help order. Add one import and one call per command file. */
export function registerCommands(program: Command): void {
  void program;
}
