/**
 * Cold start: milliseconds from spawning `node --import tsx src/main.ts` until
 * `/api/3/action/status_show` answers 200 — on a fresh data directory (migrations + seed), again
 * on that now existing directory, and (when given) on a populated site. Baseline in the same run:
 * spawning a bare `node -e` http server until it answers. Median of --repeat starts. A further row
 * times loading s5's modules alone (spawn to exit), the part of a start that is code, not data.
 *   node --import tsx bench/cold-start.ts [--repeat 3]
 * PostgreSQL too when S5_BENCH_DATABASE_URL (or S5_TEST_DATABASE_URL) is set (a fresh schema each time).
 */
import {
  createSite,
  type Site,
  startBareServer,
  startServer,
  timeModuleLoad,
} from './server-fixture.ts';
import { percentile } from './stats.ts';
import { formatNumber, renderTable, type SummaryRow } from './summary.ts';

export interface ColdStartOptions {
  repeat: number;
  postgresUrl?: string | undefined;
  /** Populated sites (api-load's): their start-up is measured too. */
  sites?: Site[];
  /** How the populated sites were made, for the row name. */
  sitesSize?: string;
}

async function startAndStop(site: Site): Promise<number> {
  const server = await startServer(site);
  await server.stop();
  return server.readyMs;
}

function spread(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `median of ${samples.length}, ${formatNumber(sorted[0] ?? Number.NaN)}–${formatNumber(sorted.at(-1) ?? Number.NaN)} ms`;
}

export async function run(o: ColdStartOptions): Promise<SummaryRow[]> {
  const bare: number[] = [];
  for (let i = 0; i < o.repeat; i++) {
    const server = await startBareServer();
    await server.stop();
    bare.push(server.readyMs);
  }
  const base = percentile(bare, 50);
  const rows: SummaryRow[] = [];
  const row = (backend: string, name: string, samples: number[]): SummaryRow => ({
    bench: 'cold-start',
    name,
    backend,
    figure: percentile(samples, 50),
    unit: 'ms',
    baselineName: 'bare node -e http server',
    baseline: base,
    note: `${spread(samples)}; baseline ${spread(bare)}`,
  });
  const modules: number[] = [];
  for (let i = 0; i < o.repeat; i++) modules.push(await timeModuleLoad());
  rows.push(row('-', "s5's modules loaded through tsx (no database, no listen)", modules));
  const backends = o.postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
  for (const backend of backends) {
    const fresh: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < o.repeat; i++) {
      const site = await createSite(backend, o.postgresUrl);
      try {
        fresh.push(await startAndStop(site));
        again.push(await startAndStop(site));
      } finally {
        await site.dispose();
      }
    }
    rows.push(row(backend, 'cold start, fresh data dir (migrate + seed)', fresh));
    rows.push(row(backend, 'cold start, existing seeded data dir', again));
    const populated = o.sites?.find((s) => s.backend === backend);
    if (populated) {
      const samples: number[] = [];
      for (let i = 0; i < o.repeat; i++) samples.push(await startAndStop(populated));
      rows.push(row(backend, `cold start, existing ${o.sitesSize ?? 'populated'} site`, samples));
    }
  }
  return rows;
}

if (import.meta.main) {
  const i = process.argv.indexOf('--repeat');
  const rows = await run({
    repeat: i >= 0 ? Number(process.argv[i + 1]) : 3,
    postgresUrl: process.env.S5_BENCH_DATABASE_URL ?? process.env.S5_TEST_DATABASE_URL,
  });
  process.stdout.write(`${renderTable(rows)}\n`);
}
