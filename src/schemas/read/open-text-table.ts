import type { ChunkReader } from './chunk-reader.ts';
import { ByteDecoder, type DecodedText } from './decode-bytes.ts';
import { decoderLabel, detectEncoding, guessBomlessUtf16 } from './detect-encoding.ts';
import { ISSUES_LISTED_PER_CODE, IssueLog } from './issue-log.ts';
import { CsvParser } from './parse-csv.ts';
import { readError } from './read-error.ts';
import { sniffDelimiter, sniffTextProblem } from './sniff-format.ts';
import type { OpenedTable, RawRow, ReadIssueCode, TableInfo } from './types.ts';
import { batchedRows } from './wrap-failure.ts';

/** Limits a text table is read under. */
export interface TextLimits {
  maxColumns: number;
  maxFieldBytes: number;
}

interface Mark {
  at: number;
  code: ReadIssueCode;
  detail: string;
}

/** Decodes chunks and feeds the parser, turning decoder findings into positioned issues. */
class TextPump {
  constructor(
    private readonly reader: ChunkReader,
    private readonly decoder: ByteDecoder,
    private readonly parser: CsvParser,
    private readonly issues: IssueLog,
    private readonly info: TableInfo,
  ) {}

  /** Reads one chunk and appends the records it completes; true once the input is exhausted. */
  async step(out: RawRow[]): Promise<boolean> {
    const chunk = await this.reader.next();
    if (chunk === null) {
      this.feed(this.decoder.flush(), out, true);
      this.parser.end(out);
      this.issues.finish();
      this.info.lineEnding = this.parser.lineEnding();
      return true;
    }
    // memchr on the bytes is far cheaper than scanning the text; UTF-16 always has NUL bytes.
    const maybeNul =
      this.decoder.encoding.startsWith('utf-16') ||
      Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).indexOf(0) >= 0;
    this.feed(this.decoder.decode(chunk), out, maybeNul);
    this.info.lineEnding = this.parser.lineEnding();
    this.info.encoding = this.decoder.encoding;
    return false;
  }

  private feed(decoded: DecodedText, out: RawRow[], maybeNul: boolean): void {
    const { text } = decoded;
    const marks = this.marksIn(decoded, maybeNul);
    if (marks.length === 0) {
      this.parser.push(text, out);
      return;
    }
    // Splitting the text at each mark lets the parser say which record and line the mark is on.
    let from = 0;
    for (const mark of marks) {
      this.parser.push(text.slice(from, mark.at), out);
      const { record, line } = this.parser.position();
      this.issues.add({ code: mark.code, record, line, detail: `line ${line}: ${mark.detail}` });
      from = mark.at;
    }
    this.parser.push(text.slice(from), out);
  }

  private marksIn({ text, invalidAt, switchedAt }: DecodedText, maybeNul: boolean): Mark[] {
    const marks: Mark[] = [];
    if (switchedAt !== null) {
      marks.push({
        at: switchedAt,
        code: 'encoding_switched',
        detail: 'the first non-ASCII bytes are not UTF-8; the file is read as Shift_JIS (CP932)',
      });
    }
    this.markEach(
      marks,
      invalidAt,
      'invalid_utf8_sequence',
      'bytes that are not valid UTF-8 were replaced with U+FFFD',
    );
    if (maybeNul && text.includes('\0')) {
      const nuls: number[] = [];
      for (let k = text.indexOf('\0'); k >= 0; k = text.indexOf('\0', k + 1)) nuls.push(k);
      this.markEach(marks, nuls, 'nul_byte', 'a NUL character (0x00) is kept in the cell');
    }
    return marks.length > 1 ? marks.sort((a, b) => a.at - b.at) : marks;
  }

  private markEach(marks: Mark[], offsets: number[], code: ReadIssueCode, detail: string): void {
    let listed = 0;
    for (const at of offsets) {
      if (!this.issues.wants(code) || listed >= ISSUES_LISTED_PER_CODE) break;
      marks.push({ at, code, detail });
      listed++;
    }
    // Marks are listed when added to the log; the overflow is only counted.
    this.issues.count(code, offsets.length - listed);
  }
}

/**
 * Opens a CSV/TSV: detects the encoding and delimiter from the head, rejects what is clearly not
 * a table, and reads up to the header record so an empty file fails here rather than mid-stream.
 * @throws AppError bad_request (unreadable_encoding, empty_file, not_a_table, too_many_columns, field_too_large)
 */
export async function openTextTable(
  reader: ChunkReader,
  head: Uint8Array,
  delimiterHint: ',' | '\t' | null,
  limits: TextLimits,
): Promise<OpenedTable> {
  const { encoding, bomLength } = detectEncoding(head);
  if (bomLength === 0 && guessBomlessUtf16(head)) {
    throw readError(
      'unreadable_encoding',
      'The file looks like UTF-16 saved without a byte-order mark; save it as UTF-8 (or UTF-16 with BOM).',
      { encoding: guessBomlessUtf16(head) },
    );
  }
  const sample = new TextDecoder(decoderLabel(encoding), { ignoreBOM: true }).decode(
    head.subarray(bomLength),
  );
  const problem = sniffTextProblem(sample);
  if (problem) {
    throw readError(
      problem.code,
      `The file is not a readable table: it looks like ${problem.what}.`,
      {
        encoding,
      },
    );
  }
  const delimiter = delimiterHint ?? sniffDelimiter(sample);
  const info: TableInfo = {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    encoding,
    lineEnding: 'none',
    delimiter,
    sheetName: null,
    sheetNames: [],
  };
  const issues = new IssueLog();
  const parser = new CsvParser({ delimiter, ...limits, issues });
  const pump = new TextPump(reader, new ByteDecoder(encoding, bomLength), parser, issues, info);

  const first: RawRow[] = [];
  for (let done = false; first.length === 0 && !done; ) done = await pump.step(first);
  if (first.length === 0) {
    throw readError('empty_file', 'The file has no rows: it is empty or holds only blank lines.');
  }

  return {
    info,
    rows: batchedRows(first, {
      fill: (out) => pump.step(out),
      close: () => reader.close(),
    }),
    issues: () => issues.list(),
    bytesRead: () => reader.bytesRead(),
  };
}
