/**
 * Memory of a serving process: the real server (`src/main.ts`, a child) on a site with N datasets
 * and an M-row AED一覧 table, under a short mixed load (package_search with and without q and
 * facets, package_show, datastore_search with a filter and with q); its peak RSS as the child
 * itself reports it at exit (`process.resourceUsage().maxRSS`), and its RSS once ready, before
 * any request. Baseline in the same run: a bare `node:http` child under the same load shape.
 *   node --import tsx bench/memory.ts [--datasets 10000] [--rows 20000] [--duration 5]
 * PostgreSQL too when S5_BENCH_DATABASE_URL (or S5_TEST_DATABASE_URL) is set.
 */
import { load, prepareSites } from './api-load.ts';
import { type Site, startBareServer, startServer } from './server-fixture.ts';
import { renderTable, type SummaryRow } from './summary.ts';

export interface MemoryOptions {
  datasets: number;
  rows: number;
  durationS: number;
  connections: number;
  postgresUrl?: string | undefined;
  sites?: Site[];
}

/** The mixed request paths, cycled per connection. */
function mixedPaths(site: Site, datasets: number): string[] {
  const q = (s: string) => encodeURIComponent(s);
  const paths = [
    `/api/3/action/package_search?q=${q('避難')}&rows=20`,
    `/api/3/action/package_search?q=${q('観光施設')}&facet.field=${q('["organization","tags","res_format"]')}`,
    '/api/3/action/package_search?rows=100&sort=metadata_modified%20desc',
    `/api/3/action/package_show?id=load-${Math.floor(datasets / 2)}`,
    `/api/3/action/package_search?fq=${q('tags:防災')}&rows=50`,
  ];
  if (site.resourceId) {
    const ds = `/api/3/action/datastore_search?resource_id=${site.resourceId}`;
    paths.push(
      `${ds}&limit=100&filters=${q(JSON.stringify({ 所在地_全国地方公共団体コード: '011002' }))}`,
      `${ds}&limit=100&q=${q('市民会館')}`,
    );
  }
  return paths;
}

async function measure(site: Site, o: MemoryOptions): Promise<SummaryRow[]> {
  const paths = mixedPaths(site, o.datasets);
  const server = await startServer(site);
  const idle = server.rssMb();
  let s5: { peakRssMb: number };
  let loaded: Awaited<ReturnType<typeof load>>;
  const sizes: number[] = [];
  try {
    for (const p of paths) {
      const res = await fetch(`${server.url}${p}`);
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p}: ${res.status}`);
      sizes.push(body.byteLength);
    }
    loaded = await load(server.url, { ...o, paths });
  } finally {
    s5 = await server.stop();
  }
  // The bare server answers each request with a body of the size s5 answered it with.
  const bare = await startBareServer();
  const bareIdle = bare.rssMb();
  let bareStop: { peakRssMb: number };
  try {
    await load(bare.url, { ...o, paths: sizes.map((n) => `/bytes/${n}`) });
  } finally {
    bareStop = await bare.stop();
  }
  const size = `${o.datasets} datasets${site.resourceId ? ` + ${o.rows}-row table` : ''}`;
  const common = { bench: 'memory', backend: site.backend, unit: 'MB' };
  return [
    {
      ...common,
      name: `peak RSS serving ${size}, ${o.durationS} s mixed load`,
      figure: s5.peakRssMb,
      baselineName: 'bare node:http peak',
      baseline: bareStop.peakRssMb,
      note: `${Math.round(loaded.rps)} req/s over ${paths.length} request kinds${loaded.failed ? `; FAILED ${loaded.failed}` : ''}`,
    },
    {
      ...common,
      name: `RSS once ready, ${size}`,
      figure: idle,
      baselineName: 'bare node:http ready',
      baseline: bareIdle,
    },
  ];
}

export async function run(o: MemoryOptions): Promise<SummaryRow[]> {
  const own = !o.sites;
  const sites = o.sites ?? (await prepareSites(o));
  try {
    const rows: SummaryRow[] = [];
    for (const site of sites) rows.push(...(await measure(site, o)));
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
    datasets: arg('datasets', 10_000),
    rows: arg('rows', 20_000),
    durationS: arg('duration', 5),
    connections: arg('connections', 10),
    postgresUrl: process.env.S5_BENCH_DATABASE_URL ?? process.env.S5_TEST_DATABASE_URL,
  });
  process.stdout.write(`${renderTable(rows)}\n`);
}
