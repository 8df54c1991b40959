import type { Command } from 'commander';
import { register as action } from './action.ts';
import { register as db } from './db.ts';
import { register as seed } from './seed.ts';
import { register as users } from './users.ts';

/** Every CLI command, registered in help order. Add one import and one call per command file. */
export function registerCommands(program: Command): void {
  db(program);
  seed(program);
  users(program);
  action(program);
}
