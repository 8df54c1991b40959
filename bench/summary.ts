/**
 * The one table `npm run bench` ends with: every figure next to its baseline measured in the same
 * run, the ratio figure / baseline, and the issue's target where one exists. Adapters turn each
 * benchmark's own result shape into rows.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import type { DcatBenchResult } from './dcat.ts';
import type { HarvestBenchRow } from './harvest.ts';
import type { NgsiBenchFigures } from './ngsi.ts';
import type { BenchRow } from './stats.ts';
import type { BenchResult as ValidateResult } from './validate.ts';

/** A target from the issues: on the figure itself or on the ratio to the baseline. */
export interface Target {
  on: 'figure' | 'ratio';
  op: '<' | '>=';
  value: number;
  /** False when this run used a smaller size than the one the issue states the target at. */
  atIssueSize: boolean;
}

export interface SummaryRow {
  /** The benchmark, as named by `--only`. */
  bench: string;
  name: string;
  backend: string;
  figure: number;
  unit: string;
  baselineName: string;
  /** In the same unit as the figure; NaN where the benchmark measures none. */
  baseline: number;
  target?: Target;
  note?: string;
}

/** figure / baseline: for times "how many times slower", for rates "what share of the speed". */
export function ratioOf(r: SummaryRow): number {
  return r.figure / r.baseline;
}

/** 'pass' | 'fail', '*' when measured below the issue's size; '' without a target. */
export function verdict(r: SummaryRow): string {
  const t = r.target;
  if (!t) return '';
  const x = t.on === 'figure' ? r.figure : ratioOf(r);
  if (!Number.isFinite(x)) return 'fail';
  const ok = t.op === '<' ? x < t.value : x >= t.value;
  return `${ok ? 'pass' : 'fail'}${t.atIssueSize ? '' : '*'}`;
}

function targetText(r: SummaryRow): string {
  const t = r.target;
  if (!t) return '';
  return t.on === 'figure'
    ? `${t.op === '>=' ? '≥' : '<'} ${t.value} ${r.unit}`
    : `${t.op === '>=' ? '≥' : '<'} ${t.value}× base`;
}

/** Numbers as people read them: 3 significant digits below 1000, whole numbers above. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '—';
  if (!Number.isFinite(n)) return String(n);
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString('en-US');
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  if (a >= 1) return n.toFixed(2);
  return n.toFixed(3);
}

/** Renders the rows as one aligned text table. */
export function renderTable(rows: readonly SummaryRow[]): string {
  const header = [
    'bench',
    'backend',
    'figure',
    'value',
    'unit',
    'baseline',
    'base value',
    'ratio',
    'target',
    'result',
    'note',
  ];
  const lines = rows.map((r) => [
    r.bench,
    r.backend,
    r.name,
    formatNumber(r.figure),
    r.unit,
    r.baselineName,
    formatNumber(r.baseline),
    Number.isNaN(ratioOf(r)) ? '—' : `${formatNumber(ratioOf(r))}×`,
    targetText(r),
    verdict(r),
    r.note ?? '',
  ]);
  const right = new Set([3, 6, 7]);
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i] ?? ''))));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c)));
        return right.has(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

/** Display width: CJK and full-width characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

/** The machine a run happened on, for the table's header and the JSON file. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  freeRamGb: number;
  node: string;
  loadAtStart: number[];
  loadAtEnd?: number[];
  startedAt: string;
}

export function machineInfo(): MachineInfo {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeRamGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    startedAt: new Date().toISOString(),
  };
}

// ---- Adapters: each benchmark's own result → rows ----

/** BenchRow (p50/p95 per case, baseline p50): one row per case, p95 in the note. */
export function fromBenchRows(
  bench: string,
  rows: readonly BenchRow[],
  target?: (r: BenchRow) => Target | undefined,
): SummaryRow[] {
  return rows.map((r) => {
    const t = target?.(r);
    return {
      bench,
      name: `${r.bench} ${r.case} p50`,
      backend: r.backend,
      figure: r.p50_ms,
      unit: 'ms',
      baselineName: `${r.baseline} p50`,
      baseline: r.baseline_p50_ms,
      ...(t ? { target: t } : {}),
      note: [`p95 ${formatNumber(r.p95_ms)} ms`, r.note].filter(Boolean).join('; '),
    };
  });
}

/**
 * validate.ts: validation rows/s against the bare parse of the same file (target ≥ 0.6×, issue
 * 3, stated at 1,000,000 rows), peak RSS of both, and the fixed start-up.
 */
export function fromValidate(results: readonly ValidateResult[], issueSize: number): SummaryRow[] {
  const out: SummaryRow[] = [];
  const startup = results.find((r) => r.name === 'validate start-up');
  for (const v of results) {
    const m = /^validate (\d+)$/.exec(v.name);
    if (!m) continue;
    const parse = results.find((r) => r.name === `parse ${m[1]}`);
    if (!parse) continue;
    const size = `${v.rows} rows, ${(v.bytes / 1e6).toFixed(1)} MB`;
    out.push({
      bench: 'validate',
      name: `validate ${size}`,
      backend: '-',
      figure: v.rowsPerSecond,
      unit: 'rows/s',
      baselineName: 'bare parse',
      baseline: parse.rowsPerSecond,
      target: { on: 'ratio', op: '>=', value: 0.6, atIssueSize: v.rows >= issueSize },
      note: `${v.mbPerSecond} MB/s`,
    });
    out.push({
      bench: 'validate',
      name: `validate peak RSS ${size}`,
      backend: '-',
      figure: v.peakRssMb,
      unit: 'MB',
      baselineName: 'bare parse',
      baseline: parse.peakRssMb,
    });
  }
  const largest = results.filter((r) => r.name.startsWith('validate ')).at(-1);
  if (startup && largest && largest !== startup) {
    out.push({
      bench: 'validate',
      name: 'validate start-up (1-row file)',
      backend: '-',
      figure: startup.seconds * 1000,
      unit: 'ms',
      baselineName: `validate of the ${largest.rows}-row file`,
      baseline: largest.seconds * 1000,
      note: 'fixed cost each file carries once',
    });
  }
  return out;
}

/**
 * datastore.ts: the ingest row becomes rows/s against the bare insert (target ≥ 0.7×, issue 4);
 * the query rows keep p50 ms (target < 20 ms at 1,000,000 rows, issue 4).
 */
export function fromDatastore(rows: readonly BenchRow[], issueSize: number): SummaryRow[] {
  return rows.flatMap((r): SummaryRow[] => {
    const size = Number(/@(\d+)/.exec(r.bench)?.[1] ?? Number.NaN);
    const atIssueSize = size >= issueSize;
    if (r.case.startsWith('ingest')) {
      return [
        {
          bench: 'datastore',
          name: `${r.bench} ingest (validate, fix, type, load)`,
          backend: r.backend,
          figure: size / (r.p50_ms / 1000),
          unit: 'rows/s',
          baselineName: 'bare prepared insert',
          baseline: size / (r.baseline_p50_ms / 1000),
          target: { on: 'ratio', op: '>=', value: 0.7, atIssueSize },
          note: `whole file ${formatNumber(r.p50_ms / 1000)} s`,
        },
      ];
    }
    return fromBenchRows('datastore', [r], () => ({
      on: 'figure',
      op: '<',
      value: 20,
      atIssueSize,
    }));
  });
}

/** catalog-search.ts: p50 < 5 ms on SQLite at 10,000 datasets (issue 2). */
export function fromCatalogSearch(rows: readonly BenchRow[], issueSize: number): SummaryRow[] {
  return fromBenchRows('search', rows, (r) => {
    const size = Number(/@(\d+)/.exec(r.bench)?.[1] ?? Number.NaN);
    return r.backend === 'sqlite'
      ? { on: 'figure', op: '<', value: 5, atIssueSize: size >= issueSize }
      : undefined;
  });
}

/** web.ts: server time per page < 50 ms at 10,000 datasets (issue 6), judged on the p50. */
export function fromWeb(rows: readonly BenchRow[], issueSize: number): SummaryRow[] {
  return fromBenchRows('web', rows, (r) => {
    const size = Number(/@(\d+)/.exec(r.bench)?.[1] ?? Number.NaN);
    return { on: 'figure', op: '<', value: 50, atIssueSize: size >= issueSize };
  });
}

/** dcat.ts: seconds for the whole catalog per format against the JSON pages of the same data. */
export function fromDcat(results: readonly DcatBenchResult[]): SummaryRow[] {
  const base = results.find((r) => r.name === 'json-pages');
  return results
    .filter((r) => r !== base)
    .map((r) => ({
      bench: 'dcat',
      name: `dcat@${r.datasets} whole catalog ${r.name}`,
      backend: 'sqlite',
      figure: r.seconds,
      unit: 's',
      baselineName: 'package_search pages → JSON',
      baseline: base?.seconds ?? Number.NaN,
      note: `${(r.bytes / 1e6).toFixed(1)} MB, ${r.datasetsPerSecond} datasets/s, peak RSS ${r.peakRssMb} MB (JSON ${base?.peakRssMb ?? '?'} MB)`,
    }));
}

/**
 * harvest.ts: seconds of a harvest against the raw page fetches of the same pages (the first run
 * creates every dataset; the second finds nothing changed).
 */
export function fromHarvest(rows: readonly HarvestBenchRow[]): SummaryRow[] {
  return rows
    .filter((r) => !r.case.includes('baseline'))
    .map((r) => {
      const base = rows.find((b) => b.backend === r.backend && b.case.includes('baseline'));
      return {
        bench: 'harvest',
        name: `harvest@${base?.datasets ?? '?'} ${r.case}`,
        backend: r.backend,
        figure: r.seconds,
        unit: 's',
        baselineName: 'raw page fetches',
        baseline: base?.seconds ?? Number.NaN,
        note: `${r.datasets} datasets ${r.case.includes('first') ? 'created' : 'unchanged'}, ${formatNumber(r.datasets_per_s)}/s; CPU ${formatNumber(r.cpu_ratio)}× the fetches' CPU`,
      };
    });
}

/**
 * ngsi.ts: the NGSI-LD figures of issue 10 with its targets (≥ 10,000 attribute updates/s on
 * SQLite; aggregation over 1,000,000 instances < 200 ms; notification p95 < 100 ms). The
 * benchmark measures no baseline of its own: those cells stay empty.
 */
export function fromNgsi(f: NgsiBenchFigures, issueInstances: number): SummaryRow[] {
  const common = { bench: 'ngsi', backend: 'sqlite', baselineName: '(none measured)' };
  return [
    {
      ...common,
      name: `NGSI-LD batch upsert into history (${f.entities} entities × 5 attrs × ${f.rounds})`,
      figure: f.updatesPerSecond,
      unit: 'updates/s',
      baseline: Number.NaN,
      target: { on: 'figure', op: '>=', value: 10_000, atIssueSize: true },
    },
    {
      ...common,
      name: `NGSI-LD temporal aggregation over ${f.instances} instances p50`,
      figure: f.aggregationP50Ms,
      unit: 'ms',
      baseline: Number.NaN,
      target: { on: 'figure', op: '<', value: 200, atIssueSize: f.instances >= issueInstances },
    },
    {
      ...common,
      name: 'NGSI-LD notification update → HTTP delivery, 100 subscriptions, p95',
      figure: f.notificationP95Ms,
      unit: 'ms',
      baseline: Number.NaN,
      target: { on: 'figure', op: '<', value: 100, atIssueSize: true },
      note: `p50 ${formatNumber(f.notificationP50Ms)} ms`,
    },
  ];
}
