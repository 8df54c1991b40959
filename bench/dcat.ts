/**
 * DCAT catalog generation at scale: N public datasets (made through package_create, in one
 * transaction, across the seeded organizations), then the whole catalog fetched once per format
 * through the HTTP app (`/catalog.ttl|.jsonld|.xml`, streamed page by page) and the body read as
 * a stream. Baseline in the same run: the same package_search pages (100 rows each) turned into
 * JSON with JSON.stringify. A last case reads the Turtle body into one string, to show what a
 * non-streamed document would hold. Each measurement runs in a child process so its peak RSS is
 * its own; the fastest of --repeat runs counts.
 *   node_modules/.bin/node --import tsx bench/dcat.ts [--datasets 10000] [--repeat 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/api/index.ts';
import { siteActor } from '../src/catalog/index.ts';
import { fixedClock } from '../src/core/clock.ts';
import { type Config, loadConfig } from '../src/core/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import { withTransaction } from '../src/db/index.ts';
import { openPlatform, type Platform } from '../src/platform/index.ts';

/** One measured case. */
export interface DcatBenchResult {
  name: string;
  datasets: number;
  bytes: number;
  seconds: number;
  datasetsPerSecond: number;
  peakRssMb: number;
}

export interface DcatBenchOptions {
  datasets?: number;
  repeat?: number;
}

const SELF = fileURLToPath(import.meta.url);
const TITLES = [
  'AED設置箇所一覧',
  '公衆トイレ一覧',
  '指定緊急避難場所一覧',
  '子育て施設一覧',
  '観光施設一覧',
];
const TAGS = ['防災', '観光', '子育て', '医療', '福祉', '統計'];
const CASES = ['json-pages', 'ttl', 'jsonld', 'xml', 'ttl-one-string'] as const;
type Case = (typeof CASES)[number];

function configFor(dir: string): Config {
  const base = loadConfig({
    S5_SEED_DIR: path.resolve(import.meta.dirname, '../seed/hokkaido'),
    S5_LOG_LEVEL: 'silent',
    S5_DATA_DIR: dir,
    S5_SITE_URL: 'https://opendata.example.jp',
  });
  return { ...base, database: { kind: 'sqlite', file: path.join(dir, 's5.db') } };
}

async function populate(p: Platform, n: number): Promise<void> {
  const orgs = (await p.call('organization_list', { limit: 1000 })) as string[];
  await withTransaction(p.db, async (tx) => {
    const ctx = { ...p.context(siteActor), db: tx };
    for (let i = 0; i < n; i++) {
      const org = orgs[i % orgs.length] ?? 'hokkaido';
      const title = TITLES[i % TITLES.length] ?? '';
      await p.registry.call('package_create', ctx, {
        name: `dcat-bench-${i}`,
        title: `${title}（${2015 + (i % 11)}年度）`,
        notes: `${title}のデータです。標準データセットの形式で公開しています。第${i}版。`,
        owner_org: org,
        maintainer: '総務課 情報政策係',
        maintainer_email: 'opendata@example.jp',
        tags: [
          { name: TAGS[i % TAGS.length] ?? '統計' },
          { name: TAGS[(i * 5) % TAGS.length] ?? '統計' },
        ],
        resources: [
          {
            url: `https://example.jp/${org}/${i}.csv`,
            name: `${title} CSV`,
            format: 'CSV',
            size: 1000 + i,
          },
          { url: `https://example.jp/${org}/${i}.xlsx`, name: `${title} Excel` },
        ],
      });
    }
  });
}

/** Child side: one case over the prepared database; prints JSON. */
async function child(name: Case, dir: string): Promise<void> {
  const p = await openPlatform(configFor(dir), {
    log: silentLogger,
    clock: fixedClock('2026-11-25T00:00:00Z'),
    seed: false,
  });
  const app = createApp(p);
  // The first search loads the in-memory search index: a start-up cost, not catalog generation.
  await p.call('package_search', { rows: 1 });
  let peak = process.memoryUsage.rss();
  const sampleRss = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sampleRss, 20);
  const started = performance.now();
  let bytes = 0;
  if (name === 'json-pages') {
    for (let start = 0; ; start += 100) {
      const page = (await p.call('package_search', {
        rows: 100,
        start,
        sort: 'metadata_modified desc',
        facet: false,
      })) as { results: unknown[] };
      bytes += Buffer.byteLength(JSON.stringify(page.results));
      sampleRss();
      if (page.results.length < 100) break;
    }
  } else if (name === 'ttl-one-string') {
    const text = await (await app.request('/catalog.ttl')).text();
    sampleRss();
    bytes = Buffer.byteLength(text);
  } else {
    const res = await app.request(`/catalog.${name}`);
    const reader = res.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      bytes += chunk.value.byteLength;
      sampleRss();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sampleRss();
  await p.close();
  process.stdout.write(JSON.stringify({ bytes, seconds, peakRss: peak }));
}

function measure(name: Case, dir: string, datasets: number, repeat: number): DcatBenchResult {
  let best: DcatBenchResult | null = null;
  for (let i = 0; i < Math.max(1, repeat); i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', name, dir], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
    // Our own child's JSON.
    const out = JSON.parse(r.stdout) as { bytes: number; seconds: number; peakRss: number };
    const result: DcatBenchResult = {
      name,
      datasets,
      bytes: out.bytes,
      seconds: Math.round(out.seconds * 100) / 100,
      datasetsPerSecond: Math.round(datasets / out.seconds),
      peakRssMb: Math.round(out.peakRss / 1e6),
    };
    if (!best || result.seconds < best.seconds) best = result;
  }
  if (!best) throw new Error('no run');
  return best;
}

/** Prepares N datasets in a temporary SQLite database and measures every case. */
export async function run(options: DcatBenchOptions = {}): Promise<DcatBenchResult[]> {
  const datasets = options.datasets ?? 10_000;
  const dir = mkdtempSync(path.join(tmpdir(), 's5-bench-dcat-'));
  try {
    const p = await openPlatform(configFor(dir), {
      log: silentLogger,
      clock: fixedClock('2026-11-25T00:00:00Z'),
    });
    await populate(p, datasets);
    await p.close();
    return CASES.map((c) => measure(c, dir, datasets, options.repeat ?? 3));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the results, each with its time relative to the JSON baseline. */
export function print(results: readonly DcatBenchResult[]): void {
  const base = results.find((r) => r.name === 'json-pages');
  for (const r of results) {
    const ratio = base ? (r.seconds / base.seconds).toFixed(2) : '-';
    process.stdout.write(
      `dcat@${r.datasets} sqlite ${r.name.padEnd(15)} ${(r.bytes / 1e6).toFixed(1).padStart(6)} MB ` +
        `${r.seconds.toFixed(2).padStart(6)} s ${String(r.datasetsPerSecond).padStart(6)} datasets/s ` +
        `peak RSS ${String(r.peakRssMb).padStart(4)} MB  ×${ratio} of JSON pages\n`,
    );
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.main) {
  const i = process.argv.indexOf('--child');
  if (i >= 0) {
    const name = process.argv[i + 1] ?? '';
    const found = CASES.find((c) => c === name);
    if (!found) throw new Error(`unknown case ${name}`);
    await child(found, process.argv[i + 2] ?? '');
  } else {
    print(await run({ datasets: arg('datasets', 10_000), repeat: arg('repeat', 3) }));
  }
}
