// Validation throughput against a bare parse of the same generated 公衆トイレ一覧 file.
// node_modules/.bin/node --import tsx bench/validate.ts [--rows N]   (default 200000; 1000000 full)
// Each measurement runs in a child process so its peak RSS is its own; best of --repeat runs.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSchema, openTableFile, validateTable } from '../src/schemas/index.ts';

/** One measured run. */
export interface BenchResult {
  name: string;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  mbPerSecond: number;
  peakRssMb: number;
}

/** Options of `run`. */
export interface BenchOptions {
  rows?: number;
  /** Runs per measurement; the fastest counts (the machine is shared, noise only slows). */
  repeat?: number;
}

const SELF = fileURLToPath(import.meta.url);

/** A realistic row: mostly conforming, with the defects real files show at realistic rates. */
function row(i: number): string {
  const r = (i * 2654435761) % 1000;
  const code = r < 10 ? '12301' : '012301';
  const lat = (42.3 + (i % 1000) / 10000).toFixed(r < 20 ? 3 : 6);
  const lng = (141.0 + (i % 997) / 10000).toFixed(6);
  const place = r < 30 ? '２階正面入口' : r < 35 ? '緯度経度を確認' : '公園内北側';
  const start = r < 50 ? '9:00' : '09:00';
  const end = r < 60 ? '24:00' : '18:00';
  const wheelchair = r < 15 ? '○' : r % 2 === 0 ? '有' : '無';
  const name = r < 40 ? ` 若草中央公園${i} ` : `若草中央公園${i}`;
  const height = r < 5 ? '階' : '階数';
  const id = `LL${String(r < 2 ? i - 1 : i).padStart(10, '0')}`;
  return [
    code,
    id,
    '北海道登別市',
    name,
    'ワカクサチュウオウコウエン',
    'Wakakusa Park',
    '012301',
    '0008-001',
    `北海道登別市若草町${i % 50}-100-2`,
    '北海道',
    '登別市',
    '若草町',
    '2-100-2',
    '',
    place,
    lat,
    lng,
    height,
    '1',
    '2',
    '1',
    '0',
    '1',
    '2',
    '0',
    '2',
    '1',
    '0',
    '1',
    '1',
    wheelchair,
    '無',
    '有',
    start,
    end,
    r < 25 ? '12/31、1/1は終日利用不可' : '',
    'https://www.city.noboribetsu.lg.jp/a.jpg',
    'CC BY 4.0',
    '',
  ].join(',');
}

async function generate(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(
    `${getSchema('a13-public_toilet')
      .fields.map((f) => f.name)
      .join(',')}\r\n`,
  );
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += `${row(i)}\r\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/**
 * Child side: one phase on one file, peak RSS sampled while it runs; prints JSON. Both phases
 * sample RSS alone (`memoryUsage.rss()`): the full `memoryUsage()` walks the heap spaces.
 */
async function child(phase: string, file: string): Promise<void> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  let rows = 0;
  const opened = await openTableFile(file);
  if (phase === 'parse') {
    for await (const _ of opened.rows) rows += 1;
    rows -= 1;
  } else {
    const report = await validateTable(opened, {
      prefectureCode: '01',
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage.rss());
      },
    });
    rows = report.summary.rows;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  process.stdout.write(JSON.stringify({ rows, seconds, peakRss: peak }));
}

function measure(name: string, phase: string, file: string, repeat: number): BenchResult {
  const runs = Array.from({ length: Math.max(1, repeat) }, () => measureOnce(name, phase, file));
  return runs.reduce((best, r) => (r.seconds < best.seconds ? r : best));
}

function measureOnce(name: string, phase: string, file: string): BenchResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', phase, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`bench child failed: ${result.stderr}`);
  const { rows, seconds, peakRss } = JSON.parse(result.stdout) as {
    rows: number;
    seconds: number;
    peakRss: number;
  }; // our own child's JSON
  const bytes = statSync(file).size;
  return {
    name,
    rows,
    bytes,
    seconds: round(seconds),
    rowsPerSecond: Math.round(rows / seconds),
    mbPerSecond: round(bytes / 1e6 / seconds),
    peakRssMb: round(peakRss / 1e6),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Generates two files (rows/5 and rows), measures bare parse and validation of each; first the
 * validation of a one-row file, whose time is the fixed start-up (schema catalogue, header
 * recognition, cold code) that the throughput of a large file carries once.
 */
export async function run(options: BenchOptions = {}): Promise<BenchResult[]> {
  const rows = options.rows ?? 200_000;
  const dir = mkdtempSync(path.join(tmpdir(), 's5-bench-validate-'));
  const results: BenchResult[] = [];
  try {
    const tiny = path.join(dir, '012301_public_toilet_1.csv');
    await generate(tiny, 1);
    results.push(measure('validate start-up', 'validate', tiny, options.repeat ?? 3));
    for (const size of [Math.max(1, Math.floor(rows / 5)), rows]) {
      const file = path.join(dir, `012301_public_toilet_${size}.csv`);
      await generate(file, size);
      results.push(measure(`parse ${size}`, 'parse', file, options.repeat ?? 3));
      results.push(measure(`validate ${size}`, 'validate', file, options.repeat ?? 3));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

function print(results: BenchResult[]): void {
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(18)} ${String(r.rows).padStart(8)} rows ${(r.bytes / 1e6).toFixed(1).padStart(7)} MB ` +
        `${r.seconds.toFixed(2).padStart(7)} s ${String(r.rowsPerSecond).padStart(8)} rows/s ` +
        `${r.mbPerSecond.toFixed(1).padStart(6)} MB/s  peak RSS ${r.peakRssMb.toFixed(0)} MB\n`,
    );
  }
  const [startup, , , parse, validate] = results;
  if (parse && validate)
    process.stdout.write(
      `validation / bare parse speed: ${(validate.rowsPerSecond / parse.rowsPerSecond).toFixed(2)}\n`,
    );
  if (startup && parse && validate)
    process.stdout.write(
      `  without the start-up (${startup.seconds.toFixed(2)} s): ` +
        `${(parse.seconds / Math.max(0.01, validate.seconds - startup.seconds)).toFixed(2)}\n`,
    );
}

const args = process.argv.slice(2);
if (process.argv[1] === SELF) {
  if (args[0] === '--child') await child(args[1] ?? 'parse', args[2] ?? '');
  else {
    const flag = (name: string, fallback: number) => {
      const at = args.indexOf(name);
      return at >= 0 ? Number(args[at + 1]) : fallback;
    };
    print(await run({ rows: flag('--rows', 200_000), repeat: flag('--repeat', 3) }));
  }
}
