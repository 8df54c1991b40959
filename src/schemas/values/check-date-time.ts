import { finalizeWith, finding, type Inspection } from './check-result.ts';
import { isPlaceholder } from './detect-placeholder.ts';
import { parseDate, prepareTemporal } from './parse-date.ts';
import { formatTime, parseTime } from './parse-time.ts';
import type { ValueCheck } from './types.ts';

/** Options of `checkDateTime`. */
export interface DateTimeOptions {
  /** Offset to add when a value has none, e.g. `'+09:00'`; without it such values are not fixed. */
  assumeOffset?: string;
}

// GIF 日付時刻: ISO 8601 extended format with seconds and the UTC offset, `2021-04-01T09:00:00+09:00`.
const CONFORMING = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const LOCAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;
// A date part, a `T` or spaces, a time part, then an optional offset (`+09:00`, `+0900`, `Z`).
const SPLIT = /^(.+?)(?:T|\s+)(.+?)\s*(Z|[+-]\d{2}:?\d{2})?$/;

function normalizeOffset(offset: string): string | undefined {
  if (offset === 'Z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (m === null) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  return hours <= 14 && minutes <= 59 ? `${m[1]}${m[2]}:${m[3]}` : undefined;
}

function isRealConforming(found: string): boolean {
  const date = parseDate(found.slice(0, 10));
  const hour = Number(found.slice(11, 13));
  const minute = Number(found.slice(14, 16));
  const second = Number(found.slice(17, 19));
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(found)?.[1] ?? '';
  const timeOk = hour <= 23 && minute <= 59 && second <= 59;
  return date.kind === 'date' && timeOk && normalizeOffset(offset) !== undefined;
}

function inspectDateTime(value: string, options: DateTimeOptions): Inspection {
  const found = value.trim();
  if (found === '') return { findings: [] };
  if (isPlaceholder(found))
    return { findings: [finding('placeholder_value', { found })], candidate: '' };
  if (CONFORMING.test(found)) {
    return isRealConforming(found)
      ? { findings: [] }
      : { findings: [finding('datetime_invalid', { found })] };
  }
  const text = prepareTemporal(found);
  const split = SPLIT.exec(text);
  if (split === null) {
    const kind = parseDate(text).kind;
    const code = kind === 'date' ? 'datetime_date_only' : 'datetime_invalid';
    return { findings: [finding(code, { found })] };
  }
  const date = parseDate(split[1] ?? '');
  const time = parseTime(split[2] ?? '');
  const written = split[3] === undefined ? undefined : normalizeOffset(split[3]);
  const badOffset = split[3] !== undefined && written === undefined;
  if (date.kind !== 'date' || time.kind !== 'time' || time.hour === 24 || badOffset) {
    return { findings: [finding('datetime_invalid', { found })] };
  }
  const assumed =
    options.assumeOffset === undefined ? undefined : normalizeOffset(options.assumeOffset);
  const offset = written ?? assumed;
  if (offset === undefined) {
    const missing = finding('datetime_missing_offset', { found });
    return LOCAL_ISO.test(found)
      ? { findings: [missing] }
      : { findings: [finding('datetime_not_iso', { found }), missing] };
  }
  const clock = formatTime({ hour: time.hour, minute: time.minute, second: time.second ?? 0 });
  const expected = `${date.iso}T${clock}${offset}`;
  const findings = [finding('datetime_not_iso', { found, expected })];
  if (written === undefined) findings.push(finding('datetime_missing_offset', { found }));
  return { findings, candidate: expected };
}

/**
 * Checks a 日付時刻 value against GIF: `YYYY-MM-DDThh:mm:ss+09:00` conforms (fractional seconds
 * and `Z` too); other date and time notations get a fix when the offset is written or assumed.
 */
export function checkDateTime(value: string, options: DateTimeOptions = {}): ValueCheck {
  return finalizeWith(value, inspectDateTime(value, options), inspectDateTime, options);
}
