import type { IssueLog } from './issue-log.ts';
import type { LineEnding } from './types.ts';

/** The three record terminators a text table can use. */
export type Terminator = 'crlf' | 'lf' | 'cr';

/** Counts record terminators and reports the first line that breaks with the file's first kind. */
export class LineEndingTally {
  private readonly counts = { crlf: 0, lf: 0, cr: 0 };
  private first: Terminator | null = null;

  constructor(private readonly issues: IssueLog) {}

  /** Notes that the record on `line` ended with `kind`. */
  note(kind: Terminator, line: number): void {
    this.counts[kind]++;
    if (this.first === null) {
      this.first = kind;
    } else if (kind !== this.first && this.counts[kind] === 1) {
      this.issues.add({
        code: 'mixed_line_endings',
        record: null,
        line,
        detail: `line ${line} ends with ${kind.toUpperCase()} but earlier lines end with ${this.first.toUpperCase()}`,
      });
    }
  }

  /** `none` before any terminator, `mixed` once two kinds were seen. */
  lineEnding(): LineEnding {
    const { crlf, lf, cr } = this.counts;
    const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
    if (kinds === 0) return 'none';
    if (kinds > 1) return 'mixed';
    return crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr';
  }
}
