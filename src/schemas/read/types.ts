/** Encodings the reader recognises in uploaded text tables. */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'utf-16le' | 'utf-16be';

/** The three table formats municipal staff export from Excel. */
export type TableFormat = 'csv' | 'tsv' | 'xlsx';

/** Record terminators seen in a text table; `none` when the file is a single unterminated line. */
export type LineEnding = 'crlf' | 'lf' | 'cr' | 'mixed' | 'none';

/**
 * What the reader learnt about a table. Text fields are live: `lineEnding` starts from what the
 * header region showed and turns `mixed` (and `encoding` may be revised) as later rows are read;
 * both are final once `rows` is exhausted.
 */
export interface TableInfo {
  format: TableFormat;
  /** null for xlsx. */
  encoding: DetectedEncoding | null;
  /** null for xlsx. */
  lineEnding: LineEnding | null;
  delimiter: ',' | '\t' | null;
  /** xlsx: the sheet read. */
  sheetName: string | null;
  /** xlsx: all sheets in workbook order (so the report can list them). */
  sheetNames: string[];
}

/** One record of a table, as text cells. */
export interface RawRow {
  /** 1-based record number; the header record is 1. */
  record: number;
  /** 1-based physical line where the record starts (xlsx: the sheet row number). */
  line: number;
  cells: string[];
}

/** Issue codes the reader emits; open-ended (`string`) so new codes do not break consumers. */
export type ReadIssueCode =
  | 'invalid_utf8_sequence'
  | 'nul_byte'
  | 'unterminated_quote'
  | 'stray_quote'
  | 'mixed_line_endings'
  | 'blank_line'
  | 'encoding_switched'
  | string;

/** A problem found while reading that is not fatal (the validator turns these into report items). */
export interface ReadIssue {
  code: ReadIssueCode;
  record: number | null;
  line: number | null;
  /** Short English detail for logs; the validator writes the user messages. */
  detail: string;
}

/** An opened table: its info, a stream of rows and what went wrong on the way. */
export interface OpenedTable {
  info: TableInfo;
  /** Streaming: header first; blank lines and trailing empty lines skipped. Single use. */
  rows: AsyncIterable<RawRow>;
  /** Read issues seen so far (complete once rows is exhausted). */
  issues(): ReadIssue[];
  /** Source bytes consumed so far, for progress bars. */
  bytesRead(): number;
}

/** Bytes in, never a pre-decoded string. */
export type ByteSource = Uint8Array | AsyncIterable<Uint8Array>;

/** Options of `openTable` and `openTableFile`. */
export interface OpenTableOptions {
  /** auto: sniff the bytes (ZIP header → xlsx; tab/comma from the header line) and the file name. */
  format?: TableFormat | 'auto';
  fileName?: string;
  /** xlsx sheet name; default the first visible worksheet. */
  sheet?: string;
  /** Default 1000. */
  maxColumns?: number;
  /** UTF-8 bytes of one decoded cell; default 1_000_000. */
  maxFieldBytes?: number;
  /** xlsx only: cap on the file size and on the bytes inflated from it; default 200 MB. */
  maxUncompressedBytes?: number;
}
