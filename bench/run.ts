/**
 * `npm run bench`: every benchmark, one table. Small sizes by default for a quick run;
 * `--full` uses the sizes the issues name (10,000 datasets; 1,000,000 rows).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { run as catalogSearch } from './catalog-search.ts';
import { type BenchRow, printTable } from './stats.ts';

const full = process.argv.includes('--full');
const rows: BenchRow[] = [];
rows.push(
  ...(await catalogSearch({
    datasets: full ? 10_000 : 2_000,
    iterations: full ? 200 : 50,
    postgresUrl: process.env.S5_BENCH_DATABASE_URL ?? process.env.S5_TEST_DATABASE_URL,
  })),
);
printTable(rows);

const validateBench = path.join(import.meta.dirname, 'validate.ts');
if (existsSync(validateBench)) {
  const mod = (await import(validateBench)) as { run?: (o: { rows: number }) => Promise<unknown> };
  if (mod.run) {
    const result = await mod.run({ rows: full ? 1_000_000 : 200_000 });
    process.stdout.write(`\nvalidation benchmark:\n${JSON.stringify(result, null, 2)}\n`);
  }
}
