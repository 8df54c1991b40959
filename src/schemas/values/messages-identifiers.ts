import type { ValueFindingCode } from './finding-codes.ts';
import { type FindingMessages, param, quoteEn, quoteJa } from './finding-message.ts';

/** Messages of the 全国地方公共団体コード, flag and 郵便番号 findings. */
export const IDENTIFIER_MESSAGES = {
  municipality_code_check_digit: {
    ja: (p) =>
      `全国地方公共団体コードの検査数字が正しくありません（${param(p, 'found')} → 正しくは ${param(p, 'expected')}）。`,
    en: (p) =>
      `The check digit of the local government code is wrong (${param(p, 'found')}; expected ${param(p, 'expected')}).`,
    fix_ja: () =>
      '総務省の全国地方公共団体コード表で6桁のコードを確認してください（どの桁の誤りかは自動では判断できません）。',
    fix_en: () =>
      'Look the 6-digit code up in the MIC code list; which digit is wrong cannot be told automatically.',
  },
  municipality_code_missing_check_digit: {
    ja: (p) =>
      `全国地方公共団体コードに検査数字がありません（${param(p, 'found')} → ${param(p, 'expected')}）。`,
    en: (p) =>
      `The local government code lacks its check digit (${param(p, 'found')} → ${param(p, 'expected')}).`,
    fix_ja: () => '検査数字を含む6桁で記入してください。',
    fix_en: () => 'Write the 6-digit code including the check digit.',
  },
  municipality_code_lost_leading_zero: {
    ja: (p) =>
      `全国地方公共団体コードの先頭の0が欠けています（${param(p, 'found')} → ${param(p, 'expected')}）。Excel で数値として扱われた可能性があります。`,
    en: (p) =>
      `The leading zero of the local government code is missing (${param(p, 'found')} → ${param(p, 'expected')}); Excel probably treated it as a number.`,
    fix_ja: () => 'セルの書式を「文字列」にして、先頭の0を含む6桁で記入してください。',
    fix_en: () => 'Format the cell as text and write all 6 digits, leading zero included.',
  },
  municipality_code_ambiguous: {
    ja: (p) =>
      `5桁の全国地方公共団体コード「${param(p, 'found')}」は ${param(p, 'bare')}（検査数字なし）とも ${param(p, 'lost_zero')}（先頭の0の欠落）とも読めます。`,
    en: (p) =>
      `The 5-digit code "${param(p, 'found')}" reads both as ${param(p, 'bare')} (no check digit) and as ${param(p, 'lost_zero')} (lost leading zero).`,
    fix_ja: () => '正しい6桁のコードを記入してください。',
    fix_en: () => 'Write the correct 6-digit code.',
  },
  municipality_code_unknown_prefecture: {
    ja: (p) =>
      `全国地方公共団体コードの都道府県部分「${param(p, 'prefecture')}」が01〜47の範囲にありません${quoteJa(p)}。`,
    en: (p) =>
      `The prefecture part "${param(p, 'prefecture')}" of the code is not between 01 and 47${quoteEn(p)}.`,
    fix_ja: () => '総務省の全国地方公共団体コード表で確認してください。',
    fix_en: () => 'Check the code against the MIC code list.',
  },
  municipality_code_other_prefecture: {
    ja: (p) =>
      `全国地方公共団体コード「${param(p, 'found')}」は都道府県コード ${param(p, 'expected')} 以外の団体のものです。`,
    en: (p) =>
      `The code "${param(p, 'found')}" belongs to a body outside prefecture ${param(p, 'expected')}.`,
    fix_ja: () => '公開する団体のコードであるか確認してください。',
    fix_en: () => "Check that this is the publishing body's code.",
  },
  municipality_code_invalid: {
    ja: (p) => `全国地方公共団体コードとして読めません${quoteJa(p)}。`,
    en: (p) => `This is not a local government code${quoteEn(p)}.`,
    fix_ja: () => '半角数字6桁（例: 011002）で記入してください。',
    fix_en: () => 'Write 6 half-width digits (e.g. 011002).',
  },
  flag_not_allowed: {
    ja: (p) =>
      `「${param(p, 'found')}」はこの項目で使える値（${param(p, 'allowed')}）ではありません。`,
    en: (p) => `"${param(p, 'found')}" is not one of the allowed values (${param(p, 'allowed')}).`,
    fix_ja: (p) => `「${param(p, 'expected')}」と記入してください。`,
    fix_en: (p) => `Write "${param(p, 'expected')}".`,
  },
  flag_invalid: {
    ja: (p) =>
      `「${param(p, 'found')}」の意味を判断できません。使える値は ${param(p, 'allowed')} です。`,
    en: (p) =>
      `"${param(p, 'found')}" cannot be read as yes or no; allowed values: ${param(p, 'allowed')}.`,
    fix_ja: (p) => `${param(p, 'allowed')} のいずれかで記入し、補足は備考欄に書いてください。`,
    fix_en: (p) => `Use one of ${param(p, 'allowed')}; put any remark in the notes column.`,
  },
  postal_code_hyphen: {
    ja: (p) =>
      `郵便番号にハイフンや空白があります（${param(p, 'found')} → ${param(p, 'expected')}）。`,
    en: (p) =>
      `The postal code contains a hyphen or space (${param(p, 'found')} → ${param(p, 'expected')}).`,
    fix_ja: () => '郵便番号はハイフンなしの半角数字7桁で記入してください（例: 0600001）。',
    fix_en: () => 'Write the postal code as 7 half-width digits without hyphen (e.g. 0600001).',
  },
  postal_code_mark: {
    ja: (p) => `郵便番号に「〒」などの記号や見出しが付いています${quoteJa(p)}。`,
    en: (p) => `The postal code carries a "〒" mark or label${quoteEn(p)}.`,
    fix_ja: () => '数字7桁だけを記入してください。',
    fix_en: () => 'Write the 7 digits only.',
  },
  postal_code_lost_leading_zero: {
    ja: (p) =>
      `郵便番号が6桁です${quoteJa(p)}。先頭の0が欠けている可能性があります（例: ${param(p, 'expected')}）。`,
    en: (p) =>
      `The postal code has 6 digits${quoteEn(p)}; its leading zero may be missing (e.g. ${param(p, 'expected')}).`,
    fix_ja: () => 'セルの書式を「文字列」にして、正しい7桁を記入してください。',
    fix_en: () => 'Format the cell as text and write the correct 7 digits.',
  },
  postal_code_invalid: {
    ja: (p) => `郵便番号として読めません${quoteJa(p)}。`,
    en: (p) => `This is not a postal code${quoteEn(p)}.`,
    fix_ja: () => '半角数字7桁（ハイフンなし）で記入してください。',
    fix_en: () => 'Write 7 half-width digits without hyphen.',
  },
} satisfies Partial<Record<ValueFindingCode, FindingMessages>>;
