import path from 'node:path';
import type { Command } from 'commander';
import { reindexAll, seedCatalog } from '../../catalog/index.ts';
import { seedPlan } from '../../plan/index.ts';
import { withPlatform } from '../open-platform.ts';

/** `s5 seed` and `s5 search reindex`. */
export function register(program: Command): void {
  program
    .command('seed')
    .description(
      'load (or update) the publishers and the plan from a seed folder; safe to run again',
    )
    .option('--dir <path>', 'seed folder (default: S5_SEED_DIR, seed/hokkaido)')
    .action(async (opts: { dir?: string }) => {
      await withPlatform(
        async (p) => {
          const dir = opts.dir ? path.resolve(opts.dir) : p.config.seedDir;
          const s = await seedCatalog(p.db, dir, p.clock.now());
          process.stdout.write(
            `${s.prefecture}: ${s.organizations} organizations, ${s.groups} groups\n`,
          );
          const plan = await seedPlan(p.db, dir, p.clock.now());
          if (plan)
            process.stdout.write(
              `${plan.title}: ${plan.nodes} nodes, ${plan.kpis} KPIs, version ${plan.version}` +
                `${plan.created ? ' (loaded)' : plan.changes > 0 ? ` (${plan.changes} changes)` : ''}\n`,
            );
        },
        { seed: false },
      );
    });
  program
    .command('search')
    .description('search index maintenance')
    .command('reindex')
    .description('rebuild the search index of every dataset')
    .action(async () => {
      await withPlatform(async (p) => {
        process.stdout.write(`reindexed ${await reindexAll(p.db)} datasets\n`);
      });
    });
}
