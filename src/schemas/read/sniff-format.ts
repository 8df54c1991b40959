import type { TableFormat } from './types.ts';

/** What the first bytes say about a file, before any decoding. */
export type MagicKind = { kind: 'zip' } | { kind: 'binary'; what: string } | { kind: 'text' };

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an Excel 97-2003 (.xls) workbook or a password-protected Office file; save it as .xlsx or CSV',
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/** Classifies a file by its magic number: ZIP (maybe xlsx), a known binary format, or text. */
export function sniffMagic(head: Uint8Array): MagicKind {
  // PK\3\4 is a local file header; PK\5\6 an empty archive.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'zip' };
  }
  for (const { bytes, what } of SIGNATURES) {
    if (startsWith(head, bytes)) return { kind: 'binary', what };
  }
  return { kind: 'text' };
}

/** Why decoded text is not a table: binary data, a markup document, or text in an unknown encoding. */
export type TextProblem = { code: 'not_a_table' | 'unreadable_encoding'; what: string };

/**
 * Looks at decoded text from the start of a file for signs it is not a table. A few stray control
 * characters or replacement characters are tolerated (reported later as issues).
 */
export function sniffTextProblem(sample: string): TextProblem | null {
  if (/^\s*<(?:!doctype|html|\?xml)/i.test(sample)) {
    return { code: 'not_a_table', what: 'an HTML or XML document' };
  }
  let controls = 0;
  let replaced = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) controls++;
    else if (c === 0xfffd) replaced++;
  }
  const limit = Math.max(4, sample.length * 0.05);
  if (controls >= limit) return { code: 'not_a_table', what: 'binary data, not text' };
  if (replaced >= limit) {
    return {
      code: 'unreadable_encoding',
      what: 'text in an encoding other than UTF-8, Shift_JIS or UTF-16',
    };
  }
  return null;
}

/** Picks the delimiter from the first non-empty line: tab when it has more tabs than commas. */
export function sniffDelimiter(sample: string): ',' | '\t' {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  let seen = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x2c) commas++;
    else if (c === 0x09) tabs++;
    else if (c === 0x0a || c === 0x0d) {
      if (seen) break;
      continue;
    }
    seen = true;
  }
  return tabs > commas ? '\t' : ',';
}

/** The table format a file name's extension declares, if any (`.txt` declares none). */
export function formatFromFileName(fileName: string | undefined): TableFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  return null;
}
