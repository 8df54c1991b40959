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
  const symbols = options.symbols ?? '';
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === IDEOGRAPHIC_SPACE) {
      out += symbols.includes(' ') ? ' ' : ch;
    } else if (code >= 0xff01 && code <= 0xff5e) {
      const ascii = String.fromCodePoint(code - FULLWIDTH_OFFSET);
      out += /[0-9A-Za-z]/.test(ascii) || symbols.includes(ascii) ? ascii : ch;
    } else {
      out += ch;
    }
  }
  return out;
}

// Dash-like characters seen where a hyphen-minus was meant: ‐ ‑ ‒ – — ― − － ー ｰ ﹣ ─.
// Only safe to unify inside values that are wholly numeric (phone, postal code, date, number);
// in Japanese text U+30FC is the long-vowel mark.
const DASH_VARIANTS = /[\u2010-\u2015\u2212\uff0d\u30fc\uff70\ufe63\u2500]/g;

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
  const symbols = options.symbols ?? '';
  const halfWidth = normalizeHalfWidth(value, { symbols });
  const findings: ValueFinding[] = [];
  if (/[\uff10-\uff19]/.test(value)) findings.push(finding('fullwidth_digits', { found: value }));
  const others = normalizeHalfWidth(value.replace(/[\uff10-\uff19]/g, ''), { symbols });
  if (others !== value.replace(/[\uff10-\uff19]/g, '')) {
    findings.push(finding('fullwidth_characters', { found: value }));
  }
  if (options.hyphens !== true) return { text: halfWidth, findings };
  const text = normalizeHyphens(halfWidth);
  if (text !== halfWidth) findings.push(finding('nonstandard_hyphen', { found: value }));
  return { text, findings };
}
