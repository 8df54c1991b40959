import type { ValueFindingCode } from './finding-codes.ts';
import { type FindingMessages, param, quoteEn, quoteJa } from './finding-message.ts';

/** Messages of the 緯度/経度 and 数値 findings. */
export const NUMERIC_MESSAGES = {
  coordinate_invalid: {
    ja: (p) => `緯度・経度として読めません${quoteJa(p)}。`,
    en: (p) => `This is not a coordinate${quoteEn(p)}.`,
    fix_ja: () =>
      '10進数の度（例: 43.064310）で記入してください。未確認の場合は空欄にしてください。',
    fix_en: () => 'Write decimal degrees (e.g. 43.064310); leave the cell empty if unknown.',
  },
  coordinate_dms: {
    ja: (p) =>
      `緯度・経度が度分秒などで書かれています（${param(p, 'found')} → ${param(p, 'expected')}）。`,
    en: (p) =>
      `The coordinate is written in degrees-minutes-seconds (${param(p, 'found')} → ${param(p, 'expected')}).`,
    fix_ja: () => '10進数の度（例: 43.064310）で記入してください。',
    fix_en: () => 'Write decimal degrees (e.g. 43.064310).',
  },
  coordinate_precision_low: {
    ja: (p) => `緯度・経度の小数点以下が${param(p, 'decimals')}桁です${quoteJa(p)}。`,
    en: (p) => `The coordinate has ${param(p, 'decimals')} decimals${quoteEn(p)}.`,
    fix_ja: () => '小数点以下6桁（約10cm単位）が目安です。位置の精度を確認してください。',
    fix_en: () => 'Six decimals (about 10 cm) is the rule; check the precision of the position.',
  },
  coordinate_precision_high: {
    ja: (p) => `緯度・経度の小数点以下が${param(p, 'decimals')}桁あります${quoteJa(p)}。`,
    en: (p) => `The coordinate has ${param(p, 'decimals')} decimals${quoteEn(p)}.`,
    fix_ja: () => '小数点以下6桁に丸めることをおすすめします。',
    fix_en: () => 'Rounding to six decimals is recommended.',
  },
  latitude_outside_japan: {
    ja: (p) => `緯度が日本の範囲（北緯20〜46度）の外です${quoteJa(p)}。`,
    en: (p) => `The latitude lies outside Japan (20–46°N)${quoteEn(p)}.`,
    fix_ja: () => '緯度と経度の入れ違いや入力誤りがないか確認してください。',
    fix_en: () => 'Check for swapped columns or typing errors.',
  },
  longitude_outside_japan: {
    ja: (p) => `経度が日本の範囲（東経122〜154度）の外です${quoteJa(p)}。`,
    en: (p) => `The longitude lies outside Japan (122–154°E)${quoteEn(p)}.`,
    fix_ja: () => '緯度と経度の入れ違いや入力誤りがないか確認してください。',
    fix_en: () => 'Check for swapped columns or typing errors.',
  },
  coordinates_swapped: {
    ja: (p) =>
      `緯度と経度が入れ違っているようです（緯度 ${param(p, 'latitude')}、経度 ${param(p, 'longitude')}）。`,
    en: (p) =>
      `Latitude and longitude seem swapped (latitude ${param(p, 'latitude')}, longitude ${param(p, 'longitude')}).`,
    fix_ja: () =>
      '緯度の列に緯度（北海道では41〜46前後）、経度の列に経度（139〜149前後）を記入してください。',
    fix_en: () =>
      'Put the latitude in the latitude column and the longitude in the longitude column.',
  },
  coordinates_outside_prefecture: {
    ja: (p) =>
      `位置（${param(p, 'latitude')}, ${param(p, 'longitude')}）が公開団体の都道府県の範囲外です。`,
    en: (p) =>
      `The point (${param(p, 'latitude')}, ${param(p, 'longitude')}) lies outside the publisher's prefecture.`,
    fix_ja: () => '地図で位置を確認してください。',
    fix_en: () => 'Check the position on a map.',
  },
  coordinate_pair_incomplete: {
    ja: (p) => `${param(p, 'field') === 'latitude' ? '緯度' : '経度'}だけが空欄です。`,
    en: (p) => `Only the ${param(p, 'field')} is empty.`,
    fix_ja: () => '緯度と経度は両方記入するか、両方空欄にしてください。',
    fix_en: () => 'Fill in both latitude and longitude, or leave both empty.',
  },
  number_thousands_separator: {
    ja: (p) =>
      `数値に桁区切りのカンマがあります（${param(p, 'found')} → ${param(p, 'expected')}）。`,
    en: (p) =>
      `The number has thousands separators (${param(p, 'found')} → ${param(p, 'expected')}).`,
    fix_ja: () => '数値はカンマを付けずに半角数字で記入してください。',
    fix_en: () => 'Write numbers without separators.',
  },
  number_plus_sign: {
    ja: (p) => `数値に「+」が付いています（${param(p, 'found')} → ${param(p, 'expected')}）。`,
    en: (p) => `The number has a "+" sign (${param(p, 'found')} → ${param(p, 'expected')}).`,
    fix_ja: () => '正の数には符号を付けないでください。',
    fix_en: () => 'Write positive numbers without a sign.',
  },
  number_redundant_decimal: {
    ja: (p) => `整数の項目に小数点があります（${param(p, 'found')} → ${param(p, 'expected')}）。`,
    en: (p) =>
      `An integer field has a decimal point (${param(p, 'found')} → ${param(p, 'expected')}).`,
    fix_ja: () => '整数で記入してください。',
    fix_en: () => 'Write an integer.',
  },
  number_with_unit: {
    ja: (p) => `数値に単位や文字（${param(p, 'unit')}）が付いています${quoteJa(p)}。`,
    en: (p) => `The number carries a unit or text (${param(p, 'unit')})${quoteEn(p)}.`,
    fix_ja: () => '数値だけを記入し、単位は項目名や備考で示してください。',
    fix_en: () => 'Write the number only; give the unit in the header or notes.',
  },
  number_scientific: {
    ja: (p) =>
      `数値が指数表記になっています${quoteJa(p)}。Excel で桁が失われている可能性があります。`,
    en: (p) => `The number is in exponent notation${quoteEn(p)}; Excel may have dropped digits.`,
    fix_ja: () =>
      '元のデータから正しい数値を記入してください（セルの書式を「文字列」または「数値」に）。',
    fix_en: () => 'Re-enter the exact number from the source (format the cell as text or number).',
  },
  number_not_integer: {
    ja: (p) => `整数ではありません${quoteJa(p)}。`,
    en: (p) => `This is not an integer${quoteEn(p)}.`,
    fix_ja: () => '整数で記入してください。',
    fix_en: () => 'Write an integer.',
  },
  number_below_min: {
    ja: (p) => `値が最小値 ${param(p, 'min')} より小さくなっています${quoteJa(p)}。`,
    en: (p) => `The value is below the minimum ${param(p, 'min')}${quoteEn(p)}.`,
    fix_ja: () => '値を確認してください。',
    fix_en: () => 'Check the value.',
  },
  number_above_max: {
    ja: (p) => `値が最大値 ${param(p, 'max')} を超えています${quoteJa(p)}。`,
    en: (p) => `The value is above the maximum ${param(p, 'max')}${quoteEn(p)}.`,
    fix_ja: () => '値を確認してください。',
    fix_en: () => 'Check the value.',
  },
  number_invalid: {
    ja: (p) => `数値として読めません${quoteJa(p)}。`,
    en: (p) => `This is not a number${quoteEn(p)}.`,
    fix_ja: () => '半角数字で記入し、説明は備考欄に書いてください。',
    fix_en: () => 'Write half-width digits; put explanations in the notes column.',
  },
} satisfies Partial<Record<ValueFindingCode, FindingMessages>>;
