/** Percentile of a sorted-in-place sample, nearest-rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Times `fn` `iterations` times after `warmup` runs; returns milliseconds per call. */
export async function sample(
  fn: () => Promise<unknown>,
  iterations: number,
  warmup = 20,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

export interface BenchRow {
  bench: string;
  backend: string;
  case: string;
  p50_ms: number;
  p95_ms: number;
  baseline: string;
  baseline_p50_ms: number;
  /** case p50 / baseline p50 */
  ratio: number;
  note?: string;
}

/** Prints rows as an aligned table. */
export function printTable(rows: BenchRow[]): void {
  const header = [
    'bench',
    'backend',
    'case',
    'p50 ms',
    'p95 ms',
    'baseline',
    'base p50 ms',
    'ratio',
    'note',
  ];
  const lines = rows.map((r) => [
    r.bench,
    r.backend,
    r.case,
    r.p50_ms.toFixed(2),
    r.p95_ms.toFixed(2),
    r.baseline,
    r.baseline_p50_ms.toFixed(2),
    r.ratio.toFixed(2),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(`${fmt(header)}\n${fmt(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const l of lines) process.stdout.write(`${fmt(l.map(String))}\n`);
}
