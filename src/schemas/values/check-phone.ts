import { finalizeCheck, finding, type Inspection } from './check-result.ts';
import { isPlaceholder } from './detect-placeholder.ts';
import { hasValidDigitCount, hyphenatePhoneNumber } from './hyphenate-phone-number.ts';
import { toAsciiValue } from './normalize-half-width.ts';
import type { FindingParams, ValueCheck, ValueFinding } from './types.ts';

/** A single number's findings and, when certain, its conforming spelling. */
interface NumberVerdict {
  findings: ValueFinding[];
  canonical?: string;
}

// GIF 電話番号: half-width digits and `-`; the area code may stand in parentheses
// (`(09)9999-9999`, spec 記入例 `(00)0000-0000`); international `+81 (03)5253-5111`.
const HYPHENATED = /^0\d*-\d+(?:-\d+)?$/;
const PARENTHESISED = /^\(0\d+\)\d+(?:-\d+)?$/;
const INTERNATIONAL = /^\+\d[\d ()-]*\d$/;
// GIF: several numbers are separated by ` / `; these are the other separators seen.
const SEPARATOR = /\s*(?:\/|、|,|;|・|及び|または|又は)\s*/g;
const EXTENSION = /^(.*?\d)\s*\(?\s*(?:内線|内|ext\.?|ex\.?)\s*[:.]?\s*(\d+)\s*\)?$/i;
const LABEL = /^(tel|電話|電話番号|℡|☎)\s*[:.]?\s*(?=[+(\d])/i;
const TRAILING_NOTE = /^([+(\d][\d ()+.-]*\d)\s*\(?([^\d()]+?)\)?$/;

function withExpected(found: string, expected: string | undefined): FindingParams {
  return expected === undefined ? { found } : { found, expected };
}

function inspectNumber(text: string): NumberVerdict {
  const found = text;
  if (text.startsWith('+')) {
    const digits = text.replace(/\D/g, '').length;
    return INTERNATIONAL.test(text) && digits >= 8 && digits <= 15
      ? { findings: [], canonical: text }
      : { findings: [finding('phone_invalid', { found })] };
  }
  if (!/^[\d ().-]+$/.test(text)) return { findings: [finding('phone_invalid', { found })] };
  const digits = text.replace(/\D/g, '');
  if (!hasValidDigitCount(digits)) {
    return { findings: [finding('phone_digit_count', { found, digits: digits.length })] };
  }
  if (HYPHENATED.test(text) || PARENTHESISED.test(text)) return { findings: [], canonical: text };
  if (/^\d+$/.test(text)) {
    const canonical = hyphenatePhoneNumber(digits);
    return { findings: [finding('phone_no_separator', withExpected(found, canonical))], canonical };
  }
  // Spaces, dots or stray parentheses: the publisher's own grouping is kept, joined by `-`.
  const groups = text.split(/\D+/).filter((g) => g !== '');
  const canonical = groups.length >= 2 && groups.length <= 3 ? groups.join('-') : undefined;
  return { findings: [finding('phone_separator', withExpected(found, canonical))], canonical };
}

function inspectAnnotated(text: string): NumberVerdict {
  const extension = EXTENSION.exec(text);
  if (extension !== null) {
    const number = (extension[1] ?? '').trim();
    const params = { found: text, number, extension: extension[2] ?? '' };
    // 内線 belongs in the 内線番号 column: moving it is the validator's call, not a value fix.
    return {
      findings: [finding('phone_extension_in_cell', params), ...inspectNumber(number).findings],
    };
  }
  const label = LABEL.exec(text);
  if (label !== null) {
    const rest = inspectNumber(text.slice(label[0].length));
    const note = finding('phone_note_in_cell', { found: text, note: label[1] ?? '' });
    return { findings: [note, ...rest.findings], canonical: rest.canonical };
  }
  const trailing = TRAILING_NOTE.exec(text);
  if (trailing !== null && /[^\s.-]/.test(trailing[2] ?? '')) {
    const number = trailing[1] ?? '';
    const note = finding('phone_note_in_cell', {
      found: text,
      number,
      note: (trailing[2] ?? '').trim(),
    });
    return { findings: [note, ...inspectNumber(number).findings] };
  }
  return inspectNumber(text);
}

function inspectMultiple(text: string, parts: string[], canonicalSeparators: boolean): Inspection {
  const verdicts = parts.map(inspectAnnotated);
  const findings = verdicts.flatMap((v) => v.findings);
  const canonicals = verdicts.map((v) => v.canonical);
  const all = canonicals.every((c) => c !== undefined) ? canonicals.join(' / ') : undefined;
  if (!canonicalSeparators) {
    findings.unshift(finding('phone_multiple_separator', withExpected(text, all)));
  }
  return { findings, candidate: all };
}

function inspectPhone(value: string): Inspection {
  const found = value.trim();
  if (found === '') return { findings: [] };
  if (isPlaceholder(found))
    return { findings: [finding('placeholder_value', { found })], candidate: '' };
  const ascii = toAsciiValue(found, { symbols: '()-+ ./,;:', hyphens: true });
  const text = ascii.text.replace(/\s+/g, ' ');
  const separators = text.match(SEPARATOR) ?? [];
  let result: Inspection;
  if (separators.length > 0) {
    const parts = text.split(SEPARATOR).filter((p) => p !== '');
    result = inspectMultiple(
      text,
      parts,
      separators.every((s) => s === ' / '),
    );
  } else {
    const tokens = text.split(' ');
    const allComplete = tokens.every((t) => HYPHENATED.test(t) || PARENTHESISED.test(t));
    if (tokens.length > 1 && allComplete) {
      result = inspectMultiple(text, tokens, false);
    } else {
      const single = inspectAnnotated(text);
      result = { findings: single.findings, candidate: single.canonical };
    }
  }
  return { findings: [...ascii.findings, ...result.findings], candidate: result.candidate };
}

/**
 * Checks a 電話番号 value against GIF: `011-123-4567` and `(054)626-1139` conform, several
 * numbers are joined by ` / `. Full-width digits, odd hyphens and separators are fixed; hyphens
 * are inserted only where the numbering plan fixes them; extensions and notes are reported.
 */
export function checkPhone(value: string): ValueCheck {
  return finalizeCheck(value, inspectPhone(value), inspectPhone);
}
