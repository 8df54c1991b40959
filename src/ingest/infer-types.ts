import type { FieldType } from '../datastore/index.ts';
import type { FieldRule } from '../schemas/index.ts';

/** The field type a standard schema rule stores as; codes, phones and flags stay text (leading zeros). */
export function typeOfRule(rule: FieldRule): FieldType | 'integer' {
  switch (rule) {
    case 'integer':
      return 'integer';
    case 'number':
      return 'numeric';
    case 'latitude':
    case 'longitude':
      return 'float8';
    case 'date':
      return 'date';
    case 'time':
      return 'time';
    case 'datetime':
      return 'timestamp';
    default:
      return 'text';
  }
}

// The forms the datastore's value coercion accepts, kept narrower on purpose: a leading zero
// (`012301`, a municipality code that lost nothing yet) means text, not a number.
const INTEGER = /^[+-]?(0|[1-9]\d*)$/;
const NUMBER = /^[+-]?(0|[1-9]\d*)(\.\d+)?$|^[+-]?0?\.\d+$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const TIME = /^(\d{1,2}):(\d{2})(:\d{2})?$/;
const TIMESTAMP = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2})(:\d{2})?$/;
const BOOL = /^(true|false)$/i;
const INT4_MAX = 2 ** 31 - 1;

type Candidate = 'int4' | 'int8' | 'numeric' | 'float8' | 'date' | 'time' | 'timestamp' | 'bool';

const CHECKS: Record<Candidate, (v: string) => boolean> = {
  int4: (v) => INTEGER.test(v) && Math.abs(Number(v)) <= INT4_MAX,
  int8: (v) => INTEGER.test(v) && v.replace(/^[+-]/, '').length <= 18,
  numeric: (v) => NUMBER.test(v),
  float8: (v) => NUMBER.test(v),
  date: (v) => isDate(DATE.exec(v)),
  time: (v) => isTime(TIME.exec(v)),
  timestamp: (v) => {
    const m = TIMESTAMP.exec(v);
    return m !== null && isDate(m) && Number(m[4]) < 24 && Number(m[5]) < 60;
  },
  bool: (v) => BOOL.test(v),
};

/**
 * Infers the type of each column from ALL its values (fed one row at a time): the narrowest of
 * int4, int8, numeric, date, time, timestamp, bool that every non-empty value fits, else text.
 * A column may start from a preferred type (a standard field's rule); if a value does not fit it,
 * the column falls back to text, so a nonconforming file still loads.
 */
export class ColumnTyper {
  readonly #candidates: Array<Set<Candidate>>;
  readonly #preferred: Array<FieldType | 'integer' | null>;
  readonly #seen: boolean[];

  constructor(preferred: ReadonlyArray<FieldType | 'integer' | null>) {
    this.#preferred = [...preferred];
    this.#candidates = preferred.map((p) => new Set(startingCandidates(p)));
    this.#seen = preferred.map(() => false);
  }

  /** Narrows the candidates of each column by one row's cells. */
  add(cells: readonly string[]): void {
    for (let i = 0; i < this.#candidates.length; i++) {
      const set = this.#candidates[i];
      const value = (cells[i] ?? '').trim();
      if (!set || value === '' || set.size === 0) continue;
      this.#seen[i] = true;
      for (const c of set) if (!CHECKS[c](value)) set.delete(c);
    }
  }

  /** The type of each column; a column with no values at all is text (or its preferred type). */
  types(): FieldType[] {
    return this.#candidates.map((set, i) => {
      const preferred = this.#preferred[i] ?? null;
      if (!this.#seen[i]) return preferred === null || preferred === 'integer' ? 'text' : preferred;
      for (const c of ORDER) if (set.has(c)) return c;
      return 'text';
    });
  }
}

const ORDER: readonly Candidate[] = [
  'bool',
  'int4',
  'int8',
  'float8',
  'numeric',
  'date',
  'time',
  'timestamp',
];

function startingCandidates(preferred: FieldType | 'integer' | null): Candidate[] {
  if (preferred === null) return ['int4', 'int8', 'numeric', 'date', 'time', 'timestamp', 'bool'];
  if (preferred === 'integer') return ['int4', 'int8'];
  if (preferred === 'text' || preferred === 'json') return [];
  return [preferred];
}

function isDate(m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

function isTime(m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number((m[3] ?? ':00').slice(1));
  if (s > 59 || (h === 24 && s > 0)) return false;
  // 24:00 closes a day in Japanese opening hours (高松市 利用終了時間); PostgreSQL's time takes it.
  return (h < 24 && mi < 60) || (h === 24 && mi === 0);
}
