import type { Severity } from './types.ts';

/**
 * Every finding code the value rules emit, with its one severity. A code never changes severity,
 * so the validator and the messages can rely on it.
 */
export const FINDING_SEVERITY = {
  // shared by the typed checkers
  fullwidth_digits: 'warning',
  fullwidth_characters: 'warning',
  nonstandard_hyphen: 'warning',
  placeholder_value: 'warning',
  // text hygiene (every cell)
  surrounding_whitespace: 'warning',
  control_character: 'error',
  invisible_character: 'warning',
  formula_prefix: 'notice',
  halfwidth_katakana: 'warning',
  fullwidth_alphanumeric_in_text: 'notice',
  // 全国地方公共団体コード
  municipality_code_check_digit: 'error',
  municipality_code_missing_check_digit: 'warning',
  municipality_code_lost_leading_zero: 'warning',
  municipality_code_ambiguous: 'error',
  municipality_code_unknown_prefecture: 'error',
  municipality_code_other_prefecture: 'warning',
  municipality_code_invalid: 'error',
  // 日付 / 日付時刻
  date_not_iso: 'warning',
  date_invalid: 'error',
  date_impossible: 'error',
  date_era_out_of_range: 'error',
  date_before_gregorian_calendar: 'error',
  date_year_only: 'warning',
  datetime_not_iso: 'warning',
  datetime_missing_offset: 'warning',
  datetime_date_only: 'warning',
  datetime_invalid: 'error',
  // 時刻
  time_not_hhmm: 'warning',
  time_end_of_day: 'notice',
  time_with_seconds: 'notice',
  time_all_day: 'warning',
  time_range: 'warning',
  time_ambiguous: 'error',
  time_invalid: 'error',
  // 電話番号
  phone_no_separator: 'warning',
  phone_separator: 'warning',
  phone_extension_in_cell: 'warning',
  phone_note_in_cell: 'warning',
  phone_multiple_separator: 'warning',
  phone_digit_count: 'error',
  phone_invalid: 'error',
  // 郵便番号
  postal_code_hyphen: 'warning',
  postal_code_mark: 'warning',
  postal_code_lost_leading_zero: 'warning',
  postal_code_invalid: 'error',
  // 緯度 / 経度
  coordinate_invalid: 'error',
  coordinate_dms: 'error',
  coordinate_precision_low: 'notice',
  coordinate_precision_high: 'notice',
  latitude_outside_japan: 'error',
  longitude_outside_japan: 'error',
  coordinates_swapped: 'error',
  coordinates_outside_prefecture: 'warning',
  coordinate_pair_incomplete: 'error',
  // 有無 / フラグ
  flag_not_allowed: 'warning',
  flag_invalid: 'error',
  // 数値
  number_thousands_separator: 'warning',
  number_plus_sign: 'warning',
  number_redundant_decimal: 'warning',
  number_with_unit: 'warning',
  number_scientific: 'error',
  number_not_integer: 'error',
  number_below_min: 'error',
  number_above_max: 'error',
  number_invalid: 'error',
  // URL
  url_missing_scheme: 'warning',
  url_multiple: 'warning',
  url_non_ascii: 'notice',
  url_scheme: 'error',
  url_contains_space: 'error',
  url_invalid: 'error',
} as const satisfies Record<string, Severity>;

/** A stable finding code (snake_case). */
export type ValueFindingCode = keyof typeof FINDING_SEVERITY;

/** All finding codes, for tests and documentation. */
export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as ValueFindingCode[]; // keys of a const literal: exactly ValueFindingCode
