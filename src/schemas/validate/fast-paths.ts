import type { CellResult } from './check-cell.ts';
import {
  FINDING_SEVERITY,
  type GeoBounds,
  hasValidDigitCount,
  JAPAN_BOUNDS,
} from './value-rules.ts';
import type { ColumnPlan } from './column-plan.ts';
import { isClearlyAddress, isClearlyKana, isClearlyText } from './check-local-rules.ts';
import {
  isAsciiWord,
  isCleanText,
  isDigits,
  isPlainDate,
  isPlainTime,
  plainCode,
  plainDecimal,
} from './scan-plain.ts';

// Speed only: a million-row file has tens of millions of cells, nearly all conforming. These
// tests accept a value only when every checker would certainly find nothing in it; anything else
// takes the full path. `fast-paths.test.ts` checks they never accept what the checkers flag.

const URL_PLAIN = /^https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9._~%/-]*)?$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
// GIF 電話番号 as `checkPhone` accepts it unchanged: `011-123-4567`, `(054)626-1139`.
const PHONE_HYPHENATED = /^0\d*-\d+(?:-\d+)?$/;
const PHONE_PARENTHESISED = /^\(0\d+\)\d+(?:-\d+)?$/;
const NOT_DIGIT = /\D/g;

// The fast test of a column, chosen once from its rule (a switch on small integers, not strings).
const NEVER = 0;
const ANY = 1;
const TEXT = 2;
const ADDRESS = 3;
const KANA = 4;
const INTEGER = 5;
const NUMBER = 6;
const TIME = 7;
const DATE = 8;
const CODE = 9;
const POSTAL = 10;
const URL = 11;
const EMAIL_ADDRESS = 12;
const ENUM = 13;
const HALFWIDTH = 14;
const PHONE = 15;

/** A column's test for values that certainly draw no finding. */
export class PlainTest {
  readonly #kind: number;
  readonly #list: boolean;
  readonly #enumValues: readonly string[];
  readonly #pattern: RegExp | null;
  readonly #minimum: number | undefined;
  readonly #maximum: number | undefined;
  /** The two-digit prefecture a 全国地方公共団体コード must start with, if one is given. */
  readonly #prefecture: string | undefined;

  constructor(plan: ColumnPlan, prefectureCode?: string) {
    this.#kind = kindOf(plan);
    this.#list = plan.list;
    this.#enumValues = plan.enumValues ?? [];
    this.#pattern = plan.pattern;
    this.#minimum = plan.minimum;
    this.#maximum = plan.maximum;
    this.#prefecture = prefectureCode?.padStart(2, '0');
  }

  /** True when a non-empty cell certainly draws no finding from its column's rule. */
  accepts(value: string): boolean {
    const kind = this.#kind;
    // 文字列（半角英数字）: one pass decides both cleanliness and width.
    if (kind === HALFWIDTH)
      return isAsciiWord(value) && (this.#pattern === null || this.#pattern.test(value));
    if (kind === NEVER || !isCleanText(value)) return false;
    switch (kind) {
      case ANY:
        return true;
      case TEXT:
        return isClearlyText(value, this.#list);
      case ADDRESS:
        return isClearlyText(value, this.#list) && isClearlyAddress(value);
      case KANA:
        return isClearlyText(value, this.#list) && isClearlyKana(value);
      case INTEGER:
        return plainDecimal(value, false) && this.#inRange(value);
      case NUMBER:
        return plainDecimal(value, true) && this.#inRange(value);
      case TIME:
        return isPlainTime(value);
      case DATE:
        return isPlainDate(value);
      case CODE:
        return plainCode(value, this.#prefecture);
      case POSTAL:
        return value.length === 7 && isDigits(value);
      case URL:
        return URL_PLAIN.test(value);
      case EMAIL_ADDRESS:
        return EMAIL.test(value);
      case ENUM:
        return this.#enumValues.includes(value);
      case PHONE:
        return (
          (PHONE_HYPHENATED.test(value) || PHONE_PARENTHESISED.test(value)) &&
          hasValidDigitCount(value.replace(NOT_DIGIT, ''))
        );
      default:
        return false;
    }
  }

  /**
   * The verdict of the full rules on a value whose only flaw is surrounding space (Excel exports
   * are full of them): when its trimmed form passes `accepts`, text hygiene reports only
   * `surrounding_whitespace`, the rule has nothing to say, and the trimmed form is the certain fix.
   * Undefined for any other value.
   */
  paddedVerdict(value: string, inferred: boolean): CellResult | undefined {
    const trimmed = value.trim();
    if (trimmed === value || trimmed === '' || !this.accepts(trimmed)) return undefined;
    const severity = FINDING_SEVERITY.surrounding_whitespace;
    // As `settle` words it: inferred columns are never fixed.
    if (inferred)
      return { findings: [{ code: 'surrounding_whitespace', severity, fixable: false }] };
    return {
      findings: [{ code: 'surrounding_whitespace', severity, fixable: true }],
      fixed: trimmed,
    };
  }

  #inRange(value: string): boolean {
    if (this.#minimum === undefined && this.#maximum === undefined) return true;
    const n = Number(value);
    return (
      (this.#minimum === undefined || n >= this.#minimum) &&
      (this.#maximum === undefined || n <= this.#maximum)
    );
  }
}

function kindOf(plan: ColumnPlan): number {
  switch (plan.rule) {
    case null:
      return ANY;
    case 'text':
    case 'time_remarks':
      return TEXT;
    case 'address':
      return ADDRESS;
    case 'kana':
      return KANA;
    case 'integer':
      return INTEGER;
    case 'number':
      return NUMBER;
    case 'time':
      return TIME;
    case 'date':
      return DATE;
    case 'municipality_code':
      return CODE;
    case 'postal_code':
      return POSTAL;
    case 'url':
      return URL;
    case 'email':
      return EMAIL_ADDRESS;
    case 'flag':
    case 'enum':
      return ENUM;
    case 'halfwidth':
      return HALFWIDTH;
    case 'phone':
      return PHONE;
    default:
      return NEVER;
  }
}

/**
 * The degrees of a `dd.dddddd` or `ddd.dddddd` value (decimal degrees with the GIF's 6 decimals),
 * else NaN. Computed as micro-degrees / 1e6: both exact doubles, so the quotient is the correctly
 * rounded value of the decimal, the same double `Number(value)` gives.
 */
export function sixDecimalDegrees(value: string): number {
  const n = value.length;
  // The dot is 7th or 8th from the end: `dd.dddddd` (9) or `ddd.dddddd` (10).
  if ((n !== 9 && n !== 10) || value.charCodeAt(n - 7) !== 0x2e) return Number.NaN;
  let micro = 0;
  for (let i = 0; i < n; i++) {
    if (i === n - 7) continue;
    const c = value.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return Number.NaN;
    micro = micro * 10 + c;
  }
  return micro / 1e6;
}

/**
 * The degrees of a plain decimal (`^\d{1,3}(?:\.\d+)?$`: ASCII, unsigned, no spaces), the same
 * double `Number(value)` gives; else NaN.
 */
export function plainDegrees(value: string): number {
  const n = value.length;
  let i = 0;
  while (i < n && i < 4 && isAsciiDigit(value.charCodeAt(i))) i++;
  if (i === 0 || i > 3) return Number.NaN;
  if (i < n) {
    if (value.charCodeAt(i) !== 0x2e || i + 1 === n) return Number.NaN;
    for (let j = i + 1; j < n; j++) if (!isAsciiDigit(value.charCodeAt(j))) return Number.NaN;
  }
  return Number(value);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * True when both halves are plain decimals (`plainDegrees`) inside Japan and the bounds, each on
 * its own axis. Such a pair is not swapped, not incomplete and not outside the prefecture, so
 * each half's only findings are its own (the number of decimals): it can be judged apart.
 */
export function isSeparablePair(latitude: string, longitude: string, bounds?: GeoBounds): boolean {
  return inBox(plainDegrees(latitude), plainDegrees(longitude), pairBox(bounds));
}

/** True when a 緯度/経度 pair certainly draws no finding: 6 decimals, in Japan, in the bounds. */
export function isPlainCoordinatePair(
  latitude: string,
  longitude: string,
  bounds?: GeoBounds,
): boolean {
  return inBox(sixDecimalDegrees(latitude), sixDecimalDegrees(longitude), pairBox(bounds));
}

/** The bounds clipped to Japan: where a pair may lie and draw nothing about its place. */
export function pairBox(bounds?: GeoBounds): GeoBounds {
  const box = bounds ?? JAPAN_BOUNDS;
  return {
    south: Math.max(box.south, JAPAN_BOUNDS.south),
    north: Math.min(box.north, JAPAN_BOUNDS.north),
    west: Math.max(box.west, JAPAN_BOUNDS.west),
    east: Math.min(box.east, JAPAN_BOUNDS.east),
  };
}

/** True when both degrees lie in a `pairBox`, each on its axis (NaN never does). */
export function inBox(lat: number, lng: number, box: GeoBounds): boolean {
  return lat >= box.south && lat <= box.north && lng >= box.west && lng <= box.east;
}
