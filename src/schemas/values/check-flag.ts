import { finalizeWith, finding, type Inspection } from './check-result.ts';
import { normalizeHalfWidth } from './normalize-half-width.ts';
import type { ValueCheck } from './types.ts';

/** Options of `checkFlag`. */
export interface FlagOptions {
  /** The column's allowed values: `['1', '']` (災害種別_*) by default, `['有', '無']` for 有無 columns. */
  allowed?: readonly string[];
}

// Spellings of yes and no seen in municipal files (焼津市 `○` for 1, 北杜市 `0` for 無).
const TRUTHY = new Set([
  '1',
  '○',
  '〇',
  '◯',
  '有',
  '有り',
  'あり',
  'yes',
  'y',
  'true',
  'はい',
  '可',
]);
const FALSY = new Set([
  '',
  '0',
  '×',
  '✕',
  '✖',
  '無',
  '無し',
  'なし',
  'no',
  'n',
  'false',
  'いいえ',
  '不可',
]);

function polarity(value: string): 'yes' | 'no' | undefined {
  const key = value.toLowerCase();
  if (TRUTHY.has(key)) return 'yes';
  if (FALSY.has(key)) return 'no';
  return undefined;
}

/** The allowed value meaning yes or no, when exactly one does (a non-empty "no" wins over ''). */
function targetFor(meaning: 'yes' | 'no', allowed: readonly string[]): string | undefined {
  const matches = allowed.filter((a) => polarity(a) === meaning);
  if (matches.length === 1) return matches[0];
  const explicit = matches.filter((a) => a !== '');
  return meaning === 'no' && explicit.length === 1 ? explicit[0] : undefined;
}

function inspectFlag(value: string, allowed: readonly string[]): Inspection {
  const found = value.trim();
  // Empty means "not stated" in 有無 columns and "no" in 1/empty columns: never rewritten.
  if (allowed.includes(value) || found === '') return { findings: [] };
  const normalized = normalizeHalfWidth(found);
  const expectedText = allowed.map((a) => (a === '' ? '（空欄）' : a)).join(' / ');
  if (allowed.includes(normalized)) {
    return {
      findings: [
        finding('flag_not_allowed', { found, expected: normalized, allowed: expectedText }),
      ],
      candidate: normalized,
    };
  }
  const meaning = polarity(normalized);
  const target = meaning === undefined ? undefined : targetFor(meaning, allowed);
  if (target === undefined) {
    return { findings: [finding('flag_invalid', { found, allowed: expectedText })] };
  }
  const params = { found, expected: target === '' ? '（空欄）' : target, allowed: expectedText };
  return { findings: [finding('flag_not_allowed', params)], candidate: target };
}

/**
 * Checks a flag or 有無 cell against the allowed values (default `1` / empty, as in 災害種別_*):
 * yes-like (`○`, `有`, `あり`, `Yes`) and no-like (`×`, `無`, `なし`, `0`) spellings are fixed to
 * the allowed value of the same meaning when exactly one exists.
 */
export function checkFlag(value: string, options: FlagOptions = {}): ValueCheck {
  const allowed = options.allowed ?? ['1', ''];
  return finalizeWith(value, inspectFlag(value, allowed), inspectFlag, allowed);
}
