/**
 * ISO 8601 durations as NGSI-LD's `aggrPeriodDuration` uses them (`PT1H`, `P1D`, `P1M`,
 * `P1Y2M3DT4H5M6.5S`, `P2W`). Calendar parts (years, months) have no fixed length, so a
 * duration is kept as its parts and added to dates in UTC.
 */
export interface Duration {
  years: number;
  months: number;
  /** Weeks are folded into days. */
  days: number;
  /** Hours, minutes and seconds folded into milliseconds. */
  ms: number;
}

const PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,3})?)S)?)?$/;

/** Parses an ISO 8601 duration; undefined when it is not one (or has no part at all). */
export function parseDuration(text: string): Duration | undefined {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const n = (i: number) => Number((m[i] ?? '0').replace(',', '.'));
  const d: Duration = {
    years: n(1),
    months: n(2),
    days: n(3) * 7 + n(4),
    ms: Math.round(n(5) * 3_600_000 + n(6) * 60_000 + n(7) * 1000),
  };
  return d;
}

/** Whether the duration is zero (P0D: one period over the whole time range). */
export function isZero(d: Duration): boolean {
  return d.years === 0 && d.months === 0 && d.days === 0 && d.ms === 0;
}

/** The fixed length in ms, or undefined when the duration has calendar parts. */
export function fixedMs(d: Duration): number | undefined {
  if (d.years !== 0 || d.months !== 0) return undefined;
  return d.days * 86_400_000 + d.ms;
}

/** `start` plus the duration, in UTC (month ends clamp like date libraries: Jan 31 + P1M = Feb 28/29). */
export function addDuration(startMs: number, d: Duration): number {
  const t = new Date(startMs);
  if (d.years !== 0 || d.months !== 0) {
    const day = t.getUTCDate();
    t.setUTCDate(1);
    t.setUTCMonth(t.getUTCMonth() + d.years * 12 + d.months);
    const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
    t.setUTCDate(Math.min(day, last));
  }
  return t.getTime() + d.days * 86_400_000 + d.ms;
}

/** Prints a duration in canonical form (weeks as days, seconds with up to 3 decimals). */
export function formatDuration(d: Duration): string {
  let out = 'P';
  if (d.years) out += `${d.years}Y`;
  if (d.months) out += `${d.months}M`;
  if (d.days) out += `${d.days}D`;
  if (d.ms) {
    const h = Math.floor(d.ms / 3_600_000);
    const min = Math.floor((d.ms % 3_600_000) / 60_000);
    const s = (d.ms % 60_000) / 1000;
    out += 'T';
    if (h) out += `${h}H`;
    if (min) out += `${min}M`;
    if (s) out += `${s}S`;
  }
  return out === 'P' ? 'P0D' : out;
}
