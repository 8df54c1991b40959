import { normalizeHalfWidth, normalizeHyphens } from './normalize-half-width.ts';
import { findEra, GREGORIAN_ADOPTION_YEAR } from './wareki-eras.ts';

/** How a recognised date was written. */
export type DateNotation = 'iso' | 'western' | 'kanji' | 'compact' | 'wareki';

/** What `parseDate` recognised in a value. */
export type ParsedDate =
  | { kind: 'date'; iso: string; notation: DateNotation }
  | { kind: 'year'; year: string }
  /** The shape of a date, but no such day (2021-02-30). */
  | { kind: 'impossible' }
  /** 和暦 year the era never reached, or a day outside the era (平成32年, 令和元年4月1日). */
  | { kind: 'era_out_of_range'; era: string; eraYear: number; eraStart: string; eraEnd: string }
  /** 明治5年 or earlier: the lunisolar calendar, not convertible by arithmetic. */
  | { kind: 'before_gregorian' }
  | { kind: 'unrecognised' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// `2021/4/1`, `2021-4-1`, `2021.4.1`, also with the midnight time Excel appends to date cells.
const WESTERN = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:\s+0?0:00(?::00)?)?$/;
const KANJI = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// 和暦: `令和3年4月1日`, `平成元年…`, `H29.7.1`, `昭32. 7. 1` (北海道 医療機関一覧).
const WAREKI =
  /^(令和|平成|昭和|大正|明治|[令平昭大明RHSTMrhstm])\s*(元|\d{1,2})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([-/.])\s*(\d{1,2})\s*\5\s*(\d{1,2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO `YYYY-MM-DD` for a real Gregorian day of years 1000–9999, else undefined. */
export function toIsoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function western(year: string, month: string, day: string, notation: DateNotation): ParsedDate {
  const iso = toIsoDate(Number(year), Number(month), Number(day));
  return iso === undefined ? { kind: 'impossible' } : { kind: 'date', iso, notation };
}

function fromWareki(eraSpelling: string, yearText: string, month: number, day: number): ParsedDate {
  const era = findEra(eraSpelling);
  if (era === undefined) return { kind: 'unrecognised' };
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  const startYear = Number(era.start.slice(0, 4));
  const year = startYear + eraYear - 1;
  if (eraYear >= 1 && era.name === '明治' && year < GREGORIAN_ADOPTION_YEAR) {
    return { kind: 'before_gregorian' };
  }
  const iso = eraYear >= 1 ? toIsoDate(year, month, day) : undefined;
  const inEra = iso !== undefined && iso >= era.start && (era.end === undefined || iso <= era.end);
  if (iso !== undefined && inEra) return { kind: 'date', iso, notation: 'wareki' };
  // An impossible day inside a valid era year is "impossible"; anything else is out of the era.
  const yearInEra = eraYear >= 1 && (era.end === undefined || year <= Number(era.end.slice(0, 4)));
  if (iso === undefined && yearInEra) return { kind: 'impossible' };
  return {
    kind: 'era_out_of_range',
    era: era.name,
    eraYear,
    eraStart: era.start,
    eraEnd: era.end ?? '',
  };
}

/** Normalises the width, hyphens and surrounding spaces of a date or time value before parsing. */
export function prepareTemporal(value: string): string {
  return normalizeHyphens(normalizeHalfWidth(value.trim(), { symbols: '/.-: +' })).trim();
}

/**
 * Recognises a date written as ISO `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`,
 * `YYYYMMDD`, year-only `YYYY` or 和暦 (令和/平成/昭和/大正/明治, one-kanji and Latin initials, 元年),
 * with full-width digits and spaces; impossible days and era overruns are told apart.
 */
export function parseDate(value: string): ParsedDate {
  const text = prepareTemporal(value);
  const iso = ISO.exec(text);
  if (iso !== null) return western(iso[1] ?? '', iso[2] ?? '', iso[3] ?? '', 'iso');
  const west = WESTERN.exec(text);
  if (west !== null) return western(west[1] ?? '', west[3] ?? '', west[4] ?? '', 'western');
  const kanji = KANJI.exec(text);
  if (kanji !== null) return western(kanji[1] ?? '', kanji[2] ?? '', kanji[3] ?? '', 'kanji');
  const compact = COMPACT.exec(text);
  if (compact !== null) {
    return western(compact[1] ?? '', compact[2] ?? '', compact[3] ?? '', 'compact');
  }
  if (/^\d{4}$/.test(text)) {
    return Number(text) >= 1000 ? { kind: 'year', year: text } : { kind: 'unrecognised' };
  }
  const wareki = WAREKI.exec(text);
  if (wareki === null) return { kind: 'unrecognised' };
  const month = Number(wareki[3] ?? wareki[6]);
  const day = Number(wareki[4] ?? wareki[7]);
  return fromWareki(wareki[1] ?? '', wareki[2] ?? '', month, day);
}
