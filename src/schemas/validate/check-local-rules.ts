import { ENGINE_CODES, type EngineCode } from './engine-messages.ts';
import type { IssueSeverity } from './report-types.ts';
import { isPlaceholder, normalizeHalfWidth } from './value-rules.ts';

/** A finding of any origin (value checkers or the validator's own rules). */
export interface Finding {
  code: string;
  severity: IssueSeverity;
  params?: Readonly<Record<string, string | number>>;
}

/** The verdict of one rule on one value; `fixed` only when certain. */
export interface RuleCheck {
  findings: Finding[];
  fixed?: string;
}

/** A finding of a validator code, with the code's one severity. */
export function engineFinding(
  code: EngineCode,
  params?: Readonly<Record<string, string | number>>,
): Finding {
  const severity = ENGINE_CODES[code].severity;
  return params === undefined ? { code, severity } : { code, severity, params };
}

const OK: RuleCheck = { findings: [] };

/** 統制語彙: the value must be one of the listed ones; a width/space variant of one is fixed. */
export function checkEnum(value: string, allowed: readonly string[]): RuleCheck {
  if (allowed.includes(value)) return OK;
  const key = comparable(value);
  const matches = allowed.filter((a) => comparable(a) === key);
  const [only] = matches;
  if (matches.length === 1 && only !== undefined)
    return { findings: [engineFinding('enum_variant', { value, fixed: only })], fixed: only };
  return { findings: [engineFinding('enum_invalid', { value, allowed: allowed.join('／') })] };
}

function comparable(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u3000]/g, '')
    .toLowerCase();
}

// Kanji and hiragana in a 全角カナ item (名称_カナ); katakana, long vowel marks, digits, letters,
// spaces and brackets are left alone, half-width katakana is the text-hygiene rule's business.
const NOT_KANA = /[\u3041-\u3096\u4e00-\u9fff\u3400-\u4dbf]/u;

/** 文字列（全角カナ）: warns when kanji or hiragana appear. */
export function checkKana(value: string): RuleCheck {
  return NOT_KANA.test(value) ? { findings: [engineFinding('kana_expected')] } : OK;
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** 連絡先メールアドレス: one address; a full-width spelling of one is fixed. */
export function checkEmail(value: string): RuleCheck {
  if (EMAIL.test(value)) return OK;
  const half = normalizeHalfWidth(value, { symbols: '@.-_+' });
  if (half !== value && EMAIL.test(half))
    return { findings: [{ code: 'fullwidth_characters', severity: 'warning' }], fixed: half };
  return { findings: [engineFinding('email_invalid', { value })] };
}

/**
 * 文字列（半角英数字）: full-width letters and digits are converted (certain); then the item's
 * pattern, if any, must match.
 */
export function checkHalfWidth(value: string, pattern: RegExp | null, format: string): RuleCheck {
  const half = normalizeHalfWidth(value, { symbols: '-' });
  const findings: Finding[] = [];
  if (half !== value) findings.push({ code: 'fullwidth_characters', severity: 'warning' });
  if (pattern && !pattern.test(half))
    findings.push(engineFinding('pattern_mismatch', { value, format }));
  return half !== value ? { findings, fixed: half } : { findings };
}

const OTHER_SEPARATOR = /[、，,]/;

/** Several values in one cell must be separated by 「;」 (定義書A-03 対象となる町会・自治会). */
export function checkListSeparator(value: string): RuleCheck {
  return hasOtherSeparator(value) ? { findings: [engineFinding('list_separator')] } : OK;
}

function hasOtherSeparator(value: string): boolean {
  return !value.includes(';') && OTHER_SEPARATOR.test(value);
}

// 「緯度経度を確認」 (焼津市 公衆トイレ 設置位置): a pointer to other items instead of a value.
const REFERENCE = /^.{1,12}を(?:ご)?(?:確認|参照)(?:のこと|してください|ください|下さい)?[。.]?$/u;

/** A cell that only refers the reader to another item. */
export function checkReference(value: string): RuleCheck {
  return REFERENCE.test(value)
    ? { findings: [engineFinding('placeholder_reference', { value })] }
    : OK;
}

// Clock times written as prose: `9:00`, `９時`, `午前8時45分`.
const CLOCK = /[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}|[0-9０-９]{1,2}\s*時/u;

/** True when a remarks cell holds clock times. */
export function mentionsClockTime(value: string): boolean {
  return CLOCK.test(value);
}

const PREFECTURES = new Set(
  (
    '北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 ' +
    '新潟県 富山県 石川県 福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 ' +
    '奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 ' +
    '熊本県 大分県 宮崎県 鹿児島県 沖縄県'
  ).split(' '),
);

// The prefectures by their first character: a prefix test without slicing the value.
const PREFECTURES_BY_HEAD = new Map<number, string[]>();
for (const name of PREFECTURES) {
  const head = name.charCodeAt(0);
  PREFECTURES_BY_HEAD.set(head, [...(PREFECTURES_BY_HEAD.get(head) ?? []), name]);
}

/** True when the value starts with a prefecture's name (all are 3 or 4 characters long). */
function startsWithPrefecture(value: string): boolean {
  const names = PREFECTURES_BY_HEAD.get(value.charCodeAt(0));
  if (names === undefined) return false;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] ?? '';
    if (value.startsWith(name)) return true;
  }
  return false;
}

/** 所在地_連結表記 is written 「都道府県から」 (定義書A-13 No.9); so are most 住所 values. */
export function checkAddress(value: string): RuleCheck {
  return startsWithPrefecture(value)
    ? OK
    : { findings: [engineFinding('address_without_prefecture', { value })] };
}

/** Fast-path test: a clean free-text value that no text rule flags (no placeholder, reference, list). */
export function isClearlyText(value: string, list: boolean): boolean {
  if (value.length <= 4 && isPlaceholder(value)) return false;
  if (value.includes('を') && REFERENCE.test(value)) return false;
  return !list || !hasOtherSeparator(value);
}

/** Fast-path test for `address`. */
export function isClearlyAddress(value: string): boolean {
  return startsWithPrefecture(value);
}

/** Fast-path test for `kana`: `NOT_KANA` as a loop (its ranges hold no surrogates). */
export function isClearlyKana(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (
      (c >= 0x3041 && c <= 0x3096) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf)
    )
      return false;
  }
  return true;
}
