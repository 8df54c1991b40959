/**
 * The datastore at scale (issue 4): ingests a generated AED一覧 of N rows through the full
 * pipeline (`ingestResource`: validate, fix, type, load with `_full_text` and the `q` index) and
 * compares its rows/s with a bare prepared-statement insert of the same rows into a plain table
 * of the same columns in one transaction, measured in the same run (node:sqlite prepared
 * statement; PostgreSQL: multi-row parameterised INSERTs). Then p50/p95 of datastore_search
 * with a filter, with a Japanese `q` of 1, 2 and 4 characters, and of s5_datastore_nearby
 * (k nearest, radius) on that table, against baselines measured on the same table.
 *   node --import tsx bench/datastore.ts [--rows 100000] [--iterations 50]   (--rows 1000000: full)
 * PostgreSQL too when S5_BENCH_DATABASE_URL (or S5_TEST_DATABASE_URL) is set.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sql } from 'kysely';
import pg from 'pg';
import { siteActor } from '../src/catalog/index.ts';
import { fixedClock } from '../src/core/clock.ts';
import { type Config, loadConfig } from '../src/core/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import type { FieldDef } from '../src/datastore/index.ts';
import { storageType } from '../src/datastore/fields/field-types.ts';
import { Upload } from '../src/files/index.ts';
import { ingestResource, type JobProgress } from '../src/ingest/index.ts';
import { openPlatform, type Platform } from '../src/platform/index.ts';
import { aedRow, loadMunicipalities, writeAedCsv } from './datastore-rows.ts';
import { type BenchRow, percentile, printTable, sample } from './stats.ts';

export interface DatastoreBenchOptions {
  rows: number;
  iterations: number;
  postgresUrl?: string | undefined;
}

/** Ingest figures of one backend. */
interface IngestFigures {
  backend: string;
  rows: number;
  ingestS: number;
  bareS: number;
  /** CPU seconds of the process, which a loaded machine does not inflate as it does wall time. */
  cpu: { ingestS: number; bareS: number } | null;
  phases: Record<string, number>;
}

const ASAHIKAWA = { lat: 43.7628, lon: 142.3581 };

async function ingestFile(p: Platform, file: string) {
  const pkg = (await p.call(
    'package_create',
    {
      name: `bench-aed-${randomBytes(3).toString('hex')}`,
      owner_org: 'hokkaido',
      title: 'AED一覧',
    },
    siteActor,
  )) as { id: string };
  const stored = await p.files.put(
    createReadStream(file) as AsyncIterable<Uint8Array>,
    Number.MAX_SAFE_INTEGER,
  );
  const res = (await p.call(
    'resource_create',
    { package_id: pkg.id, name: 'AED一覧', upload: new Upload(stored, 'aed.csv', 'text/csv') },
    siteActor,
  )) as { id: string };
  const phases: Record<string, number> = {};
  let phase = '';
  let phaseStart = performance.now();
  const onProgress = (pr: JobProgress) => {
    if (pr.phase === phase) return;
    const now = performance.now();
    if (phase) phases[phase] = (now - phaseStart) / 1000;
    phase = pr.phase;
    phaseStart = now;
  };
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await ingestResource(
    { db: p.db, files: p.files, now: () => new Date('2026-11-25T00:00:00Z') },
    res.id,
    { onProgress },
  );
  const ended = performance.now();
  const cpu = cpuSeconds(cpuStart);
  if (phase) phases[phase] = (ended - phaseStart) / 1000;
  return {
    resourceId: res.id,
    seconds: (ended - started) / 1000,
    cpuS: cpu,
    phases,
    fields: result.fields,
  };
}

/** The baseline: the same rows into a plain table of the same columns, one transaction. */
async function bareInsertSqlite(file: string, fields: readonly FieldDef[], rows: number) {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA busy_timeout = 5000');
  const columns = fields.map((f) => `"${f.id}" ${storageType(f.type, 'sqlite')}`).join(', ');
  db.exec(`CREATE TABLE bare_insert (_id INTEGER PRIMARY KEY, ${columns})`);
  const insert = db.prepare(
    `INSERT INTO bare_insert VALUES (NULL, ${fields.map(() => '?').join(', ')})`,
  );
  const list = loadMunicipalities();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  db.exec('BEGIN');
  for (let i = 1; i <= rows; i++) insert.run(...aedRow(list, i).map(emptyToNull));
  db.exec('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  const cpuS = cpuSeconds(cpuStart);
  db.exec('DROP TABLE bare_insert');
  db.close();
  return { seconds, cpuS };
}

async function bareInsertPostgres(url: string, fields: readonly FieldDef[], rows: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const columns = fields.map((f) => `"${f.id}" ${storageType(f.type, 'postgres')}`).join(', ');
  await client.query(`CREATE TABLE bare_insert (_id bigserial PRIMARY KEY, ${columns})`);
  const names = fields.map((f) => `"${f.id}"`).join(', ');
  const perStatement = Math.floor(30_000 / fields.length);
  const list = loadMunicipalities();
  const started = performance.now();
  await client.query('BEGIN');
  for (let first = 1; first <= rows; first += perStatement) {
    const last = Math.min(rows, first + perStatement - 1);
    const params: Array<string | null> = [];
    const tuples: string[] = [];
    for (let i = first; i <= last; i++) {
      const base = params.length;
      tuples.push(`(${fields.map((_, j) => `$${base + j + 1}`).join(', ')})`);
      for (const cell of aedRow(list, i)) params.push(emptyToNull(cell));
    }
    await client.query(`INSERT INTO bare_insert (${names}) VALUES ${tuples.join(', ')}`, params);
  }
  await client.query('COMMIT');
  const seconds = (performance.now() - started) / 1000;
  await client.query('DROP TABLE bare_insert');
  await client.end();
  // The server does most of the work in its own processes: no comparable CPU figure here.
  return { seconds, cpuS: null };
}

/** CPU seconds of this process since `start` (user + system). */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function emptyToNull(cell: string): string | null {
  return cell === '' ? null : cell;
}

async function latencies(
  p: Platform,
  backend: string,
  resourceId: string,
  tableRows: number,
  iterations: number,
): Promise<BenchRow[]> {
  const search = (input: Record<string, unknown>) => () =>
    p.call('datastore_search', { resource_id: resourceId, ...input });
  const scan = (word: string) => () =>
    sql`SELECT count(*) AS n FROM ${sql.id(resourceId)} WHERE ${sql.raw(
      p.db.dialect === 'postgres' ? 'strpos' : 'instr',
    )}(${sql.id('_full_text')}, ${word}) > 0`.execute(p.db.kysely);
  const fullScanNearest = () =>
    sql`SELECT ${sql.id('_id')} FROM ${sql.id(resourceId)} ORDER BY (${sql.id('緯度')} - ${ASAHIKAWA.lat}) * (${sql.id('緯度')} - ${ASAHIKAWA.lat}) + (${sql.id('経度')} - ${ASAHIKAWA.lon}) * (${sql.id('経度')} - ${ASAHIKAWA.lon}) LIMIT 10`.execute(
      p.db.kysely,
    );
  const floorSamples = await sample(search({ limit: 1 }), iterations, 5);
  const total = async (input: Record<string, unknown>) =>
    ((await search({ ...input, limit: 1 })()) as { total?: number }).total ?? 0;
  const cases: Array<
    [
      string,
      Record<string, unknown> | (() => Promise<unknown>),
      string,
      (() => Promise<unknown>) | null,
    ]
  > = [
    [
      'filter code=012041 (indexed)',
      { filters: { 所在地_全国地方公共団体コード: '012041' } },
      'search limit 1',
      null,
    ],
    [
      'filter 市区町村+名称 (no index), sort',
      { filters: { 所在地_市区町村: '函館市', 名称: '若草総合病院' }, sort: '高度の値 desc' },
      'search limit 1',
      null,
    ],
    ['q=駅 (1 char)', { q: '駅' }, 'substring scan', scan('駅')],
    ['q=温泉 (2 chars)', { q: '温泉' }, 'substring scan', scan('温泉')],
    ['q=函館 (2 chars)', { q: '函館' }, 'substring scan', scan('函館')],
    ['q=市民会館 (4 chars)', { q: '市民会館' }, 'substring scan', scan('市民会館')],
    [
      'q=旭町児童館 (5 chars, selective)',
      { q: '旭町児童館' },
      'substring scan',
      scan('旭町児童館'),
    ],
    ['q=0004242 (one row)', { q: '0004242' }, 'substring scan', scan('0004242')],
    [
      'q={名称: 博物館} + filter',
      { q: { 名称: '博物館' }, filters: { 所在地_市区町村: '旭川市' } },
      'substring scan',
      scan('博物館'),
    ],
  ];
  const rows: BenchRow[] = [];
  const bench = `datastore@${tableRows}`;
  for (const [name, input, baseName, baseFn] of cases) {
    const fn = typeof input === 'function' ? input : search(input);
    const s = await sample(fn, iterations, 5);
    const b = baseFn ? await sample(baseFn, Math.min(iterations, 10), 1) : floorSamples;
    const matches = typeof input === 'function' ? null : await total(input);
    rows.push({
      bench,
      backend,
      case: name,
      p50_ms: percentile(s, 50),
      p95_ms: percentile(s, 95),
      baseline: baseName,
      baseline_p50_ms: percentile(b, 50),
      ratio: percentile(s, 50) / percentile(b, 50),
      ...(matches !== null ? { note: `${matches} matches` } : {}),
    });
  }
  const nearby = (input: Record<string, unknown>) => () =>
    p.call('s5_datastore_nearby', { resource_id: resourceId, ...ASAHIKAWA, ...input });
  const scanSamples = await sample(fullScanNearest, Math.min(iterations, 10), 1);
  for (const [name, input] of [
    ['nearby k=10', { limit: 10 }],
    ['nearby radius 1 km', { radius_m: 1000 }],
  ] as const) {
    const s = await sample(nearby(input), iterations, 5);
    const found = ((await nearby(input)()) as { records: unknown[] }).records.length;
    rows.push({
      bench,
      backend,
      case: name,
      p50_ms: percentile(s, 50),
      p95_ms: percentile(s, 95),
      baseline: 'full-scan nearest',
      baseline_p50_ms: percentile(scanSamples, 50),
      ratio: percentile(s, 50) / percentile(scanSamples, 50),
      note: `${found} rows`,
    });
  }
  return rows;
}

async function benchOne(
  backend: string,
  config: Config,
  o: DatastoreBenchOptions,
  csv: string,
  bare: (fields: readonly FieldDef[]) => Promise<{ seconds: number; cpuS: number | null }>,
): Promise<{ rows: BenchRow[]; ingest: IngestFigures }> {
  const p = await openPlatform(config, {
    log: silentLogger,
    clock: fixedClock('2026-11-25T00:00:00Z'),
  });
  try {
    const ingested = await ingestFile(p, csv);
    const bareRun = await bare(ingested.fields);
    const ingest: IngestFigures = {
      backend,
      rows: o.rows,
      ingestS: ingested.seconds,
      bareS: bareRun.seconds,
      // In-process CPU time is comparable only where the database runs in-process (SQLite).
      cpu: bareRun.cpuS === null ? null : { ingestS: ingested.cpuS, bareS: bareRun.cpuS },
      phases: ingested.phases,
    };
    const rows = await latencies(p, backend, ingested.resourceId, o.rows, o.iterations);
    return { rows, ingest };
  } finally {
    await p.close();
  }
}

/** Runs the benchmark on SQLite (and PostgreSQL when a URL is given); prints the ingest table. */
export async function run(o: DatastoreBenchOptions): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 's5-bench-ds-'));
  const csv = path.join(dir, 'aed.csv');
  const bytes = await writeAedCsv(csv, o.rows);
  const base = loadConfig({
    S5_SEED_DIR: path.resolve(import.meta.dirname, '../seed/hokkaido'),
    S5_LOG_LEVEL: 'silent',
    S5_DATA_DIR: path.join(dir, 'data'),
  });
  const results: Array<{ rows: BenchRow[]; ingest: IngestFigures }> = [];
  try {
    const dbFile = path.join(dir, 's5.db');
    results.push(
      await benchOne(
        'sqlite',
        { ...base, database: { kind: 'sqlite', file: dbFile } },
        o,
        csv,
        (fields) => bareInsertSqlite(dbFile, fields, o.rows),
      ),
    );
    if (o.postgresUrl) {
      const schema = `s5_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: o.postgresUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      try {
        const u = new URL(o.postgresUrl);
        u.searchParams.set('options', `-c search_path=${schema}`);
        results.push(
          await benchOne(
            'postgres',
            { ...base, database: { kind: 'postgres', url: u.toString() } },
            o,
            csv,
            (fields) => bareInsertPostgres(u.toString(), fields, o.rows),
          ),
        );
      } finally {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printIngest(
    results.map((r) => r.ingest),
    bytes,
  );
  return results.flatMap((r) => [ingestRow(r.ingest), ...r.rows]);
}

function ingestRow(f: IngestFigures): BenchRow {
  return {
    bench: `datastore@${f.rows}`,
    backend: f.backend,
    case: 'ingest (whole file, ms)',
    p50_ms: f.ingestS * 1000,
    p95_ms: f.ingestS * 1000,
    baseline: 'bare insert',
    baseline_p50_ms: f.bareS * 1000,
    ratio: f.ingestS / f.bareS,
    note: `throughput ${(f.bareS / f.ingestS).toFixed(2)}× bare${f.cpu ? `; CPU ${(f.cpu.bareS / f.cpu.ingestS).toFixed(2)}×` : ''}`,
  };
}

function printIngest(figures: readonly IngestFigures[], bytes: number): void {
  process.stdout.write(
    `\ningest of a generated AED一覧 (${(bytes / 1e6).toFixed(0)} MB CSV)\n` +
      'backend   rows      ingest rows/s  bare rows/s  ingest/bare  CPU ingest/bare  phases (s)\n',
  );
  for (const f of figures) {
    const phases = Object.entries(f.phases)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
    process.stdout.write(
      `${f.backend.padEnd(10)}${String(f.rows).padEnd(10)}${String(Math.round(f.rows / f.ingestS)).padEnd(15)}${String(Math.round(f.rows / f.bareS)).padEnd(13)}${(f.bareS / f.ingestS).toFixed(2).padEnd(13)}${(f.cpu ? `${(f.cpu.bareS / f.cpu.ingestS).toFixed(2)} (${f.cpu.ingestS.toFixed(1)}/${f.cpu.bareS.toFixed(1)} s)` : 'n/a').padEnd(17)}${phases}\n`,
    );
  }
  process.stdout.write('\n');
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.main) {
  const rows = await run({
    rows: arg('rows', 100_000),
    iterations: arg('iterations', 50),
    postgresUrl: process.env.S5_BENCH_DATABASE_URL ?? process.env.S5_TEST_DATABASE_URL,
  });
  printTable(rows);
}
