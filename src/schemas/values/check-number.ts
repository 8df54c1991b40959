import { finalizeWith, finding, type Inspection } from './check-result.ts';
import { isPlaceholder } from './detect-placeholder.ts';
import { toAsciiValue } from './normalize-half-width.ts';
import type { ValueCheck, ValueFinding } from './types.ts';

/** Options of `checkNumber`. */
export interface NumberOptions {
  integer?: boolean;
  min?: number;
  max?: number;
}

// 定義書: 数値（半角数字）; 機械可読性ルール L2-01: no units, no thousands separators.
const PLAIN = /^-?\d+(?:\.\d+)?$/;
const PLUS = /^\+(\d+(?:\.\d+)?)$/;
const GROUPED = /^(-?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;
const SCIENTIFIC = /^[+-]?\d[\d,]*(?:\.\d+)?[eE][+-]?\d+$/;
// A number followed by a short unit or note (`10台`, `5m`, `810人（…）`); no digits in the unit.
const WITH_UNIT = /^(-?\d[\d,]*(?:\.\d+)?)\s*([^\d\s][^\d]{0,19})$/;

function rangeFindings(text: string, options: NumberOptions, found: string): ValueFinding[] {
  const n = Number(text);
  const findings: ValueFinding[] = [];
  if (options.integer === true && !/^-?\d+$/.test(text)) {
    findings.push(finding('number_not_integer', { found }));
  }
  if (options.min !== undefined && n < options.min) {
    findings.push(finding('number_below_min', { found, min: options.min }));
  }
  if (options.max !== undefined && n > options.max) {
    findings.push(finding('number_above_max', { found, max: options.max }));
  }
  return findings;
}

function inspectNumber(value: string, options: NumberOptions): Inspection {
  const found = value.trim();
  if (found === '') return { findings: [] };
  // `-` in a statistics table means "zero" as often as "unknown": reported, never fixed.
  if (isPlaceholder(found)) return { findings: [finding('placeholder_value', { found })] };
  const ascii = toAsciiValue(found, { symbols: '+-.,', hyphens: true });
  const text = ascii.text;
  const findings = [...ascii.findings];
  let candidate = text;
  const plus = PLUS.exec(text);
  const grouped = GROUPED.exec(text);
  if (plus !== null) {
    candidate = plus[1] ?? '';
    findings.push(finding('number_plus_sign', { found, expected: candidate }));
  } else if (grouped !== null) {
    candidate = `${grouped[1]}${(grouped[2] ?? '').replace(/,/g, '')}${grouped[3] ?? ''}`;
    findings.push(finding('number_thousands_separator', { found, expected: candidate }));
  } else if (SCIENTIFIC.test(text)) {
    // Excel writes long numbers as 1.23457E+12 after dropping digits: the original is lost.
    return { findings: [...findings, finding('number_scientific', { found })] };
  } else if (!PLAIN.test(text)) {
    const unit = WITH_UNIT.exec(text);
    const params = { found, number: unit?.[1] ?? '', unit: (unit?.[2] ?? '').trim() };
    const code = unit === null ? 'number_invalid' : 'number_with_unit';
    return { findings: [...findings, finding(code, unit === null ? { found } : params)] };
  }
  const zeroFraction = /^(-?\d+)\.0+$/.exec(candidate);
  if (options.integer === true && zeroFraction !== null) {
    candidate = zeroFraction[1] ?? '';
    findings.push(finding('number_redundant_decimal', { found, expected: candidate }));
  }
  findings.push(...rangeFindings(candidate, options, found));
  return { findings, candidate };
}

/**
 * Checks a 数値 cell: half-width digits with an optional `-` and decimals conform; thousands
 * separators, `+`, full-width digits and `2.0` in integer columns are fixed; units, exponents,
 * non-integers and out-of-range values are reported.
 */
export function checkNumber(value: string, options: NumberOptions = {}): ValueCheck {
  return finalizeWith(value, inspectNumber(value, options), inspectNumber, options);
}
