// Code-unit scans behind the fast paths (`fast-paths.ts`). Each is the loop form of a regular
// expression the checkers use, written out because a loop over code units is several times
// faster than the expression and allocates nothing.

/**
 * No surrounding space, no control, invisible, half-width katakana or full-width letter/digit, and
 * no first character a spreadsheet reads as a formula: what text hygiene would flag.
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

/** The code units `\s` matches (and `String.prototype.trim` removes). */
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

/** True when `value.trim()` would not be empty. */
export function hasNonSpace(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isSpace(value.charCodeAt(i))) return true;
  return false;
}

/** Printable ASCII without spaces, not starting like a formula (= + - @). */
export function isAsciiWord(value: string): boolean {
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

/**
 * `0` or up to 15 digits without a leading zero (`^(?:0|[1-9]\d{0,14})$`); with `fraction`, also
 * a `.` and digits ending in a non-zero one (`(?:\.\d*[1-9])?`).
 */
export function plainDecimal(value: string, fraction: boolean): boolean {
  const n = value.length;
  let dot = n;
  if (fraction) {
    const at = value.indexOf('.');
    if (at >= 0) dot = at;
  }
  if (dot === 0 || dot > 15) return false;
  if (dot > 1 && value.charCodeAt(0) === 0x30) return false;
  if (!isDigitRun(value, 0, dot)) return false;
  if (dot === n) return true;
  return dot < n - 1 && value.charCodeAt(n - 1) !== 0x30 && isDigitRun(value, dot + 1, n);
}

/** Only ASCII digits (`^\d*$`). */
export function isDigits(value: string): boolean {
  return isDigitRun(value, 0, value.length);
}

function isDigitRun(value: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The value of the ASCII digit at `i`, or -1. */
function digitAt(value: string, i: number): number {
  const c = value.charCodeAt(i) - 0x30;
  return c >= 0 && c <= 9 ? c : -1;
}

/** `HH:mm` from 00:00 to 23:59 (`^(?:[01]\d|2[0-3]):[0-5]\d$`). */
export function isPlainTime(value: string): boolean {
  if (value.length !== 5 || value.charCodeAt(2) !== 0x3a) return false;
  const h1 = digitAt(value, 0);
  const h2 = digitAt(value, 1);
  const m1 = digitAt(value, 3);
  return h1 >= 0 && h2 >= 0 && m1 >= 0 && m1 <= 5 && digitAt(value, 4) >= 0 && h1 * 10 + h2 < 24;
}

/** `YYYY-MM-DD`, a real day from 1873 (the Gregorian calendar's adoption in Japan) to 2999. */
export function isPlainDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d)
    return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = digitAt(value, i);
    if (d < 0) return false;
    year = year * 10 + d;
  }
  const m1 = digitAt(value, 5);
  const m2 = digitAt(value, 6);
  const d1 = digitAt(value, 8);
  const d2 = digitAt(value, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  // Earlier dates take the full path.
  if (year < 1873 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// JIS X 0401/0402 weights of the first five digits (values/compute-check-digit.ts).
const WEIGHTS = [6, 5, 4, 3, 2];

/**
 * A six-digit 全国地方公共団体コード of prefecture 01–47 with a valid check digit
 * (`(11 − S mod 11) mod 10`), starting with `prefecture` when one is given.
 */
export function plainCode(value: string, prefecture?: string): boolean {
  if (value.length !== 6) return false;
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    const d = digitAt(value, i);
    if (d < 0) return false;
    sum += d * (WEIGHTS[i] ?? 0);
  }
  const pref = (value.charCodeAt(0) - 0x30) * 10 + (value.charCodeAt(1) - 0x30);
  if (pref < 1 || pref > 47) return false;
  if ((11 - (sum % 11)) % 10 !== digitAt(value, 5)) return false;
  return prefecture === undefined || value.startsWith(prefecture);
}
