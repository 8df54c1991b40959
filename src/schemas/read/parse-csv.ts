import { DeferredBlankLines } from './deferred-blank-lines.ts';
import { exceedsUtf8Bytes } from './field-size.ts';
import type { IssueLog } from './issue-log.ts';
import { readError } from './read-error.ts';
import { LineEndingTally } from './tally-line-endings.ts';
import type { LineEnding, RawRow } from './types.ts';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

// Parser states between characters (and between chunks).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Inside a quoted field, a quote was the last character of the chunk: `""` or the closing quote? */
const QUOTED_QUOTE = 3;
const AFTER_QUOTE = 4;

/** Limits and sinks of one parse. */
export interface CsvParserOptions {
  delimiter: ',' | '\t';
  maxColumns: number;
  maxFieldBytes: number;
  issues: IssueLog;
}

/**
 * A streaming RFC 4180 parser over decoded text chunks, lenient the way Excel is: CRLF, LF and CR
 * line endings, quoted delimiters, quotes and newlines, stray quotes kept literally. Memory holds
 * only the record in progress; fields are sliced from the chunk, never built char by char.
 */
export class CsvParser {
  private readonly delimiter: number;
  private readonly maxColumns: number;
  private readonly maxFieldBytes: number;
  private readonly issues: IssueLog;

  private state = FIELD_START;
  private cells: string[] = [];
  /** Parts of the current field from earlier chunks, or split around `""` escapes. */
  private pieces: string[] = [];
  private piecesLength = 0;
  private strayReported = false;
  /** A record ended on a CR that closed the previous chunk: a leading LF makes it CRLF. */
  private terminatorCR = false;
  /** The previous chunk ended with a CR (inside a quoted field an LF after it is the same break). */
  private chunkEndedCR = false;

  private line = 1;
  private recordLine = 1;
  private fieldLine = 1;
  private records = 0;
  private readonly blankLines = new DeferredBlankLines();
  private readonly endings: LineEndingTally;

  constructor(options: CsvParserOptions) {
    this.delimiter = options.delimiter.charCodeAt(0);
    this.maxColumns = options.maxColumns;
    this.maxFieldBytes = options.maxFieldBytes;
    this.issues = options.issues;
    this.endings = new LineEndingTally(options.issues);
  }

  /** Where the next character falls: the record it belongs to and its physical line. */
  position(): { record: number; line: number } {
    return { record: this.records + 1, line: this.line };
  }

  /** The record terminators seen so far. */
  lineEnding(): LineEnding {
    return this.endings.lineEnding();
  }

  /** Parses one chunk of text, appending the records it completes to `out`. */
  push(s: string, out: RawRow[]): void {
    const n = s.length;
    const delimiter = this.delimiter;
    let i = 0;
    if (this.terminatorCR) {
      this.terminatorCR = false;
      if (n > 0 && s.charCodeAt(0) === LF) {
        this.endings.note('crlf', this.line - 1);
        i = 1;
      } else if (n > 0) {
        this.endings.note('cr', this.line - 1);
      } else {
        this.terminatorCR = true;
      }
    }
    let start = i;
    while (i < n) {
      const state = this.state;
      if (state === FIELD_START) {
        const c = s.charCodeAt(i);
        if (c === QUOTE) {
          this.state = QUOTED;
          this.fieldLine = this.line;
          start = ++i;
          continue;
        }
        if (c === delimiter) {
          this.endField('');
          i++;
          continue;
        }
        if (c === CR || c === LF) {
          if (this.cells.length === 0) this.blankLines.note(this.line);
          else this.endRecord('', out);
          i = this.terminate(s, i, c);
          continue;
        }
        this.state = UNQUOTED;
        start = i;
      } else if (state === QUOTED) {
        i = this.scanQuoted(s, i, start);
        start = i;
        continue;
      } else if (state === QUOTED_QUOTE) {
        if (s.charCodeAt(i) === QUOTE) {
          this.addPiece('"');
          this.state = QUOTED;
          start = ++i;
        } else {
          this.state = AFTER_QUOTE;
        }
        continue;
      } else if (state === AFTER_QUOTE) {
        // The closing quote must be followed by a delimiter or a line break.
        const c = s.charCodeAt(i);
        if (c === delimiter) {
          this.endField('');
          i++;
          continue;
        }
        if (c === CR || c === LF) {
          this.endRecord('', out);
          i = this.terminate(s, i, c);
          continue;
        }
        // `"abc"def`: keep the rest literally, as Excel does (`abcdef`).
        this.strayQuote();
        this.state = UNQUOTED;
        start = i;
      }
      // UNQUOTED: slice up to the next delimiter or line break.
      let j = i;
      let c = 0;
      for (; j < n; j++) {
        c = s.charCodeAt(j);
        if (c === delimiter || c === CR || c === LF) break;
        if (c === QUOTE) this.strayQuote();
      }
      if (j === n) {
        this.addPiece(s.slice(start, n));
        i = n;
      } else if (c === delimiter) {
        this.endField(s.slice(start, j));
        i = j + 1;
      } else {
        this.endRecord(s.slice(start, j), out);
        i = this.terminate(s, j, c);
      }
    }
    this.chunkEndedCR = n > 0 && s.charCodeAt(n - 1) === CR;
  }

  /** Scans a quoted field from `i` (its text so far starts at `start`); returns where it stopped. */
  private scanQuoted(s: string, i: number, start: number): number {
    const n = s.length;
    let from = start;
    for (let j = i; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === QUOTE) {
        if (j + 1 === n) {
          this.addPiece(s.slice(from, j));
          this.state = QUOTED_QUOTE;
          return n;
        }
        if (s.charCodeAt(j + 1) === QUOTE) {
          // RFC 4180 §2.7: "" inside a quoted field is one quote; keep the first of the pair.
          this.addPiece(s.slice(from, j + 1));
          from = j + 2;
          j++;
          continue;
        }
        this.addPiece(s.slice(from, j));
        this.state = AFTER_QUOTE;
        return j + 1;
      }
      if (c === CR) this.line++;
      else if (c === LF && !(j > 0 ? s.charCodeAt(j - 1) === CR : this.chunkEndedCR)) this.line++;
    }
    this.addPiece(s.slice(from, n));
    return n;
  }

  /** Ends the input: completes the last record (unterminated quotes included) and drops trailing blank lines. */
  end(out: RawRow[]): void {
    if (this.terminatorCR) {
      this.terminatorCR = false;
      this.endings.note('cr', this.line - 1);
    }
    if (this.state === QUOTED) {
      this.issues.add({
        code: 'unterminated_quote',
        record: this.records + 1,
        line: this.fieldLine,
        detail: `a quoted field opened on line ${this.fieldLine} never closes; the rest of the file is read as that field`,
      });
    }
    if (this.state !== FIELD_START || this.cells.length > 0) this.endRecord('', out);
  }

  /** Consumes the line break at `i` (`c` is CR or LF) and returns the index after it. */
  private terminate(s: string, i: number, c: number): number {
    const line = this.line;
    this.line++;
    this.recordLine = this.line;
    if (c === LF) {
      this.endings.note('lf', line);
      return i + 1;
    }
    if (i + 1 === s.length) {
      this.terminatorCR = true;
      return i + 1;
    }
    if (s.charCodeAt(i + 1) === LF) {
      this.endings.note('crlf', line);
      return i + 2;
    }
    this.endings.note('cr', line);
    return i + 1;
  }

  private addPiece(piece: string): void {
    this.pieces.push(piece);
    this.piecesLength += piece.length;
    // A UTF-8 byte count is never below the UTF-16 length, so this bound is safe to check early.
    if (this.piecesLength > this.maxFieldBytes) this.fieldTooLarge();
  }

  private takeField(last: string): string {
    let value = last;
    if (this.pieces.length > 0) {
      this.pieces.push(last);
      value = this.pieces.join('');
      this.pieces = [];
      this.piecesLength = 0;
    }
    if (exceedsUtf8Bytes(value, this.maxFieldBytes)) this.fieldTooLarge();
    this.strayReported = false;
    this.state = FIELD_START;
    return value;
  }

  private endField(last: string): void {
    this.cells.push(this.takeField(last));
    if (this.cells.length > this.maxColumns) {
      throw readError(
        'too_many_columns',
        `Record ${this.records + 1} (line ${this.recordLine}) has more than ${this.maxColumns} columns.`,
        { record: this.records + 1, line: this.recordLine, maxColumns: this.maxColumns },
      );
    }
  }

  private endRecord(last: string, out: RawRow[]): void {
    this.endField(last);
    this.blankLines.flush(this.issues, (line) => `line ${line} is empty`);
    this.records++;
    out.push({ record: this.records, line: this.recordLine, cells: this.cells });
    this.cells = [];
  }

  private strayQuote(): void {
    if (this.strayReported) return;
    this.strayReported = true;
    this.issues.add({
      code: 'stray_quote',
      record: this.records + 1,
      line: this.line,
      detail: `a double quote in the middle of a field on line ${this.line} is kept as a literal character`,
    });
  }

  private fieldTooLarge(): never {
    const quoted = this.state === QUOTED || this.state === QUOTED_QUOTE;
    const hint = quoted
      ? ` (a quoted field opened on line ${this.fieldLine}; is a closing quote missing?)`
      : '';
    throw readError(
      'field_too_large',
      `A field of record ${this.records + 1} (line ${this.recordLine}) exceeds ${this.maxFieldBytes} bytes${hint}.`,
      { record: this.records + 1, line: this.recordLine, maxFieldBytes: this.maxFieldBytes },
    );
  }
}
