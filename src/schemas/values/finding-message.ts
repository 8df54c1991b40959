import type { FindingParams } from './types.ts';

/** The texts of one finding code: what is wrong and how to fix it, in Japanese and English. */
export interface FindingMessages {
  ja: (params: FindingParams) => string;
  en: (params: FindingParams) => string;
  fix_ja: (params: FindingParams) => string;
  fix_en: (params: FindingParams) => string;
}

/** A param as text, empty when absent, so that a message never shows `undefined`. */
export function param(params: FindingParams, key: string): string {
  const value = params[key];
  return value === undefined ? '' : String(value);
}

/** `（found）` in Japanese messages, or nothing when the value is unknown. */
export function quoteJa(params: FindingParams, key = 'found'): string {
  const value = param(params, key);
  return value === '' ? '' : `（「${value}」）`;
}

/** ` ("found")` in English messages, or nothing when the value is unknown. */
export function quoteEn(params: FindingParams, key = 'found'): string {
  const value = param(params, key);
  return value === '' ? '' : ` ("${value}")`;
}

/** `（found → expected）` in Japanese messages, falling back to `quoteJa` without an expected value. */
export function arrowJa(params: FindingParams): string {
  const expected = param(params, 'expected');
  return expected === '' ? quoteJa(params) : `（${param(params, 'found')} → ${expected}）`;
}

/** ` (found → expected)` in English messages, falling back to `quoteEn` without an expected value. */
export function arrowEn(params: FindingParams): string {
  const expected = param(params, 'expected');
  return expected === '' ? quoteEn(params) : ` (${param(params, 'found')} → ${expected})`;
}
