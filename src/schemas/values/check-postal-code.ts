import { finalizeCheck, finding, type Inspection } from './check-result.ts';
import { isPlaceholder } from './detect-placeholder.ts';
import { toAsciiValue } from './normalize-half-width.ts';
import type { ValueCheck, ValueFinding } from './types.ts';

// GIF 郵便番号 (and the spec 記入例 `1234567`): seven half-width digits WITHOUT a hyphen.
const CONFORMING = /^\d{7}$/;
const HYPHENATED = /^(\d{3})\s*-\s*(\d{4})$/;
const SPACED = /^(\d{3})\s+(\d{4})$/;
const POSTAL_MARK = /^(?:〒|〶|〠|郵便番号|zip)\s*[:：]?\s*/i;

function inspectPostalCode(value: string): Inspection {
  const found = value.trim();
  if (found === '') return { findings: [] };
  if (isPlaceholder(found))
    return { findings: [finding('placeholder_value', { found })], candidate: '' };
  const findings: ValueFinding[] = [];
  const mark = POSTAL_MARK.exec(found);
  if (mark !== null) findings.push(finding('postal_code_mark', { found }));
  const ascii = toAsciiValue(found.slice(mark?.[0].length ?? 0), { symbols: '- ', hyphens: true });
  findings.push(...ascii.findings);
  const text = ascii.text.trim();
  if (CONFORMING.test(text)) return { findings, candidate: text };
  const grouped = HYPHENATED.exec(text) ?? SPACED.exec(text);
  if (grouped !== null) {
    const expected = `${grouped[1]}${grouped[2]}`;
    findings.push(finding('postal_code_hyphen', { found, expected }));
    return { findings, candidate: expected };
  }
  // Six digits: most likely a spreadsheet dropped the leading zero (all Hokkaido codes start with
  // 0), but a mistyped digit reads the same, so no fix.
  if (/^\d{6}$/.test(text) || /^\d{2}-\d{4}$/.test(text)) {
    const expected = `0${text.replace('-', '')}`;
    findings.push(finding('postal_code_lost_leading_zero', { found, expected }));
    return { findings };
  }
  findings.push(finding('postal_code_invalid', { found }));
  return { findings };
}

/**
 * Checks a 郵便番号: seven digits without hyphen conform (GIF 郵便番号, spec 例 `1234567`);
 * `060-0001`, `〒060-0001` and full-width digits are fixed to `0600001`.
 */
export function checkPostalCode(value: string): ValueCheck {
  return finalizeCheck(value, inspectPostalCode(value), inspectPostalCode);
}
