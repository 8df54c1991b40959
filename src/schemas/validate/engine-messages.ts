import type { IssueSeverity } from './report-types.ts';

type Params = Readonly<Record<string, string | number>>;

/** Text of one issue code: message and suggested fix, in Japanese and English. */
export interface CodeText {
  severity: IssueSeverity;
  ja: (p: Params) => string;
  en: (p: Params) => string;
  fixJa: (p: Params) => string;
  fixEn: (p: Params) => string;
}

const s = (p: Params, key: string) => String(p[key] ?? '');

/**
 * Issue codes the validator itself emits (file, header and row level); value-level codes come
 * from `values/`. A code never changes severity.
 */
export const ENGINE_CODES = {
  unreadable: {
    severity: 'error',
    ja: (p) => `ファイルを表として読み込めませんでした（${s(p, 'reason')}）。`,
    en: (p) => `The file could not be read as a table (${s(p, 'reason')}).`,
    fixJa: () => 'CSV（UTF-8）またはExcel（xlsx）形式で保存し直してください。',
    fixEn: () => 'Save the file again as CSV (UTF-8) or Excel (xlsx).',
  },
  encoding_not_utf8: {
    severity: 'notice',
    ja: (p) => `文字コードが ${s(p, 'encoding')} です。UTF-8 を推奨します。`,
    en: (p) => `The file is encoded in ${s(p, 'encoding')}; UTF-8 is recommended.`,
    fixJa: () => '「CSV UTF-8」形式で保存してください（--fix で変換できます）。',
    fixEn: () => 'Save as "CSV UTF-8" (--fix converts it).',
  },
  line_ending_not_crlf: {
    severity: 'notice',
    ja: (p) => `改行コードが ${s(p, 'lineEnding')} です。標準のファイルは CRLF を使います。`,
    en: (p) => `Line endings are ${s(p, 'lineEnding')}; the standard files use CRLF.`,
    fixJa: () => '改行コードを CRLF にしてください（--fix で変換できます）。',
    fixEn: () => 'Use CRLF line endings (--fix converts them).',
  },
  invalid_utf8_sequence: {
    severity: 'error',
    ja: () => 'UTF-8 として正しくないバイト列があります。文字化けしている可能性があります。',
    en: () => 'The file has bytes that are not valid UTF-8; some characters may be garbled.',
    fixJa: () => '元のファイルを確認し、UTF-8 で保存し直してください。',
    fixEn: () => 'Check the original file and save it again as UTF-8.',
  },
  nul_byte: {
    severity: 'error',
    ja: () => 'NUL 文字（0x00）が含まれています。',
    en: () => 'The file contains NUL bytes (0x00).',
    fixJa: () => 'テキストとして保存し直してください。',
    fixEn: () => 'Save the file again as plain text.',
  },
  unterminated_quote: {
    severity: 'error',
    ja: () => '引用符（"）が閉じられていません。以降の内容が一つのセルとして読まれています。',
    en: () => 'A quote (") is never closed; the rest of the file was read as one cell.',
    fixJa: () => '引用符の対応を確認してください。',
    fixEn: () => 'Check that every opening quote is closed.',
  },
  stray_quote: {
    severity: 'warning',
    ja: () => '引用符で囲まれていないセルの途中に引用符（"）があります。',
    en: () => 'A quote (") appears inside a cell that is not quoted.',
    fixJa: () => 'セル全体を引用符で囲み、中の引用符は "" と二重にしてください。',
    fixEn: () => 'Quote the whole cell and double the inner quote ("").',
  },
  mixed_line_endings: {
    severity: 'warning',
    ja: () => '改行コードが混在しています。',
    en: () => 'The file mixes several kinds of line endings.',
    fixJa: () => '改行コードを CRLF に統一してください（--fix で統一できます）。',
    fixEn: () => 'Use CRLF throughout (--fix does it).',
  },
  blank_line: {
    severity: 'notice',
    ja: () => '空行があります（読み飛ばしました）。',
    en: () => 'A blank line was skipped.',
    fixJa: () => '空行を削除してください（--fix で削除されます）。',
    fixEn: () => 'Remove blank lines (--fix removes them).',
  },
  read_issue: {
    severity: 'warning',
    ja: (p) => `読み込み時の注意: ${s(p, 'detail')}`,
    en: (p) => `Read note: ${s(p, 'detail')}`,
    fixJa: () => 'ファイルの該当箇所を確認してください。',
    fixEn: () => 'Check the file at that place.',
  },
  no_data_rows: {
    severity: 'warning',
    ja: () => 'データ行がありません（見出し行だけです）。',
    en: () => 'There are no data rows, only a header.',
    fixJa: () => 'データを入力してください。',
    fixEn: () => 'Add the data rows.',
  },
  schema_not_found: {
    severity: 'error',
    ja: (p) => `指定されたスキーマ「${s(p, 'schema')}」はありません。`,
    en: (p) => `There is no schema "${s(p, 'schema')}".`,
    fixJa: () => '`s5 schemas list` で使えるスキーマを確認してください。',
    fixEn: () => 'See `s5 schemas list` for the schemas available.',
  },
  schema_not_recognized: {
    severity: 'error',
    ja: (p) =>
      `見出し行から標準データセットを判定できませんでした（最も近いもの: ${s(p, 'nearest')}）。`,
    en: (p) => `The header matches no standard dataset (nearest: ${s(p, 'nearest')}).`,
    fixJa: () => '定義書の項目名で見出し行を作るか、--schema でデータセットを指定してください。',
    fixEn: () => 'Use the item names of the definition book, or name the dataset with --schema.',
  },
  schema_low_confidence: {
    severity: 'warning',
    ja: (p) => `「${s(p, 'title')}」と判定しましたが、確度は ${s(p, 'confidence')} と低めです。`,
    en: (p) => `Read as "${s(p, 'title')}", but with a low confidence of ${s(p, 'confidence')}.`,
    fixJa: () => '判定が誤っている場合は --schema でデータセットを指定してください。',
    fixEn: () => 'If this is the wrong dataset, name the right one with --schema.',
  },
  schema_unverified: {
    severity: 'notice',
    ja: (p) =>
      `「${s(p, 'title')}」の項目一覧は公式の定義書で確認されていません（${s(p, 'level')}）。列や区分の指摘は参考としてください。`,
    en: (p) =>
      `The column list of "${s(p, 'title')}" is not verified against the official definition book (${s(p, 'level')}); take column and 区分 findings as indicative.`,
    fixJa: () => 'デジタル庁の最新のデータ項目定義書と照らし合わせてください。',
    fixEn: () => "Compare with the Digital Agency's current definition book.",
  },
  missing_required_column: {
    severity: 'error',
    ja: (p) => `必須項目「${s(p, 'field')}」の列がありません。`,
    en: (p) => `The required column "${s(p, 'field')}" is missing.`,
    fixJa: (p) => `「${s(p, 'field')}」の列を追加してください。`,
    fixEn: (p) => `Add a column "${s(p, 'field')}".`,
  },
  missing_column: {
    severity: 'warning',
    ja: (p) => `項目「${s(p, 'field')}」（${s(p, 'level')}）の列がありません。`,
    en: (p) => `The column "${s(p, 'field')}" (${s(p, 'level')}) is missing.`,
    fixJa: (p) => `値がなくても「${s(p, 'field')}」の列を設けてください。`,
    fixEn: (p) => `Add the column "${s(p, 'field')}", even if it stays empty.`,
  },
  unknown_column: {
    severity: 'warning',
    ja: (p) => `列「${s(p, 'header')}」は「${s(p, 'title')}」の項目にありません。`,
    en: (p) => `The column "${s(p, 'header')}" is not an item of "${s(p, 'title')}".`,
    fixJa: () => '独自の項目であれば、標準の項目の後ろに置いてください。',
    fixEn: () => 'If it is a local item, place it after the standard columns.',
  },
  duplicate_column: {
    severity: 'error',
    ja: (p) => `列「${s(p, 'header')}」が重複しています。`,
    en: (p) => `The column "${s(p, 'header')}" appears twice.`,
    fixJa: () => '重複している列を一つにまとめてください。',
    fixEn: () => 'Keep one column of each name.',
  },
  empty_header: {
    severity: 'warning',
    ja: () => '見出しが空の列があります。',
    en: () => 'A column has an empty header.',
    fixJa: () => '見出しを入力するか、不要な列を削除してください。',
    fixEn: () => 'Name the column or remove it.',
  },
  header_name_variant: {
    severity: 'warning',
    ja: (p) =>
      `見出し「${s(p, 'header')}」は正しくは「${s(p, 'field')}」です（全角・半角、空白、記号の違い）。`,
    en: (p) =>
      `The header "${s(p, 'header')}" should read "${s(p, 'field')}" (width, space or symbol variant).`,
    fixJa: (p) => `見出しを「${s(p, 'field')}」にしてください（--fix で修正できます）。`,
    fixEn: (p) => `Rename it "${s(p, 'field')}" (--fix does it).`,
  },
  header_numbered: {
    severity: 'warning',
    ja: (p) =>
      `見出し「${s(p, 'header')}」に番号が付いています。正しくは「${s(p, 'field')}」です。`,
    en: (p) =>
      `The header "${s(p, 'header')}" carries a number; it should read "${s(p, 'field')}".`,
    fixJa: (p) => `見出しを「${s(p, 'field')}」にしてください（--fix で修正できます）。`,
    fixEn: (p) => `Rename it "${s(p, 'field')}" (--fix does it).`,
  },
  header_alias: {
    severity: 'warning',
    ja: (p) =>
      `見出し「${s(p, 'header')}」は項目「${s(p, 'field')}」の別名です。定義書の項目名を使ってください。`,
    en: (p) =>
      `The header "${s(p, 'header')}" is another name for "${s(p, 'field')}"; use the definition book's item name.`,
    fixJa: (p) => `見出しを「${s(p, 'field')}」にしてください（--fix で修正できます）。`,
    fixEn: (p) => `Rename it "${s(p, 'field')}" (--fix does it).`,
  },
  header_misspelled: {
    severity: 'warning',
    ja: (p) => `見出し「${s(p, 'header')}」は「${s(p, 'field')}」の誤記と思われます。`,
    en: (p) => `The header "${s(p, 'header')}" looks like a misspelling of "${s(p, 'field')}".`,
    fixJa: (p) => `見出しを「${s(p, 'field')}」にしてください。`,
    fixEn: (p) => `Rename it "${s(p, 'field')}".`,
  },
  column_order: {
    severity: 'warning',
    ja: (p) =>
      `列「${s(p, 'field')}」の位置が定義書の順序と異なります（定義書では ${s(p, 'expected')} 番目）。`,
    en: (p) =>
      `The column "${s(p, 'field')}" is out of the definition book's order (item ${s(p, 'expected')}).`,
    fixJa: () => '定義書の順序に列を並べ替えてください。',
    fixEn: () => 'Reorder the columns as in the definition book.',
  },
  header_whitespace: {
    severity: 'warning',
    ja: (p) => `見出し「${s(p, 'header')}」に空白が含まれています。`,
    en: (p) => `The header "${s(p, 'header')}" contains spaces.`,
    fixJa: () => '見出しから空白を取り除いてください。',
    fixEn: () => 'Remove the spaces from the header.',
  },
  header_fullwidth: {
    severity: 'warning',
    ja: (p) => `見出し「${s(p, 'header')}」に全角の英数字が含まれています。`,
    en: (p) => `The header "${s(p, 'header')}" contains full-width letters or digits.`,
    fixJa: (p) => `「${s(p, 'fixed')}」としてください（--fix で修正できます）。`,
    fixEn: (p) => `Write "${s(p, 'fixed')}" (--fix does it).`,
  },
  row_too_few_fields: {
    severity: 'error',
    ja: (p) =>
      `この行のセルは ${s(p, 'found')} 個で、見出しの ${s(p, 'expected')} 個より少なくなっています。`,
    en: (p) => `This row has ${s(p, 'found')} cells, fewer than the ${s(p, 'expected')} headers.`,
    fixJa: () => '区切り文字（,）の数を見出し行と揃えてください。',
    fixEn: () => 'Give the row as many separators (,) as the header.',
  },
  row_too_many_fields: {
    severity: 'error',
    ja: (p) =>
      `この行のセルは ${s(p, 'found')} 個で、見出しの ${s(p, 'expected')} 個より多くなっています。`,
    en: (p) => `This row has ${s(p, 'found')} cells, more than the ${s(p, 'expected')} headers.`,
    fixJa: () => 'カンマを含む値は引用符（"）で囲んでください。',
    fixEn: () => 'Quote values that contain commas (").',
  },
  row_trailing_empty_fields: {
    severity: 'warning',
    ja: (p) => `この行の末尾に空のセルが ${s(p, 'extra')} 個余分にあります。`,
    en: (p) => `This row ends with ${s(p, 'extra')} extra empty cells.`,
    fixJa: () => '余分な区切り文字を削除してください（--fix で削除されます）。',
    fixEn: () => 'Remove the extra separators (--fix does it).',
  },
  empty_row: {
    severity: 'warning',
    ja: () => 'すべてのセルが空の行です。',
    en: () => 'Every cell of this row is empty.',
    fixJa: () => '空の行を削除してください（--fix で削除されます）。',
    fixEn: () => 'Remove the empty row (--fix does it).',
  },
  required_value_missing: {
    severity: 'error',
    ja: (p) => `必須項目「${s(p, 'field')}」が空欄です。`,
    en: (p) => `The required item "${s(p, 'field')}" is empty.`,
    fixJa: (p) => `「${s(p, 'field')}」を入力してください。`,
    fixEn: (p) => `Fill in "${s(p, 'field')}".`,
  },
  duplicate_id: {
    severity: 'error',
    ja: (p) =>
      `「${s(p, 'field')}」の値 ${s(p, 'value')} が重複しています（最初は ${s(p, 'firstRow')} 行目）。`,
    en: (p) =>
      `The ${s(p, 'field')} value ${s(p, 'value')} is repeated (first at row ${s(p, 'firstRow')}).`,
    fixJa: () => 'ファイル内で一意になるよう値を付け直してください。',
    fixEn: () => 'Give each row a value unique within the file.',
  },
  enum_invalid: {
    severity: 'error',
    ja: (p) => `「${s(p, 'value')}」は選択肢（${s(p, 'allowed')}）にありません。`,
    en: (p) => `"${s(p, 'value')}" is not one of the allowed values (${s(p, 'allowed')}).`,
    fixJa: (p) => `次のいずれかを記載してください: ${s(p, 'allowed')}`,
    fixEn: (p) => `Write one of: ${s(p, 'allowed')}`,
  },
  enum_variant: {
    severity: 'warning',
    ja: (p) => `「${s(p, 'value')}」は選択肢「${s(p, 'fixed')}」の表記ゆれです。`,
    en: (p) => `"${s(p, 'value')}" is a variant spelling of the allowed value "${s(p, 'fixed')}".`,
    fixJa: (p) => `「${s(p, 'fixed')}」と記載してください（--fix で修正できます）。`,
    fixEn: (p) => `Write "${s(p, 'fixed')}" (--fix does it).`,
  },
  kana_expected: {
    severity: 'warning',
    ja: () => 'カナの項目に漢字やひらがなが含まれています。',
    en: () => 'A kana item contains kanji or hiragana.',
    fixJa: () => '全角カタカナで記載してください。',
    fixEn: () => 'Write it in full-width katakana.',
  },
  email_invalid: {
    severity: 'error',
    ja: (p) => `「${s(p, 'value')}」はメールアドレスの形式ではありません。`,
    en: (p) => `"${s(p, 'value')}" is not an e-mail address.`,
    fixJa: () => 'name@example.lg.jp の形式で一つだけ記載してください。',
    fixEn: () => 'Write one address such as name@example.lg.jp.',
  },
  pattern_mismatch: {
    severity: 'error',
    ja: (p) => `「${s(p, 'value')}」は決められた形式（${s(p, 'format')}）に合いません。`,
    en: (p) => `"${s(p, 'value')}" does not have the required form (${s(p, 'format')}).`,
    fixJa: (p) => `形式（${s(p, 'format')}）に合わせてください。`,
    fixEn: (p) => `Follow the form ${s(p, 'format')}.`,
  },
  list_separator: {
    severity: 'notice',
    ja: () => '複数の値が「、」などで区切られています。区切りは半角セミコロン「;」です。',
    en: () =>
      'Several values are separated by 「、」 or similar; the separator is a semicolon ";".',
    fixJa: () => '値を「;」で区切ってください。',
    fixEn: () => 'Separate the values with ";".',
  },
  time_in_remarks: {
    severity: 'notice',
    ja: () => '時刻が特記事項に文章で書かれ、開始・終了時間の列が空です。',
    en: () =>
      'Hours are written as prose in the remarks while the start and end time columns are empty.',
    fixJa: () => '開始時間・終了時間の列に hh:mm で記載し、例外だけを特記事項に書いてください。',
    fixEn: () =>
      'Put the hours in the start and end time columns (hh:mm); keep only exceptions in the remarks.',
  },
  address_without_prefecture: {
    severity: 'notice',
    ja: (p) => `住所「${s(p, 'value')}」が都道府県名から始まっていません。`,
    en: (p) => `The address "${s(p, 'value')}" does not start with the prefecture.`,
    fixJa: () => '都道府県名から建物名等までを続けて記載してください。',
    fixEn: () => 'Write the full address from the prefecture onwards.',
  },
  placeholder_reference: {
    severity: 'warning',
    ja: (p) => `「${s(p, 'value')}」は値ではなく他の項目への参照です。`,
    en: (p) => `"${s(p, 'value')}" refers to another item instead of giving a value.`,
    fixJa: () => 'この項目の内容を記載するか、空欄にしてください。',
    fixEn: () => 'Write the value of this item, or leave it empty.',
  },
} satisfies Record<string, CodeText>;

/** A code the validator itself emits. */
export type EngineCode = keyof typeof ENGINE_CODES;
