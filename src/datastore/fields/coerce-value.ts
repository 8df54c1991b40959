import type { FieldType } from './field-types.ts';

/** A value as the repo binds it: the same on both backends (dates as ISO text, json as text). */
export type StoredValue = string | number | boolean | null;

/** Either the value to store or why the input cannot be stored in a field of this type. */
export type Coerced = { ok: true; value: StoredValue } | { ok: false; problem: string };

const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;
const INT8_LIMIT = 9223372036854775807n;
const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;
const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?$/;
const TIMESTAMP =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Turns a JSON value into the value stored in a column of this type, or says why it cannot be.
 * `''` in a non-text field is NULL, as in CKAN (spreadsheets leave empty cells). Dates, times and
 * timestamps are normalised to ISO text, which PostgreSQL parses and SQLite compares correctly.
 */
export function coerceValue(value: unknown, type: FieldType): Coerced {
  if (value === null || value === undefined) return ok(null);
  if (type === 'json') return ok(JSON.stringify(value));
  if (value === '' && type !== 'text') return ok(null);
  switch (type) {
    case 'text':
      return typeof value === 'object' ? fail('is not text') : ok(String(value));
    case 'int4':
    case 'int8':
      return coerceInteger(value, type);
    case 'float8':
      return coerceFloat(value);
    case 'numeric':
      return coerceNumeric(value);
    case 'bool':
      return coerceBool(value);
    case 'date':
      return coerceDate(value);
    case 'time':
      return coerceTime(value);
    case 'timestamp':
      return coerceTimestamp(value);
  }
}

function ok(value: StoredValue): Coerced {
  return { ok: true, value };
}

function fail(problem: string): Coerced {
  return { ok: false, problem };
}

function coerceInteger(value: unknown, type: 'int4' | 'int8'): Coerced {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return fail(`is not a whole number (${type})`);
    if (type === 'int4' && (value < INT4_MIN || value > INT4_MAX))
      return fail('is out of range for int4');
    return ok(value);
  }
  if (typeof value !== 'string' || !INTEGER_TEXT.test(value))
    return fail(`is not a whole number (${type})`);
  const big = BigInt(value.trim());
  if (type === 'int4' && (big < BigInt(INT4_MIN) || big > BigInt(INT4_MAX)))
    return fail('is out of range for int4');
  if (big > INT8_LIMIT || big < -INT8_LIMIT - 1n) return fail('is out of range for int8');
  // Beyond 2^53 the digits are kept as text; both databases read them exactly.
  return ok(Number.isSafeInteger(Number(big)) ? Number(big) : big.toString());
}

function coerceFloat(value: unknown): Coerced {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail('is not finite');
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? ok(n) : fail('is out of range for float8');
  }
  return fail('is not a number (float8)');
}

function coerceNumeric(value: unknown): Coerced {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail('is not finite');
  // Kept as text so PostgreSQL's numeric stays exact.
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) return ok(value.trim());
  return fail('is not a number (numeric)');
}

const TRUE_TEXT = new Set(['true', 't', 'yes', 'y', 'on', '1']);
const FALSE_TEXT = new Set(['false', 'f', 'no', 'n', 'off', '0']);

function coerceBool(value: unknown): Coerced {
  if (typeof value === 'boolean') return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === 'string') {
    const s = value.trim().toLowerCase();
    if (TRUE_TEXT.has(s)) return ok(true);
    if (FALSE_TEXT.has(s)) return ok(false);
  }
  return fail('is not true or false (bool)');
}

function coerceDate(value: unknown): Coerced {
  if (typeof value !== 'string') return fail('is not a date (YYYY-MM-DD)');
  // A timestamp given for a date keeps its date, as PostgreSQL's date input does.
  const m = TIMESTAMP.exec(value.trim());
  const date = m ? isoDate(m[1], m[2], m[3]) : null;
  return date ? ok(date) : fail('is not a date (YYYY-MM-DD)');
}

function coerceTime(value: unknown): Coerced {
  if (typeof value !== 'string') return fail('is not a time (HH:MM:SS)');
  const m = TIME.exec(value.trim());
  const time = m ? isoTime(m[1], m[2], m[3], m[4]) : null;
  return time ? ok(time) : fail('is not a time (HH:MM:SS)');
}

function coerceTimestamp(value: unknown): Coerced {
  if (typeof value !== 'string') return fail('is not a timestamp (YYYY-MM-DDTHH:MM:SS)');
  const m = TIMESTAMP.exec(value.trim());
  if (!m) return fail('is not a timestamp (YYYY-MM-DDTHH:MM:SS)');
  const date = isoDate(m[1], m[2], m[3]);
  const time = m[4] === undefined ? '00:00:00' : isoTime(m[4], m[5], m[6], m[7]);
  // A zone is ignored, as PostgreSQL does for `timestamp` (without time zone).
  return date && time ? ok(`${date}T${time}`) : fail('is not a timestamp (YYYY-MM-DDTHH:MM:SS)');
}

function isoDate(y?: string, m?: string, d?: string): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1) return null;
  if (probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function isoTime(h?: string, mi?: string, s?: string, fraction?: string): string | null {
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? '0');
  if (hour > 24 || minute > 59 || second > 60) return null;
  if (hour === 24 && (minute > 0 || second > 0)) return null;
  // PostgreSQL prints fractions without trailing zeros: 12:00:00.5
  const frac = (fraction ?? '').replace(/0+$/, '');
  return `${pad(hour)}:${pad(minute)}:${pad(second)}${frac === '.' ? '' : frac}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
