/**
 * The API under concurrent load: requests/s and p50/p99 latency (autocannon, C connections for
 * D seconds each) of package_show, package_search (q=避難, a 2-character Japanese query) and
 * datastore_search (a filter) against the real server (`src/main.ts` in a child process, on a
 * site with N datasets and an M-row AED一覧 table). Baseline in the same run: a bare `node:http`
 * child answering a fixed JSON body of the same size as each s5 answer, loaded the same way.
 *   node --import tsx bench/api-load.ts [--datasets 2000] [--rows 20000] [--duration 5] [--connections 10]
 * PostgreSQL too when S5_BENCH_DATABASE_URL (or S5_TEST_DATABASE_URL) is set.
 */
import autocannon from 'autocannon';
import {
  createSite,
  populateSite,
  type RunningServer,
  type Site,
  startBareServer,
  startServer,
} from './server-fixture.ts';
import { percentile } from './stats.ts';
import { formatNumber, renderTable, type SummaryRow } from './summary.ts';

export interface ApiLoadOptions {
  datasets: number;
  rows: number;
  durationS: number;
  connections: number;
  postgresUrl?: string | undefined;
  /** Sites already populated (shared with the memory benchmark); made here when absent. */
  sites?: Site[];
}

interface Endpoint {
  name: string;
  path: string;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

/** The endpoints to load on a populated site. */
export function endpointsOf(site: Site): Endpoint[] {
  const list: Endpoint[] = [
    { name: 'package_show', path: '/api/3/action/package_show?id=load-42' },
    {
      name: 'package_search q=避難',
      path: `/api/3/action/package_search?q=${encodeURIComponent('避難')}`,
    },
  ];
  if (site.resourceId)
    list.push({
      name: 'datastore_search filter',
      path: `/api/3/action/datastore_search?resource_id=${site.resourceId}&limit=10&filters=${encodeURIComponent(
        JSON.stringify({ 所在地_全国地方公共団体コード: '012041' }),
      )}`,
    });
  return list;
}

/**
 * Runs autocannon against one URL (or a list of request paths cycled per connection). Latency
 * percentiles come from each response's own time (float ms): autocannon's histogram keeps whole
 * milliseconds, which reads 0 for a bare server.
 */
export async function load(
  url: string,
  o: { durationS: number; connections: number; paths?: string[] },
): Promise<Load> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: o.connections,
        duration: o.durationS,
        ...(o.paths ? { requests: o.paths.map((p) => ({ method: 'GET' as const, path: p })) } : {}),
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) times.push(ms);
    });
  });
  return {
    rps: result.requests.average,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    failed: result.non2xx + result.errors,
  };
}

/** Size of the answer, after checking it is a CKAN success. */
async function answerBytes(server: RunningServer, path: string): Promise<number> {
  const res = await fetch(`${server.url}${path}`);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
  return Buffer.byteLength(body);
}

/**
 * Calls before measuring (JIT, statement caches, the search index's first load): up to 200, or
 * 3 seconds' worth when one call is slow.
 */
async function warm(server: RunningServer, path: string): Promise<void> {
  const until = performance.now() + 3000;
  for (let i = 0; i < 200 && performance.now() < until; i++)
    await (await fetch(`${server.url}${path}`)).arrayBuffer();
}

async function benchSite(site: Site, o: ApiLoadOptions): Promise<SummaryRow[]> {
  const endpoints = endpointsOf(site);
  const measured: Array<{ e: Endpoint; bytes: number; s5: Load }> = [];
  const server = await startServer(site);
  try {
    for (const e of endpoints) {
      const bytes = await answerBytes(server, e.path);
      await warm(server, e.path);
      measured.push({ e, bytes, s5: await load(`${server.url}${e.path}`, o) });
    }
  } finally {
    await server.stop();
  }
  const bare = await startBareServer();
  const rows: SummaryRow[] = [];
  try {
    for (const { e, bytes, s5 } of measured) {
      await warm(bare, `/bytes/${bytes}`);
      const b = await load(`${bare.url}/bytes/${bytes}`, o);
      const size = `${o.datasets} datasets${site.resourceId ? `, ${o.rows} rows` : ''}`;
      const common = { bench: 'api-load', backend: site.backend, baselineName: 'bare node:http' };
      const failures = s5.failed + b.failed > 0 ? `; FAILED ${s5.failed}/${b.failed}` : '';
      rows.push(
        {
          ...common,
          name: `API ${e.name} throughput`,
          figure: s5.rps,
          unit: 'req/s',
          baseline: b.rps,
          note: `${o.connections} conn × ${o.durationS} s, ${formatNumber(bytes)} B body, ${size}${failures}`,
        },
        { ...common, name: `API ${e.name} p50`, figure: s5.p50, unit: 'ms', baseline: b.p50 },
        { ...common, name: `API ${e.name} p99`, figure: s5.p99, unit: 'ms', baseline: b.p99 },
      );
    }
  } finally {
    await bare.stop();
  }
  return rows;
}

/** Builds the sites (SQLite; PostgreSQL when a URL is given) with N datasets and an M-row table. */
export async function prepareSites(o: {
  datasets: number;
  rows: number;
  postgresUrl?: string | undefined;
}): Promise<Site[]> {
  const sites: Site[] = [];
  for (const backend of o.postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
    const site = await createSite(backend, o.postgresUrl);
    sites.push(site);
    const { seconds } = await populateSite(site, o);
    process.stderr.write(
      `bench site (${backend}): ${o.datasets} datasets + ${o.rows} rows in ${seconds.toFixed(1)} s\n`,
    );
  }
  return sites;
}

export async function run(o: ApiLoadOptions): Promise<SummaryRow[]> {
  const own = !o.sites;
  const sites = o.sites ?? (await prepareSites(o));
  try {
    const rows: SummaryRow[] = [];
    for (const site of sites) rows.push(...(await benchSite(site, o)));
    return rows;
  } finally {
    if (own) for (const s of sites) await s.dispose();
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.main) {
  const rows = await run({
    datasets: arg('datasets', 2000),
    rows: arg('rows', 20_000),
    durationS: arg('duration', 5),
    connections: arg('connections', 10),
    postgresUrl: process.env.S5_BENCH_DATABASE_URL ?? process.env.S5_TEST_DATABASE_URL,
  });
  process.stdout.write(`${renderTable(rows)}\n`);
}
