import type { Command } from 'commander';
import { register as action } from './action.ts';
import { register as backup } from './backup.ts';
import { register as db } from './db.ts';
import { register as harvest } from './harvest.ts';
import { register as importFile } from './import.ts';
import { register as merged } from './merged.ts';
import { register as plan } from './plan.ts';
import { register as schemas } from './schemas.ts';
import { register as seed } from './seed.ts';
import { register as simulate } from './simulate.ts';
import { register as users } from './users.ts';
import { register as validate } from './validate.ts';

/** Every CLI command, registered in help order. Add one import and one call per command file. */
export function registerCommands(program: Command): void {
  db(program);
  seed(program);
  users(program);
  action(program);
  plan(program);
  schemas(program);
  validate(program);
  importFile(program);
  harvest(program);
  merged(program);
  backup(program);
  simulate(program);
}
