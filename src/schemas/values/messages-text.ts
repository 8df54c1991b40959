import type { ValueFindingCode } from './finding-codes.ts';
import { type FindingMessages, param, quoteEn, quoteJa } from './finding-message.ts';

/** Messages of the shared and text-hygiene findings. */
export const TEXT_MESSAGES = {
  fullwidth_digits: {
    ja: (p) => `全角の数字が使われています${quoteJa(p)}。`,
    en: (p) => `Full-width digits are used${quoteEn(p)}.`,
    fix_ja: () => '数字は半角で記入してください（例: ２階 → 2階）。',
    fix_en: () => 'Write digits in half-width form (e.g. ２ → 2).',
  },
  fullwidth_characters: {
    ja: (p) => `全角の英字や記号が使われています${quoteJa(p)}。`,
    en: (p) => `Full-width letters or symbols are used${quoteEn(p)}.`,
    fix_ja: () => '英字と記号（- : / ( ) など）は半角で記入してください。',
    fix_en: () => 'Write letters and symbols (- : / ( ) …) in half-width form.',
  },
  nonstandard_hyphen: {
    ja: (p) => `ハイフン以外の横棒（ー、－、― など）が使われています${quoteJa(p)}。`,
    en: (p) => `A dash other than the hyphen-minus is used${quoteEn(p)}.`,
    fix_ja: () => '区切りには半角のハイフン「-」を使ってください。',
    fix_en: () => 'Use the half-width hyphen-minus "-" as separator.',
  },
  placeholder_value: {
    ja: (p) => `値がない場合の記号や語が入っています${quoteJa(p)}。`,
    en: (p) => `A stand-in for "no value" is used${quoteEn(p)}.`,
    fix_ja: () => '値がない場合は「-」や「なし」などを書かず、空欄にしてください。',
    fix_en: () => 'Leave the cell empty instead of writing "-", "なし" or similar.',
  },
  surrounding_whitespace: {
    ja: () => '値の前後に空白（全角スペースを含む）があります。',
    en: () => 'The value has leading or trailing spaces (full-width spaces included).',
    fix_ja: () => '前後の空白を削除してください。',
    fix_en: () => 'Remove the leading and trailing spaces.',
  },
  control_character: {
    ja: (p) => `セル内に改行やタブなどの制御文字（${param(p, 'codepoint')}）があります。`,
    en: (p) =>
      `The cell contains a control character such as a line break or tab (${param(p, 'codepoint')}).`,
    fix_ja: () => 'セル内の改行やタブを削除し、1つのセルには1行で記入してください。',
    fix_en: () => 'Remove line breaks and tabs; keep each cell on one line.',
  },
  invisible_character: {
    ja: () => '目に見えない文字（ゼロ幅スペース、BOM など）が含まれています。',
    en: () => 'The value contains invisible characters (zero-width space, BOM …).',
    fix_ja: () => '見えない文字を削除してください。',
    fix_en: () => 'Remove the invisible characters.',
  },
  formula_prefix: {
    ja: (p) =>
      `値が「=」「+」「-」「@」で始まっており、表計算ソフトで数式として実行されるおそれがあります${quoteJa(p)}。`,
    en: (p) =>
      `The value starts with "=", "+", "-" or "@" and a spreadsheet may run it as a formula${quoteEn(p)}.`,
    fix_ja: () => '意図した内容か確認してください。数式でない場合は先頭の記号を見直してください。',
    fix_en: () =>
      'Check that this is intended; if it is not a formula, reword the start of the value.',
  },
  halfwidth_katakana: {
    ja: (p) => `半角カタカナが使われています${quoteJa(p)}。`,
    en: (p) => `Half-width katakana are used${quoteEn(p)}.`,
    fix_ja: () => 'カタカナは全角で記入してください（例: ｶﾅ → カナ）。',
    fix_en: () => 'Write katakana in full-width form (e.g. ｶﾅ → カナ).',
  },
  fullwidth_alphanumeric_in_text: {
    ja: (p) => `全角の英数字が使われています${quoteJa(p)}。`,
    en: (p) => `Full-width letters or digits are used${quoteEn(p)}.`,
    fix_ja: () => '英数字は半角で記入することをおすすめします（例: ２階 → 2階）。',
    fix_en: () => 'Prefer half-width letters and digits (e.g. ２階 → 2階).',
  },
} satisfies Partial<Record<ValueFindingCode, FindingMessages>>;
