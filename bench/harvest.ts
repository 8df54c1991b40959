/**
 * Harvest throughput: a second s5 on loopback holds N public datasets (one resource, two tags,
 * an extra each); a local s5 harvests them all (first run), then again with nothing changed
 * (incremental run). Baseline measured in the same run: the raw page fetches alone — the same
 * package_search pages through safeFetch and JSON.parse, nothing written.
 *   node --import tsx bench/harvest.ts [--datasets 10000] [--page-size 1000]
 * The local side on PostgreSQL too when S5_BENCH_DATABASE_URL is set.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteActor } from '../src/catalog/index.ts';
import { type Config, loadConfig } from '../src/core/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import { withTransaction } from '../src/db/index.ts';
import { type HarvestDeps, harvestSourceNow } from '../src/harvest/index.ts';
import {
  type RemoteInstance,
  startRemoteInstance,
} from '../src/harvest/testing/remote-instance.ts';
import { safeFetch } from '../src/net/index.ts';
import { openPlatform, type Platform } from '../src/platform/index.ts';

export interface HarvestBenchOptions {
  datasets: number;
  pageSize: number;
  postgresUrl?: string | undefined;
}

export interface HarvestBenchRow {
  backend: string;
  case: string;
  datasets: number;
  seconds: number;
  /** CPU seconds of this process (user + system): the machine may be shared. */
  cpu_seconds: number;
  datasets_per_s: number;
  /** seconds / baseline seconds */
  ratio: number;
  /** cpu seconds / baseline cpu seconds: the fairer figure on a busy machine */
  cpu_ratio: number;
}

const TAGS = ['防災', '観光', '子育て', '医療', '福祉', '統計', '環境', '交通', '教育', '財政'];

async function populate(remote: RemoteInstance, n: number): Promise<void> {
  const p = remote.platform;
  const batch = 500;
  for (let from = 0; from < n; from += batch) {
    await withTransaction(p.db, async (tx) => {
      for (let i = from; i < Math.min(n, from + batch); i++) {
        const ctx = { ...p.context(siteActor), db: tx };
        await p.registry.call('package_create', ctx, {
          name: `bench-${i}`,
          title: `ベンチマーク用データセット ${i}`,
          notes: `第${i}版。住民と事業者が利用できるよう、標準データセットの形式で公開しています。`,
          owner_org: 'sapporo-shi',
          tags: [{ name: TAGS[i % TAGS.length] ?? '統計' }, { name: `t${i % 50}` }],
          extras: [{ key: 'spatial_ref', value: `area-${i % 100}` }],
          resources: [{ name: `data-${i}.csv`, url: `https://files.example.jp/${i}.csv` }],
        });
      }
    });
  }
}

/** The raw page fetches of a full run: same URLs, same client, no writes. */
async function fetchPagesOnly(remote: RemoteInstance, pageSize: number): Promise<number> {
  let start = 0;
  let received = 0;
  for (;;) {
    const q = new URLSearchParams({
      sort: 'metadata_modified asc',
      rows: String(pageSize),
      start: String(start),
    });
    const res = await safeFetch(`${remote.url}/api/3/action/package_search?${q}`, {
      allowPrivate: true,
      timeoutMs: 60_000,
      maxBytes: 64 * 1024 * 1024,
    });
    const body = JSON.parse(await res.text()) as { result: { count: number; results: unknown[] } }; // our own server's envelope
    received += body.result.results.length;
    start += body.result.results.length;
    if (body.result.results.length === 0 || start >= body.result.count) return received;
  }
}

async function openLocal(database: Config['database']): Promise<Platform> {
  const base = loadConfig({
    S5_LOG_LEVEL: 'silent',
    S5_DATA_DIR: mkdtempSync(path.join(tmpdir(), 's5-bench-harvest-')),
    S5_SEED_DIR: path.resolve(import.meta.dirname, '../seed/hokkaido'),
  });
  return openPlatform({ ...base, database, fetchAllowPrivate: true }, { log: silentLogger });
}

function depsOf(p: Platform): HarvestDeps {
  return {
    db: p.db,
    registry: p.registry,
    log: p.log,
    site: p.site,
    files: p.files,
    now: () => new Date(),
  };
}

/** Wall and CPU seconds of `fn` (the remote runs in this process too, so CPU counts both). */
async function seconds(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(cpu);
  return {
    wall: Number(process.hrtime.bigint() - start) / 1e9,
    cpu: (used.user + used.system) / 1e6,
  };
}

export async function run(options: HarvestBenchOptions): Promise<HarvestBenchRow[]> {
  const remote = await startRemoteInstance();
  const rows: HarvestBenchRow[] = [];
  try {
    const populated = await seconds(() => populate(remote, options.datasets));
    process.stderr.write(
      `remote: ${options.datasets} datasets created in ${populated.wall.toFixed(1)} s\n`,
    );
    const baseline = await seconds(() => fetchPagesOnly(remote, options.pageSize));
    const targets: Array<[string, Config['database']]> = [
      [
        'sqlite',
        { kind: 'sqlite', file: path.join(mkdtempSync(path.join(tmpdir(), 's5-bh-')), 's5.db') },
      ],
    ];
    if (options.postgresUrl)
      targets.push(['postgres', { kind: 'postgres', url: options.postgresUrl }]);
    for (const [backend, database] of targets) {
      const local = await openLocal(database);
      try {
        await local.call(
          's5_harvest_source_create',
          {
            name: `bench-${Date.now()}`,
            url: remote.url,
            owner_org: 'otaru-shi',
            page_size: options.pageSize,
          },
          siteActor,
        );
        const sources = (await local.call('s5_harvest_source_list', {}, siteActor)) as Array<{
          name: string;
        }>;
        const name = sources.at(-1)?.name ?? '';
        let created = 0;
        const first = await seconds(async () => {
          const job = await harvestSourceNow(depsOf(local), name, null);
          if (job.state !== 'done') throw new Error(`harvest failed: ${job.error}`);
          created = job.counts.created;
        });
        let unchanged = 0;
        const second = await seconds(async () => {
          const job = await harvestSourceNow(depsOf(local), name, null);
          unchanged = job.counts.unchanged;
        });
        const row = (
          c: string,
          n: number,
          s: { wall: number; cpu: number },
          base: { wall: number; cpu: number },
        ): HarvestBenchRow => ({
          backend,
          case: c,
          datasets: n,
          seconds: s.wall,
          cpu_seconds: s.cpu,
          datasets_per_s: n / s.wall,
          ratio: s.wall / base.wall,
          cpu_ratio: s.cpu / base.cpu,
        });
        rows.push(row('raw page fetches (baseline)', options.datasets, baseline, baseline));
        rows.push(row('harvest, first run (creates)', created, first, baseline));
        rows.push(row('harvest, no changes (incremental)', unchanged, second, baseline));
      } finally {
        await local.close();
      }
    }
  } finally {
    await remote.close();
  }
  return rows;
}

export function print(rows: HarvestBenchRow[]): void {
  const header = [
    'backend',
    'case',
    'datasets',
    'seconds',
    'cpu s',
    'datasets/s',
    'vs baseline',
    'cpu vs baseline',
  ];
  const lines = rows.map((r) => [
    r.backend,
    r.case,
    String(r.datasets),
    r.seconds.toFixed(2),
    r.cpu_seconds.toFixed(2),
    r.datasets_per_s.toFixed(0),
    `${r.ratio.toFixed(1)}x`,
    `${r.cpu_ratio.toFixed(1)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(`${fmt(header)}\n${fmt(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const l of lines) process.stdout.write(`${fmt(l)}\n`);
}

if (import.meta.filename === process.argv[1]) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  print(
    await run({
      datasets: arg('--datasets', 1000),
      pageSize: arg('--page-size', 1000),
      postgresUrl: process.env.S5_BENCH_DATABASE_URL,
    }),
  );
}
