import { addDuration, type Duration, fixedMs } from './duration.ts';
import type { Bucket } from './history-repo.ts';
import type { AggrMethod } from './temporal-params.ts';

/** One aggregated attribute: per method, `[value, periodStart, periodEnd]` triples. */
export type AggregatedAttr = Record<AggrMethod, Array<[number | null, string, string]>>;

/**
 * Turns per-period buckets into the aggregatedValues shape (clause 4.5.19): periods start at
 * `startMs` and follow each other by `period` (one period up to `endMs` without one).
 */
export function aggregatedAttrs(
  buckets: readonly Bucket[],
  methods: readonly AggrMethod[],
  startMs: number,
  endMs: number,
  period: Duration | undefined,
): Map<string, Partial<AggregatedAttr>> {
  const out = new Map<string, Partial<AggregatedAttr>>();
  for (const b of buckets) {
    let attr = out.get(b.attr);
    if (!attr) {
      attr = {};
      out.set(b.attr, attr);
    }
    const [from, to] = periodBounds(b.bucket, startMs, endMs, period);
    for (const m of methods) {
      const list = attr[m] ?? [];
      attr[m] = list;
      list.push([b[m], isoMs(from), isoMs(to)]);
    }
  }
  return out;
}

function periodBounds(
  index: number,
  startMs: number,
  endMs: number,
  period: Duration | undefined,
): [number, number] {
  if (!period) return [startMs, endMs];
  const fixed = fixedMs(period);
  if (fixed !== undefined) return [startMs + index * fixed, startMs + (index + 1) * fixed];
  let from = startMs;
  for (let i = 0; i < index; i++) from = addDuration(from, period);
  return [from, addDuration(from, period)];
}

/** The index of the calendar period (months/years) a time falls in, counted from `startMs`. */
export function calendarBucket(t: number, startMs: number, period: Duration): number {
  let i = 0;
  let end = addDuration(startMs, period);
  while (t >= end) {
    i++;
    end = addDuration(end, period);
  }
  return i;
}

/** Folds raw instances into buckets in code (calendar periods, which SQL cannot divide by). */
export function bucketsInCode(
  rows: ReadonlyArray<{ attr: string; t: number; vnum: number | null; vtext: string | null }>,
  startMs: number,
  period: Duration,
): Bucket[] {
  const acc = new Map<string, Bucket & { n: number; distinct: Set<string> }>();
  for (const r of rows) {
    const bucket = calendarBucket(r.t, startMs, period);
    const key = `${r.attr}\u0000${bucket}`;
    let b = acc.get(key);
    if (!b) {
      b = {
        attr: r.attr,
        bucket,
        avg: null,
        min: null,
        max: null,
        sum: null,
        totalCount: 0,
        distinctCount: 0,
        n: 0,
        distinct: new Set(),
      };
      acc.set(key, b);
    }
    b.totalCount++;
    if (r.vtext !== null) b.distinct.add(r.vtext);
    if (r.vnum !== null) {
      b.n++;
      b.sum = (b.sum ?? 0) + r.vnum;
      b.min = b.min === null ? r.vnum : Math.min(b.min, r.vnum);
      b.max = b.max === null ? r.vnum : Math.max(b.max, r.vnum);
    }
  }
  return [...acc.values()]
    .map(({ n, distinct, ...b }) => ({
      ...b,
      avg: n > 0 && b.sum !== null ? b.sum / n : null,
      distinctCount: distinct.size,
    }))
    .sort((a, b) => (a.attr === b.attr ? a.bucket - b.bucket : a.attr < b.attr ? -1 : 1));
}

/** ISO 8601 UTC, without `.000` when the time has no milliseconds (as the suite writes them). */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
