import { finding } from './check-result.ts';
import type { ValueFinding } from './types.ts';

/** Options of `normalizeHalfWidth`. */
export interface HalfWidthOptions {
  /** ASCII symbols whose full-width forms are also converted, e.g. `':'` or `'-()+ '` (a space converts U+3000). */
  symbols?: string;
}

const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = '\u3000';

/**
 * NFKC restricted to full-width digits and ASCII letters, plus the listed ASCII symbols: unlike a
 * plain NFKC it leaves every other character of a Japanese string alone (`（` stays in `料金（基本）`).
 */
export function normalizeHalfWidth(value: string, options: HalfWidthOptions = {}): string {
  if (!hasWideForm(value, false)) return value;
  const symbols = options.symbols ?? '';
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === IDEOGRAPHIC_SPACE) {
      out += symbols.includes(' ') ? ' ' : ch;
    } else if (code >= 0xff01 && code <= 0xff5e) {
      const ascii = String.fromCodePoint(code - FULLWIDTH_OFFSET);
      out += ALNUM.test(ascii) || symbols.includes(ascii) ? ascii : ch;
    } else {
      out += ch;
    }
  }
  return out;
}

const ALNUM = /[0-9A-Za-z]/;

// Dash-like characters seen where a hyphen-minus was meant: ‐ ‑ ‒ – — ― − － ー ｰ ﹣ ─.
// Only safe to unify inside values that are wholly numeric (phone, postal code, date, number);
// in Japanese text U+30FC is the long-vowel mark.
const DASH_VARIANTS = /[\u2010-\u2015\u2212\uff0d\u30fc\uff70\ufe63\u2500]/g;
const FULLWIDTH_DIGIT = /[\uff10-\uff19]/;
const FULLWIDTH_DIGITS = /[\uff10-\uff19]/g;

/**
 * True when the value holds a character the functions below may rewrite: a full-width form
 * (U+FF01–U+FF5E), U+3000 or, with `dashes`, a `DASH_VARIANTS` character. Without one they return
 * the value as it is, so this one scan spares them their rebuilding and regular expressions.
 */
function hasWideForm(value: string, dashes: boolean): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x2010) continue;
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) return true;
    if (
      dashes &&
      ((c >= 0x2010 && c <= 0x2015) ||
        c === 0x2212 ||
        c === 0x30fc ||
        c === 0xff70 ||
        c === 0xfe63 ||
        c === 0x2500)
    )
      return true;
  }
  return false;
}

/** Replaces every dash-like character with ASCII `-`; for numeric values only. */
export function normalizeHyphens(value: string): string {
  return value.replace(DASH_VARIANTS, '-');
}

/**
 * Normalises a value that should be written in ASCII only (digits, letters, the given symbols,
 * optionally dashes) and reports what was full-width or a non-standard hyphen.
 */
export function toAsciiValue(
  value: string,
  options: { symbols?: string; hyphens?: boolean } = {},
): { text: string; findings: ValueFinding[] } {
  if (!hasWideForm(value, options.hyphens === true)) return { text: value, findings: [] };
  const symbols = options.symbols ?? '';
  const halfWidth = normalizeHalfWidth(value, { symbols });
  const findings: ValueFinding[] = [];
  if (FULLWIDTH_DIGIT.test(value)) findings.push(finding('fullwidth_digits', { found: value }));
  const others = normalizeHalfWidth(value.replace(FULLWIDTH_DIGITS, ''), { symbols });
  if (others !== value.replace(FULLWIDTH_DIGITS, '')) {
    findings.push(finding('fullwidth_characters', { found: value }));
  }
  if (options.hyphens !== true) return { text: halfWidth, findings };
  const text = normalizeHyphens(halfWidth);
  if (text !== halfWidth) findings.push(finding('nonstandard_hyphen', { found: value }));
  return { text, findings };
}
