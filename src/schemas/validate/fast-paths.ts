import { hasValidCheckDigit, type GeoBounds, JAPAN_BOUNDS } from './value-rules.ts';
import type { ColumnPlan } from './column-plan.ts';
import { isClearlyAddress, isClearlyKana, isClearlyText } from './check-local-rules.ts';

// Speed only: a million-row file has tens of millions of cells, nearly all conforming. These
// tests accept a value only when every checker would certainly find nothing in it; anything else
// takes the full path. `fast-paths.test.ts` checks they never accept what the checkers flag.

const INTEGER = /^(?:0|[1-9]\d{0,14})$/;
const DECIMAL = /^(?:0|[1-9]\d{0,14})(?:\.\d*[1-9])?$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE = /^(?:0[1-9]|[1-3]\d|4[0-7])\d{4}$/;
const POSTAL = /^\d{7}$/;
const URL_PLAIN = /^https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9._~%/-]*)?$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** True when a non-empty cell certainly draws no finding from its column's rule. */
export function isPlainlyValid(plan: ColumnPlan, value: string, prefectureCode?: string): boolean {
  // 文字列（半角英数字）: one pass decides both cleanliness and width.
  if (plan.rule === 'halfwidth')
    return isAsciiWord(value) && (plan.pattern === null || plan.pattern.test(value));
  if (!isCleanText(value)) return false;
  switch (plan.rule) {
    case null:
      return true;
    case 'text':
    case 'time_remarks':
      return isClearlyText(value, plan.list);
    case 'address':
      return isClearlyText(value, plan.list) && isClearlyAddress(value);
    case 'kana':
      return isClearlyText(value, plan.list) && isClearlyKana(value);
    case 'integer':
      return INTEGER.test(value) && inRange(Number(value), plan);
    case 'number':
      return DECIMAL.test(value) && inRange(Number(value), plan);
    case 'time':
      return TIME.test(value);
    case 'date':
      return isPlainDate(value);
    case 'municipality_code':
      return (
        CODE.test(value) &&
        hasValidCheckDigit(value) &&
        (prefectureCode === undefined || value.startsWith(prefectureCode.padStart(2, '0')))
      );
    case 'postal_code':
      return POSTAL.test(value);
    case 'url':
      return URL_PLAIN.test(value);
    case 'email':
      return EMAIL.test(value);
    case 'flag':
    case 'enum':
      return plan.enumValues?.includes(value) ?? false;
    default:
      return false;
  }
}

/** True when a 緯度/経度 pair certainly draws no finding: 6 decimals, in Japan, in the bounds. */
export function isPlainCoordinatePair(
  latitude: string,
  longitude: string,
  bounds?: GeoBounds,
): boolean {
  if (!hasSixDecimals(latitude) || !hasSixDecimals(longitude)) return false;
  const lat = Number(latitude);
  const lng = Number(longitude);
  const box = bounds ?? JAPAN_BOUNDS;
  return (
    lat >= Math.max(box.south, JAPAN_BOUNDS.south) &&
    lat <= Math.min(box.north, JAPAN_BOUNDS.north) &&
    lng >= Math.max(box.west, JAPAN_BOUNDS.west) &&
    lng <= Math.min(box.east, JAPAN_BOUNDS.east)
  );
}

/** `dd.dddddd` or `ddd.dddddd`: decimal degrees with the GIF's 6 decimals. */
function hasSixDecimals(value: string): boolean {
  const dot = value.indexOf('.');
  if ((dot !== 2 && dot !== 3) || value.length !== dot + 7) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (i !== dot && (c < 0x30 || c > 0x39)) return false;
  }
  return true;
}

function inRange(n: number, plan: ColumnPlan): boolean {
  return (
    (plan.minimum === undefined || n >= plan.minimum) &&
    (plan.maximum === undefined || n <= plan.maximum)
  );
}

function isPlainDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // 1873: the Gregorian calendar's adoption in Japan; earlier dates take the full path.
  if (year < 1873 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * No surrounding space, no control, invisible, half-width katakana or full-width letter/digit, and
 * no first character a spreadsheet reads as a formula: what text hygiene would flag. A loop over
 * code units is several times faster than the equivalent regular expression.
 */
export function isCleanText(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  const first = value.charCodeAt(0);
  // = + - @
  if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40) return false;
  if (isSpace(first) || isSpace(value.charCodeAt(n - 1))) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false;
    if (c < 0x2000) continue;
    if (c === 0x2028 || c === 0x2029 || c === 0x200b || c === 0x2060 || c === 0xfeff) return false;
    if (c >= 0xff10 && c <= 0xff9f) {
      if (
        c <= 0xff19 ||
        (c >= 0xff21 && c <= 0xff3a) ||
        (c >= 0xff41 && c <= 0xff5a) ||
        c >= 0xff61
      )
        return false;
    }
  }
  return true;
}

/** The code units `\s` matches. */
export function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Printable ASCII without spaces, not starting like a formula (= + - @). */
function isAsciiWord(value: string): boolean {
  const n = value.length;
  if (n === 0) return false;
  const first = value.charCodeAt(0);
  if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}
