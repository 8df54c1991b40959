import { finalizeCheck, finding, type Inspection } from './check-result.ts';
import { normalizeHalfWidth } from './normalize-half-width.ts';
import type { ValueCheck, ValueFinding } from './types.ts';

// C0, DEL, C1 and the Unicode line/paragraph separators: no control character is allowed inside
// a cell (機械可読性ルール L1-14: no line breaks inside a record).
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// Invisible characters that are safe to drop (ZWJ/ZWNJ are left alone: emoji and scripts use them).
const INVISIBLE = /[\u200b\u2060\ufeff]/g;
const HALFWIDTH_KATAKANA_RUN = /[\uff61-\uff9f]+/g;
const FULLWIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;
// Values that start like a spreadsheet formula but are data: signed numbers (also with
// thousands separators and exponents), international phone numbers (`+81 (03)5253-5111`, GIF
// 電話番号) and dashes alone (`-`, `--`).
const BENIGN_SIGNED = [
  /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?(?:[eE][+-]?\d+)?$/,
  /^[+-]?\.\d+$/,
  /^\+\d[\d ()-]*\d$/,
  /^-+$/,
];

/**
 * True when a spreadsheet would read the value as a formula (CSV injection: `=`, `+`, `-`, `@`
 * first, also after leading spaces, tabs or CRs), except for signed numbers, `+81…` phone
 * numbers and dashes alone.
 */
export function hasFormulaPrefix(value: string): boolean {
  // Most values start with a character that is not a space: decide on it without a new string.
  const first = value.charCodeAt(0);
  if (!isSpaceCode(first) && first !== 0x3d && first !== 0x2b && first !== 0x2d && first !== 0x40)
    return false;
  const start = value.replace(LEADING_SPACE, '');
  if (!/^[=+\-@]/.test(start)) return false;
  return !BENIGN_SIGNED.some((re) => re.test(start.trimEnd()));
}

const LEADING_SPACE = /^[\s\u3000]+/;

/** The code units `\s` matches. */
function isSpaceCode(c: number): boolean {
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

/**
 * True when the value may hold what the expressions below look for: a control character (\p{Cc}:
 * U+0000–U+001F, U+007F–U+009F), U+2028/U+2029, an `INVISIBLE` character, half-width katakana or
 * a full-width letter or digit. One scan instead of four expressions on every clean value.
 */
function maySuspect(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if (c < 0x2000) continue;
    if (c === 0x2028 || c === 0x2029 || c === 0x200b || c === 0x2060 || c === 0xfeff) return true;
    if (c >= 0xff10 && c <= 0xff9f) return true;
  }
  return false;
}

function inspectTextHygiene(value: string): Inspection {
  const findings: ValueFinding[] = [];
  let candidate = value.trim();
  if (candidate !== value) findings.push(finding('surrounding_whitespace'));
  if (!maySuspect(candidate)) {
    if (hasFormulaPrefix(value)) findings.push(finding('formula_prefix', { found: value.trim() }));
    return { findings, candidate };
  }
  const control = CONTROL.exec(candidate);
  if (control !== null) {
    const codepoint = (control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    findings.push(finding('control_character', { codepoint: `U+${codepoint}` }));
  }
  if (candidate.search(INVISIBLE) !== -1) {
    findings.push(finding('invisible_character'));
    candidate = candidate.replace(INVISIBLE, '');
  }
  if (hasFormulaPrefix(value)) findings.push(finding('formula_prefix', { found: value.trim() }));
  if (candidate.search(HALFWIDTH_KATAKANA_RUN) !== -1) {
    findings.push(finding('halfwidth_katakana', { found: value }));
    candidate = candidate.replace(HALFWIDTH_KATAKANA_RUN, (run) => run.normalize('NFKC'));
  }
  if (FULLWIDTH_ALNUM.test(candidate)) {
    findings.push(finding('fullwidth_alphanumeric_in_text', { found: value }));
    candidate = normalizeHalfWidth(candidate);
  }
  return { findings, candidate };
}

/**
 * Checks what every cell must respect whatever its column: no surrounding spaces (incl. U+3000),
 * no control or invisible characters, no half-width katakana; flags formula-like values and
 * full-width letters or digits in text.
 */
export function checkTextHygiene(value: string): ValueCheck {
  return finalizeCheck(value, inspectTextHygiene(value), inspectTextHygiene);
}
