import { finalizeWith, finding, type Inspection } from './check-result.ts';
import { computeCheckDigit, hasValidCheckDigit } from './compute-check-digit.ts';
import { isPlaceholder } from './detect-placeholder.ts';
import { toAsciiValue } from './normalize-half-width.ts';
import type { ValueCheck, ValueFinding } from './types.ts';

/** Options of `checkMunicipalityCode`. */
export interface MunicipalityCodeOptions {
  /** 2-digit 都道府県コード the code is expected in (the publisher's prefecture), e.g. `'01'`. */
  prefectureCode?: string;
}

function isPrefecture(two: string): boolean {
  const n = Number(two);
  return /^\d{2}$/.test(two) && n >= 1 && n <= 47;
}

function fits(code: string, options: MunicipalityCodeOptions): boolean {
  const prefecture = code.slice(0, 2);
  if (!isPrefecture(prefecture)) return false;
  return options.prefectureCode === undefined || options.prefectureCode === prefecture;
}

/** Reading A: a bare 5-digit code; the 6-digit code is it plus its check digit. */
function bareReading(five: string, options: MunicipalityCodeOptions): string | undefined {
  const full = `${five}${computeCheckDigit(five) ?? ''}`;
  return full.length === 6 && fits(full, options) ? full : undefined;
}

/** Reading B: a 6-digit code whose leading zero a spreadsheet dropped (`12301` for `012301`). */
function lostZeroReading(five: string, options: MunicipalityCodeOptions): string | undefined {
  const full = `0${five}`;
  return hasValidCheckDigit(full) && fits(full, options) ? full : undefined;
}

function inspectSix(code: string, options: MunicipalityCodeOptions): ValueFinding[] {
  if (!hasValidCheckDigit(code)) {
    const expected = `${code.slice(0, 5)}${computeCheckDigit(code.slice(0, 5)) ?? ''}`;
    return [finding('municipality_code_check_digit', { found: code, expected })];
  }
  const prefecture = code.slice(0, 2);
  if (!isPrefecture(prefecture)) {
    return [finding('municipality_code_unknown_prefecture', { found: code, prefecture })];
  }
  if (options.prefectureCode !== undefined && options.prefectureCode !== prefecture) {
    return [
      finding('municipality_code_other_prefecture', {
        found: code,
        prefecture,
        expected: options.prefectureCode,
      }),
    ];
  }
  return [];
}

function inspectMunicipalityCode(value: string, options: MunicipalityCodeOptions): Inspection {
  const trimmed = value.trim();
  if (trimmed === '') return { findings: [] };
  if (isPlaceholder(trimmed)) {
    return { findings: [finding('placeholder_value', { found: trimmed })], candidate: '' };
  }
  const { text: code, findings } = toAsciiValue(trimmed);
  if (!/^\d+$/.test(code)) {
    return { findings: [...findings, finding('municipality_code_invalid', { found: trimmed })] };
  }
  if (code.length === 6) {
    return { findings: [...findings, ...inspectSix(code, options)], candidate: code };
  }
  if (code.length === 5) {
    const bare = bareReading(code, options);
    const lostZero = lostZeroReading(code, options);
    if (bare !== undefined && lostZero !== undefined) {
      const ambiguous = finding('municipality_code_ambiguous', {
        found: code,
        bare,
        lost_zero: lostZero,
      });
      return { findings: [...findings, ambiguous] };
    }
    if (bare !== undefined) {
      const missing = finding('municipality_code_missing_check_digit', {
        found: code,
        expected: bare,
      });
      return { findings: [...findings, missing], candidate: bare };
    }
    if (lostZero !== undefined) {
      const lost = finding('municipality_code_lost_leading_zero', {
        found: code,
        expected: lostZero,
      });
      return { findings: [...findings, lost], candidate: lostZero };
    }
  }
  // Four digits: a bare 5-digit code that also lost its leading zero (`1100` for `01100`).
  const bareFromFour = code.length === 4 ? bareReading(`0${code}`, options) : undefined;
  if (bareFromFour !== undefined) {
    const params = { found: code, expected: bareFromFour };
    return {
      findings: [
        ...findings,
        finding('municipality_code_lost_leading_zero', params),
        finding('municipality_code_missing_check_digit', params),
      ],
      candidate: bareFromFour,
    };
  }
  return { findings: [...findings, finding('municipality_code_invalid', { found: trimmed })] };
}

/**
 * Checks a 全国地方公共団体コード: six digits with a valid check digit (prefecture codes such as
 * `010006` included). A 5-digit value is fixed only when exactly one reading fits: bare code
 * without check digit (`37201` → `372013`) or lost leading zero (`12301` → `012301`).
 */
export function checkMunicipalityCode(
  value: string,
  options: MunicipalityCodeOptions = {},
): ValueCheck {
  return finalizeWith(
    value,
    inspectMunicipalityCode(value, options),
    inspectMunicipalityCode,
    options,
  );
}
