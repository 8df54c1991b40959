// Validation throughput against a bare parse of the same generated 公衆トイレ一覧 file.
// node_modules/.bin/node --import tsx bench/validate.ts [--rows N] [--repeat N]
//   (default 200000 rows, 5 rounds; 1000000 is the size)
// Each measurement runs in a child process, so its peak RSS and its cold start are its own. The
// bare parse and the validation run alternately, round after round, in the same bench run: on a
// shared machine the load then weighs on both alike. Figures are medians with the spread.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSchema, openTableFile, validateTable } from '../src/schemas/index.ts';

/** One measurement: the median of its runs, with the spread. */
export interface BenchResult {
  name: string;
  rows: number;
  bytes: number;
  /** Median wall-clock seconds. */
  seconds: number;
  rowsPerSecond: number;
  mbPerSecond: number;
  /** Median peak RSS. */
  peakRssMb: number;
  /** Fastest and slowest run. */
  minSeconds: number;
  maxSeconds: number;
  /**
   * Median CPU seconds of the main thread (`process.threadCpuUsage`): unlike wall-clock time, it
   * hardly counts the time other processes take the cores away.
   */
  cpuSeconds: number;
  /** Wall-clock and main-thread CPU seconds of every run, in the order run. */
  runs: Array<{ seconds: number; cpuSeconds: number }>;
}

/** Options of `run`. */
export interface BenchOptions {
  rows?: number;
  /** Rounds; each runs the bare parse and the validation once (default 5). */
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
  const cpu = process.threadCpuUsage();
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
  const used = process.threadCpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(JSON.stringify({ rows, seconds, cpuSeconds, peakRss: peak }));
}

interface Run {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  peakRss: number;
}

function runChild(phase: string, file: string): Run {
  const result = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', phase, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`bench child failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Run; // our own child's JSON
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function summarize(name: string, file: string, runs: readonly Run[]): BenchResult {
  const bytes = statSync(file).size;
  const rows = runs[0]?.rows ?? 0;
  const seconds = median(runs.map((r) => r.seconds));
  const all = runs.map((r) => r.seconds);
  return {
    name,
    rows,
    bytes,
    seconds: round(seconds, 3),
    rowsPerSecond: Math.round(rows / seconds),
    mbPerSecond: round(bytes / 1e6 / seconds),
    peakRssMb: round(median(runs.map((r) => r.peakRss)) / 1e6),
    minSeconds: round(Math.min(...all), 3),
    maxSeconds: round(Math.max(...all), 3),
    cpuSeconds: round(median(runs.map((r) => r.cpuSeconds)), 3),
    runs: runs.map((r) => ({ seconds: round(r.seconds, 3), cpuSeconds: round(r.cpuSeconds, 3) })),
  };
}

/** The bare parse and the validation of one file, alternately, `repeat` rounds. */
function measurePair(size: number, file: string, repeat: number): [BenchResult, BenchResult] {
  const parse: Run[] = [];
  const validate: Run[] = [];
  for (let round = 0; round < Math.max(1, repeat); round++) {
    // Which goes first alternates too, so neither always follows the other's disk reads.
    if (round % 2 === 0) {
      parse.push(runChild('parse', file));
      validate.push(runChild('validate', file));
    } else {
      validate.push(runChild('validate', file));
      parse.push(runChild('parse', file));
    }
  }
  return [summarize(`parse ${size}`, file, parse), summarize(`validate ${size}`, file, validate)];
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/**
 * Generates two files (rows/5 and rows), measures bare parse and validation of each; first the
 * validation of a one-row file, whose time is the fixed start-up (schema catalogue, header
 * recognition, cold code) that the throughput of a large file carries once.
 */
export async function run(options: BenchOptions = {}): Promise<BenchResult[]> {
  const rows = options.rows ?? 200_000;
  const repeat = options.repeat ?? 5;
  const dir = mkdtempSync(path.join(tmpdir(), 's5-bench-validate-'));
  const results: BenchResult[] = [];
  try {
    const tiny = path.join(dir, '012301_public_toilet_1.csv');
    await generate(tiny, 1);
    const startup = Array.from({ length: Math.max(1, repeat) }, () => runChild('validate', tiny));
    results.push(summarize('validate start-up', tiny, startup));
    for (const size of [Math.max(1, Math.floor(rows / 5)), rows]) {
      const file = path.join(dir, `012301_public_toilet_${size}.csv`);
      await generate(file, size);
      results.push(...measurePair(size, file, repeat));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** Validation speed over bare-parse speed, per round (same round, same load) and of the medians. */
export function speedRatios(parse: BenchResult, validate: BenchResult) {
  const pairs = parse.runs.map((p, i) => p.seconds / (validate.runs[i]?.seconds ?? Number.NaN));
  return {
    ofMedians: parse.seconds / validate.seconds,
    pairsMedian: median(pairs),
    pairsMin: Math.min(...pairs),
    pairsMax: Math.max(...pairs),
    cpu: parse.cpuSeconds / validate.cpuSeconds,
  };
}

function print(results: BenchResult[]): void {
  for (const r of results) {
    process.stdout.write(
      `${r.name.padEnd(18)} ${String(r.rows).padStart(8)} rows ${(r.bytes / 1e6).toFixed(1).padStart(6)} MB ` +
        `${r.seconds.toFixed(2).padStart(6)} s (${r.minSeconds.toFixed(2)}–${r.maxSeconds.toFixed(2)}) ` +
        `${String(r.rowsPerSecond).padStart(7)} rows/s ${r.mbPerSecond.toFixed(1).padStart(6)} MB/s ` +
        `cpu ${r.cpuSeconds.toFixed(2)} s  peak RSS ${r.peakRssMb.toFixed(0)} MB\n`,
    );
  }
  const startup = results.find((r) => r.name === 'validate start-up');
  for (const v of results) {
    const size = /^validate (\d+)$/.exec(v.name)?.[1];
    const parse = results.find((r) => r.name === `parse ${size}`);
    if (size === undefined || !parse) continue;
    const q = speedRatios(parse, v);
    process.stdout.write(
      `validation / bare parse speed, ${size} rows: ${q.ofMedians.toFixed(2)} (medians); ` +
        `per round ${q.pairsMedian.toFixed(2)} median, ${q.pairsMin.toFixed(2)}–${q.pairsMax.toFixed(2)}; ` +
        `main-thread CPU ${q.cpu.toFixed(2)}\n`,
    );
    if (startup)
      process.stdout.write(
        `  without the start-up (${startup.seconds.toFixed(2)} s): ` +
          `${(parse.seconds / Math.max(0.01, v.seconds - startup.seconds)).toFixed(2)}\n`,
      );
  }
}

const args = process.argv.slice(2);
if (process.argv[1] === SELF) {
  if (args[0] === '--child') await child(args[1] ?? 'parse', args[2] ?? '');
  else {
    const flag = (name: string, fallback: number) => {
      const at = args.indexOf(name);
      return at >= 0 ? Number(args[at + 1]) : fallback;
    };
    if (args.includes('--help')) {
      process.stdout.write(
        'bench/validate.ts [--rows N] [--repeat N]: validation vs bare parse of a generated file\n',
      );
    } else print(await run({ rows: flag('--rows', 200_000), repeat: flag('--repeat', 5) }));
  }
}
