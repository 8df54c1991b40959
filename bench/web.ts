/**
 * Portal page render time at scale: N datasets across the seeded organizations (through
 * package_create, in one transaction) plus the portal's demo catalog (real CSV tables, a
 * published plan), then p50/p95 of the server time of each page type (`app.request`, body
 * read). Baseline, measured in the same run: the JSON API call that returns the same data, so
 * the ratio is the cost of rendering HTML. Target (issue 6): < 50 ms per page at 10k datasets.
 *   node --import tsx bench/web.ts [--datasets 10000] [--iterations 50]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../src/api/index.ts';
import { siteActor } from '../src/catalog/index.ts';
import { fixedClock } from '../src/core/clock.ts';
import { loadConfig } from '../src/core/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import { withTransaction } from '../src/db/index.ts';
import { openPlatform, type Platform } from '../src/platform/index.ts';
import { buildDemoCatalog } from '../src/web/testing/demo-catalog.ts';
import { type BenchRow, percentile, printTable, sample } from './stats.ts';

const TITLES = [
  '指定緊急避難場所一覧',
  'AED設置箇所一覧',
  '公衆トイレ一覧',
  '子育て施設一覧',
  '観光施設一覧',
];
const TAGS = ['防災', '観光', '子育て', '医療', '福祉', '統計'];

export interface WebBenchOptions {
  datasets: number;
  iterations: number;
}

async function populate(p: Platform, n: number): Promise<void> {
  const orgs = (await p.call('organization_list', { limit: 1000 })) as string[];
  await withTransaction(p.db, async (tx) => {
    const ctx = { ...p.context(siteActor), db: tx };
    for (let i = 0; i < n; i++) {
      const org = orgs[i % orgs.length] ?? 'hokkaido';
      const title = TITLES[i % TITLES.length] ?? '';
      await p.registry.call('package_create', ctx, {
        name: `web-bench-${i}`,
        title: `${title}（${2015 + (i % 11)}年度）`,
        notes: `${title}のデータです。**第${i}版**。`,
        owner_org: org,
        tags: [{ name: TAGS[i % TAGS.length] ?? '統計' }],
        resources: [{ url: `https://example.jp/${org}/${i}.csv`, name: `${title} ${i}` }],
      });
    }
  });
}

export async function run(o: WebBenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 's5-web-bench-'));
  const config = loadConfig({
    S5_SEED_DIR: path.resolve(import.meta.dirname, '../seed/hokkaido'),
    S5_LOG_LEVEL: 'silent',
    S5_DATA_DIR: dir,
  });
  const p = await openPlatform(config, {
    log: silentLogger,
    clock: fixedClock('2026-11-25T03:00:00Z'),
  });
  try {
    const t0 = performance.now();
    await populate(p, o.datasets);
    const demo = await buildDemoCatalog(p);
    const populateMs = performance.now() - t0;
    const app = createApp(p);
    const get = (url: string) => async () => {
      const res = await app.request(url, { headers: { accept: 'text/html' } });
      await res.text();
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    };
    const api = (action: string, query = '') =>
      get(`/api/3/action/${action}${query ? `?${query}` : ''}`);
    const rid = demo.aed.resourceId;
    const q = encodeURIComponent('避難');
    const cases: Array<[string, string, string, () => Promise<void>]> = [
      ['home', '/', 'package_search rows=5', api('package_search', 'rows=5')],
      [
        'search q=避難',
        `/dataset?q=${q}`,
        'package_search q+facets',
        api(
          'package_search',
          `q=${q}&facet.field=["organization","groups","tags","res_format","license_id"]&rows=20`,
        ),
      ],
      [
        'search facets',
        '/dataset?tags=%E9%98%B2%E7%81%BD&res_format=CSV&page=3',
        'package_search fq',
        api('package_search', 'fq=tags:防災&rows=20&start=40'),
      ],
      [
        'dataset + preview + map',
        `/dataset/${demo.aed.name}`,
        'datastore_search limit=20',
        api('datastore_search', `resource_id=${rid}&limit=20`),
      ],
      [
        'dataset, sorted page 3',
        `/dataset/${demo.aed.name}?resource=${rid}&psort=NO&pdir=desc&ppage=3`,
        'datastore_search sorted',
        api('datastore_search', `resource_id=${rid}&limit=20&offset=40&sort=NO desc`),
      ],
      [
        'dataset (plain)',
        '/dataset/web-bench-42',
        'package_show',
        api('package_show', 'id=web-bench-42'),
      ],
      [
        'organizations',
        '/organization',
        'organization_list all',
        api('organization_list', 'all_fields=true&limit=1000'),
      ],
      [
        'organization',
        '/organization/sapporo-shi',
        'organization_show',
        api('organization_show', 'id=sapporo-shi'),
      ],
      ['振興局', '/group/ishikari', 'group_show', api('group_show', 'id=ishikari')],
      ['coverage 180×17', '/coverage', 's5_coverage', api('s5_coverage')],
      ['plan', '/plan', 's5_plan_show', api('s5_plan_show')],
      ['KPI', '/plan/kpi/3b-my-number-card-rate', 's5_kpi_list', api('s5_kpi_list')],
      [
        'report 2024',
        '/plan/report/2024',
        's5_report_show',
        api('s5_report_show', 'fiscal_year=2024'),
      ],
      ['API guide', '/api', 'package_search rows=20', api('package_search', 'rows=20')],
    ];
    const rows: BenchRow[] = [];
    for (const [name, url, baseName, baseFn] of cases) {
      const s = await sample(get(url), o.iterations, 5);
      const b = await sample(baseFn, o.iterations, 5);
      rows.push({
        bench: `web@${o.datasets}`,
        backend: 'sqlite',
        case: name,
        p50_ms: percentile(s, 50),
        p95_ms: percentile(s, 95),
        baseline: `API ${baseName}`,
        baseline_p50_ms: percentile(b, 50),
        ratio: percentile(s, 50) / percentile(b, 50),
        note: percentile(s, 95) < 50 ? '' : 'over 50 ms',
      });
    }
    rows[0] = { ...rows[0], note: `populate ${(populateMs / 1000).toFixed(1)} s` } as BenchRow;
    return rows;
  } finally {
    await p.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.main) {
  printTable(await run({ datasets: arg('datasets', 10_000), iterations: arg('iterations', 50) }));
}
