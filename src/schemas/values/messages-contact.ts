import type { ValueFindingCode } from './finding-codes.ts';
import {
  arrowEn,
  arrowJa,
  type FindingMessages,
  param,
  quoteEn,
  quoteJa,
} from './finding-message.ts';

/** Messages of the 電話番号 and URL findings. */
export const CONTACT_MESSAGES = {
  phone_no_separator: {
    ja: (p) => `電話番号にハイフンがありません${arrowJa(p)}。`,
    en: (p) => `The phone number has no hyphens${arrowEn(p)}.`,
    fix_ja: () => '市外局番などの区切りに半角ハイフンを入れてください（例: 011-123-4567）。',
    fix_en: () => 'Separate the area code and groups with hyphens (e.g. 011-123-4567).',
  },
  phone_separator: {
    ja: (p) => `電話番号の区切りがハイフンではありません${arrowJa(p)}。`,
    en: (p) => `The phone number is not separated by hyphens${arrowEn(p)}.`,
    fix_ja: () => '区切りには半角ハイフンを使ってください（市外局番は括弧でも可: (011)123-4567）。',
    fix_en: () =>
      'Use hyphens as separators; the area code may also be in parentheses: (011)123-4567.',
  },
  phone_extension_in_cell: {
    ja: (p) => `電話番号の欄に内線番号（${param(p, 'extension')}）が含まれています。`,
    en: (p) => `The phone field includes an extension (${param(p, 'extension')}).`,
    fix_ja: () => '内線番号は「内線番号」の列に記入してください。',
    fix_en: () => 'Put the extension in the extension (内線番号) column.',
  },
  phone_note_in_cell: {
    ja: (p) => `電話番号の欄に番号以外の文字（${param(p, 'note')}）があります。`,
    en: (p) => `The phone field contains text besides the number (${param(p, 'note')}).`,
    fix_ja: () => '電話番号だけを記入し、補足は備考欄に書いてください。',
    fix_en: () => 'Write the number only; put remarks in the notes column.',
  },
  phone_multiple_separator: {
    ja: (p) => `複数の電話番号の区切り方が規定と異なります${arrowJa(p)}。`,
    en: (p) => `Several phone numbers are not separated as the rule says${arrowEn(p)}.`,
    fix_ja: () =>
      '複数の番号は「 / 」（半角スペース・スラッシュ・半角スペース）で区切ってください。',
    fix_en: () => 'Separate several numbers with " / " (space, slash, space).',
  },
  phone_digit_count: {
    ja: (p) => `電話番号の桁数（${param(p, 'digits')}桁）が正しくありません${quoteJa(p)}。`,
    en: (p) =>
      `The phone number has the wrong number of digits (${param(p, 'digits')})${quoteEn(p)}.`,
    fix_ja: () => '市外局番から記入してください（固定電話は10桁、携帯電話などは11桁）。',
    fix_en: () => 'Include the area code: 10 digits for landlines, 11 for mobiles and similar.',
  },
  phone_invalid: {
    ja: (p) => `電話番号として読めません${quoteJa(p)}。`,
    en: (p) => `This is not a phone number${quoteEn(p)}.`,
    fix_ja: () => '半角数字とハイフンで記入してください（例: 011-123-4567）。',
    fix_en: () => 'Write digits and hyphens (e.g. 011-123-4567).',
  },
  url_missing_scheme: {
    ja: (p) => `URLが「https://」または「http://」で始まっていません${quoteJa(p)}。`,
    en: (p) => `The URL does not start with "https://" or "http://"${quoteEn(p)}.`,
    fix_ja: () => 'ブラウザのアドレス欄から、https:// を含む完全なURLをコピーしてください。',
    fix_en: () => "Copy the full URL, https:// included, from the browser's address bar.",
  },
  url_multiple: {
    ja: (p) => `1つのセルに複数のURLがあります${quoteJa(p)}。`,
    en: (p) => `The cell holds several URLs${quoteEn(p)}.`,
    fix_ja: () => 'URLは1つにするか、項目の定義に従って「;」で区切ってください。',
    fix_en: () => 'Keep one URL, or separate them with ";" if the column allows several.',
  },
  url_non_ascii: {
    ja: (p) => `URLに日本語などの全角文字が含まれています${quoteJa(p)}。`,
    en: (p) => `The URL contains non-ASCII characters${quoteEn(p)}.`,
    fix_ja: () =>
      '動作するか確認してください。可能ならパーセントエンコードされたURLを使ってください。',
    fix_en: () => 'Check that it works; prefer the percent-encoded form.',
  },
  url_scheme: {
    ja: (p) => `URLの種類「${param(p, 'scheme')}:」は使えません${quoteJa(p)}。`,
    en: (p) => `The URL scheme "${param(p, 'scheme')}:" is not allowed${quoteEn(p)}.`,
    fix_ja: () =>
      'https:// または http:// で始まるURLを記入してください（メールアドレスは専用の列へ）。',
    fix_en: () => 'Use an https:// or http:// URL; e-mail addresses go in their own column.',
  },
  url_contains_space: {
    ja: (p) => `URLに空白が含まれています${quoteJa(p)}。`,
    en: (p) => `The URL contains spaces${quoteEn(p)}.`,
    fix_ja: () => '空白を取り除き、正しいURLか確認してください。',
    fix_en: () => 'Remove the spaces and check the URL.',
  },
  url_invalid: {
    ja: (p) => `URLとして読めません${quoteJa(p)}。`,
    en: (p) => `This is not a URL${quoteEn(p)}.`,
    fix_ja: () => '「https://www.example.lg.jp/...」のような完全なURLを記入してください。',
    fix_en: () => 'Write a full URL such as https://www.example.lg.jp/….',
  },
} satisfies Partial<Record<ValueFindingCode, FindingMessages>>;
