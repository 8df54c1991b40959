/**
 * `npm run bench`: every benchmark, then ONE table: each figure next to its baseline measured in
 * the same run, the ratio, and the issue's target where there is one. Small sizes by default (a
 * few minutes on 2 cores); `--full` uses the sizes the issues name (10,000 datasets, 1,000,000
 * datastore and validation rows). PostgreSQL too where it applies, when S5_BENCH_DATABASE_URL
 * (or S5_TEST_DATABASE_URL) is set. See docs/PERFORMANCE.md.
 *   npm run bench -- [--full] [--only search,api-load] [--json out.json]
 *                    [--datasets N] [--rows N] [--validate-rows N] [--duration S] [--repeat N]
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { prepareSites } from './api-load.ts';
import type { Site } from './server-fixture.ts';
import { withSchema } from './server-fixture.ts';
import {
  fromCatalogSearch,
  fromDatastore,
  fromDcat,
  fromHarvest,
  fromNgsi,
  fromValidate,
  fromWeb,
  machineInfo,
  ratioOf,
  renderTable,
  type SummaryRow,
  verdict,
} from './summary.ts';

const { values: flags } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'string' },
    datasets: { type: 'string' },
    rows: { type: 'string' },
    'validate-rows': { type: 'string' },
    duration: { type: 'string' },
    repeat: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const full = flags.full;
const overridden = ['datasets', 'rows', 'validate-rows', 'duration', 'repeat'].some(
  (k) => flags[k as keyof typeof flags] !== undefined,
);
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
/** The sizes the issues state their targets at. */
const ISSUE = { datasets: 10_000, rows: 1_000_000, validateRows: 1_000_000 };
const size = {
  datasets: num(flags.datasets, full ? ISSUE.datasets : 1_000),
  /** Search benchmarks populate quickly: twice the other default. */
  searchDatasets: num(flags.datasets, full ? ISSUE.datasets : 2_000),
  rows: num(flags.rows, full ? ISSUE.rows : 20_000),
  validateRows: num(flags['validate-rows'], full ? ISSUE.validateRows : 50_000),
  iterations: full ? 200 : 50,
  repeat: num(flags.repeat, full ? 3 : 1),
  durationS: num(flags.duration, full ? 10 : 5),
  connections: 10,
};
const postgresUrl = process.env.S5_BENCH_DATABASE_URL ?? process.env.S5_TEST_DATABASE_URL;

/** The server-level benchmarks share the populated sites: made once, on first use. */
let sites: Site[] | undefined;
async function sharedSites(): Promise<Site[]> {
  sites ??= await prepareSites({ datasets: size.datasets, rows: size.rows, postgresUrl });
  return sites;
}
const sitesSize = () => `${size.datasets} datasets + ${size.rows}-row`;

const BENCHES: Record<string, () => Promise<SummaryRow[]>> = {
  search: async () => {
    const { run } = await import('./catalog-search.ts');
    const rows = await run({
      datasets: size.searchDatasets,
      iterations: size.iterations,
      postgresUrl,
    });
    return fromCatalogSearch(rows, ISSUE.datasets);
  },
  validate: async () => {
    const { run } = await import('./validate.ts');
    return fromValidate(
      await run({ rows: size.validateRows, repeat: num(flags.repeat, 3) }),
      ISSUE.validateRows,
    );
  },
  datastore: async () => {
    const { run } = await import('./datastore.ts');
    const rows = await run({ rows: size.rows, iterations: full ? 50 : 20, postgresUrl });
    return fromDatastore(rows, ISSUE.rows);
  },
  web: async () => {
    const { run } = await import('./web.ts');
    const rows = await run({ datasets: size.datasets, iterations: full ? 50 : 20 });
    return fromWeb(rows, ISSUE.datasets);
  },
  dcat: async () => {
    const { run } = await import('./dcat.ts');
    return fromDcat(await run({ datasets: size.datasets, repeat: size.repeat }));
  },
  harvest: async () => {
    const { run } = await import('./harvest.ts');
    const o = { datasets: num(flags.datasets, full ? ISSUE.datasets : 500), pageSize: 1000 };
    // harvest.ts migrates the URL it is given as it is: give it a schema of its own.
    const rows = postgresUrl
      ? await withSchema(postgresUrl, (url) => run({ ...o, postgresUrl: url }))
      : await run(o);
    return fromHarvest(rows);
  },
  ngsi: async () => {
    const { run } = await import('./ngsi.ts');
    const figures = await run({
      entities: 200,
      rounds: 10,
      instances: full ? ISSUE.rows : 100_000,
    });
    return fromNgsi(figures, ISSUE.rows);
  },
  'api-load': async () => {
    const { run } = await import('./api-load.ts');
    return run({ ...size, sites: await sharedSites() });
  },
  memory: async () => {
    const { run } = await import('./memory.ts');
    return run({ ...size, sites: await sharedSites() });
  },
  'cold-start': async () => {
    const { run } = await import('./cold-start.ts');
    return run({
      repeat: num(flags.repeat, full ? 5 : 3),
      postgresUrl,
      ...(sites ? { sites, sitesSize: `${sitesSize()} table` } : {}),
    });
  },
};

if (flags.help) {
  process.stdout.write(
    `npm run bench -- [--full] [--only ${Object.keys(BENCHES).join(',')}] [--json out.json]\n`,
  );
  process.exit(0);
}

const selected = flags.only ? flags.only.split(',').map((s) => s.trim()) : Object.keys(BENCHES);
const unknown = selected.filter((s) => !(s in BENCHES));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}\n`,
  );
  process.exit(2);
}

const machine = machineInfo();
const rows: SummaryRow[] = [];
const failures: Array<{ bench: string; error: string }> = [];
const timings: Record<string, number> = {};
const runStarted = performance.now();
try {
  for (const name of selected) {
    const bench = BENCHES[name];
    if (!bench) continue;
    process.stderr.write(`\n[bench] ${name} … (load ${loadavg()[0]?.toFixed(1)})\n`);
    const started = performance.now();
    try {
      rows.push(...(await bench()));
    } catch (error) {
      failures.push({ bench: name, error: error instanceof Error ? error.message : String(error) });
    }
    timings[name] = Math.round((performance.now() - started) / 100) / 10;
    process.stderr.write(`[bench] ${name} done in ${timings[name]} s\n`);
  }
} finally {
  for (const s of sites ?? []) await s.dispose();
}
machine.loadAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);

process.stdout.write(
  `\n=== s5 benchmarks (${full ? 'full' : 'default'} sizes${overridden ? ', some overridden' : ''}) — ${machine.cpu}, ${machine.cores} cores, ` +
    `${machine.ramGb} GB RAM, Node ${machine.node}; load average ${machine.loadAtStart.join(' ')} → ` +
    `${machine.loadAtEnd.join(' ')}; ${postgresUrl ? 'PostgreSQL included' : 'SQLite only'}; ` +
    `${Math.round((performance.now() - runStarted) / 1000)} s ===\n` +
    'ratio = figure / baseline (times: ×slower; rates: share of the baseline speed). ' +
    'result * = measured below the size the issue states the target at.\n\n',
);
process.stdout.write(`${renderTable(rows)}\n`);
for (const f of failures) process.stdout.write(`\nFAILED ${f.bench}: ${f.error}\n`);

if (flags.json) {
  const out = {
    machine,
    sizes: { full, ...size },
    postgres: Boolean(postgresUrl),
    seconds: timings,
    failures,
    rows: rows.map((r) => ({ ...r, ratio: ratioOf(r), result: verdict(r) })),
  };
  writeFileSync(flags.json, `${JSON.stringify(out, null, 2)}\n`);
  process.stderr.write(`rows written to ${flags.json}\n`);
}
if (failures.length > 0) process.exitCode = 1;
