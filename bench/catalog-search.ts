/**
 * package_search latency at scale: creates N datasets across the seeded organizations (through
 * package_create, in one transaction), then measures p50/p95 of a 1-, 2- and 4-character Japanese
 * query, a facet query and an fq filter. Baselines measured in the same run: a naive `LIKE`
 * scan over the same normalised text (what trigram FTS falls back to below 3 characters) and
 * `package_show` (one dataset by name).
 *   node --import tsx bench/catalog-search.ts [--datasets 10000] [--iterations 200]
 * PostgreSQL too when S5_BENCH_DATABASE_URL (or S5_TEST_DATABASE_URL) is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { siteActor } from '../src/catalog/index.ts';
import { fixedClock } from '../src/core/clock.ts';
import { type Config, loadConfig } from '../src/core/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import { withTransaction } from '../src/db/index.ts';
import { openPlatform, type Platform } from '../src/platform/index.ts';
import { type BenchRow, percentile, printTable, sample } from './stats.ts';

const TITLES = [
  '指定緊急避難場所一覧',
  'AED設置箇所一覧',
  '公衆トイレ一覧',
  '子育て施設一覧',
  '観光施設一覧',
  '文化財一覧',
  '公共施設一覧',
  '医療機関一覧',
  '介護サービス事業所一覧',
  '消防水利施設一覧',
  '公衆無線LANアクセスポイント一覧',
  '人口統計',
  '駅別乗降客数',
  'イベント一覧',
  '地域・年齢別人口',
  '食品等営業許可・届出一覧',
  '学校給食献立',
  '予算・決算',
  'ごみ収集日',
  '除雪計画',
];
const FORMATS = ['CSV', 'XLSX', 'PDF', 'JSON', 'GeoJSON'];
const TAGS = ['防災', '観光', '子育て', '医療', '福祉', '統計', '環境', '交通', '教育', '財政'];

export interface CatalogSearchOptions {
  datasets: number;
  iterations: number;
  postgresUrl?: string;
}

async function populate(p: Platform, n: number): Promise<void> {
  const orgs = (await p.call('organization_list', { limit: 1000 })) as string[];
  await withTransaction(p.db, async (tx) => {
    const ctx = { ...p.context(siteActor), db: tx };
    for (let i = 0; i < n; i++) {
      const org = orgs[i % orgs.length] ?? 'hokkaido';
      const title = TITLES[i % TITLES.length] ?? '';
      await p.registry.call('package_create', ctx, {
        name: `bench-${i}`,
        title: `${title}（${2015 + (i % 11)}年度）`,
        notes: `${title}のデータです。住民と事業者が利用できるよう、標準データセットの形式で公開しています。第${i}版。`,
        owner_org: org,
        tags: [
          { name: TAGS[i % TAGS.length] ?? '統計' },
          { name: TAGS[(i * 7) % TAGS.length] ?? '統計' },
        ],
        resources: [
          {
            url: `https://example.jp/${org}/${i}.${(FORMATS[i % FORMATS.length] ?? 'CSV').toLowerCase()}`,
            name: `${title} ${i}`,
          },
        ],
      });
    }
  });
}

async function benchOne(
  backend: string,
  config: Config,
  o: CatalogSearchOptions,
): Promise<BenchRow[]> {
  const p = await openPlatform(config, {
    log: silentLogger,
    clock: fixedClock('2026-11-25T00:00:00Z'),
  });
  try {
    const t0 = performance.now();
    await populate(p, o.datasets);
    const populateMs = performance.now() - t0;
    const call = (input: Record<string, unknown>) => () => p.call('package_search', input);
    const like = (word: string) => () =>
      sql`SELECT count(*) FROM search_doc WHERE (name_n || ' ' || title_n || ' ' || tags_n || ' ' || groups_n || ' ' || text_n) LIKE ${`%${word}%`}`.execute(
        p.db.kysely,
      );
    const show = await sample(() => p.call('package_show', { id: 'bench-42' }), o.iterations);
    const cases: Array<[string, () => Promise<unknown>, string, () => Promise<unknown>]> = [
      ['q=駅 (1 char)', call({ q: '駅' }), 'LIKE scan', like('駅')],
      ['q=札幌 (2 chars)', call({ q: '札幌' }), 'LIKE scan', like('札幌')],
      ['q=避難 (2 chars)', call({ q: '避難' }), 'LIKE scan', like('避難')],
      ['q=避難場所 (4 chars)', call({ q: '避難場所' }), 'LIKE scan', like('避難場所')],
      [
        'facets org+tags+format',
        call({ 'facet.field': ['organization', 'tags', 'res_format'] }),
        'package_show',
        async () => {},
      ],
      [
        'fq organization+format',
        call({ fq: 'organization:sapporo-shi res_format:CSV' }),
        'package_show',
        async () => {},
      ],
      [
        'q=トイレ + fq groups',
        call({ q: 'トイレ', fq: 'groups:tokachi' }),
        'package_show',
        async () => {},
      ],
    ];
    const rows: BenchRow[] = [];
    for (const [name, fn, baseName, baseFn] of cases) {
      const s = await sample(fn, o.iterations);
      const b = baseName === 'package_show' ? show : await sample(baseFn, o.iterations);
      rows.push({
        bench: `package_search@${o.datasets}`,
        backend,
        case: name,
        p50_ms: percentile(s, 50),
        p95_ms: percentile(s, 95),
        baseline: baseName,
        baseline_p50_ms: percentile(b, 50),
        ratio: percentile(s, 50) / percentile(b, 50),
      });
    }
    rows[0] = { ...rows[0], note: `populate ${(populateMs / 1000).toFixed(1)} s` } as BenchRow;
    return rows;
  } finally {
    await p.close();
  }
}

export async function run(o: CatalogSearchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 's5-bench-'));
  const base = loadConfig({
    S5_SEED_DIR: path.resolve(import.meta.dirname, '../seed/hokkaido'),
    S5_LOG_LEVEL: 'silent',
  });
  const rows = await benchOne(
    'sqlite',
    { ...base, database: { kind: 'sqlite', file: path.join(dir, 's5.db') } },
    o,
  );
  rmSync(dir, { recursive: true, force: true });
  if (o.postgresUrl) {
    const schema = `s5_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: o.postgresUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const u = new URL(o.postgresUrl);
      u.searchParams.set('options', `-c search_path=${schema}`);
      rows.push(
        ...(await benchOne(
          'postgres',
          { ...base, database: { kind: 'postgres', url: u.toString() } },
          o,
        )),
      );
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
  return rows;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.main) {
  const rows = await run({
    datasets: arg('datasets', 10_000),
    iterations: arg('iterations', 200),
    postgresUrl: process.env.S5_BENCH_DATABASE_URL ?? process.env.S5_TEST_DATABASE_URL,
  });
  printTable(rows);
}
