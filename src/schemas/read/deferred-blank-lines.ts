import { ISSUES_LISTED_PER_CODE, type IssueLog } from './issue-log.ts';

/**
 * Blank lines held back until a record follows them: trailing empty lines are normal (Excel
 * writes them) and are dropped silently, blank lines inside the table become `blank_line` issues.
 */
export class DeferredBlankLines {
  private lines: number[] = [];
  private total = 0;

  /** Notes `count` consecutive blank lines starting at `line`. */
  note(line: number, count = 1): void {
    const room = Math.min(count, ISSUES_LISTED_PER_CODE - this.lines.length);
    for (let k = 0; k < room; k++) this.lines.push(line + k);
    this.total += count;
  }

  /** Reports the held lines as issues (a record followed them). */
  flush(issues: IssueLog, describe: (line: number) => string): void {
    if (this.total === 0) return;
    for (const line of this.lines) {
      issues.add({ code: 'blank_line', record: null, line, detail: describe(line) });
    }
    issues.count('blank_line', this.total - this.lines.length);
    this.lines = [];
    this.total = 0;
  }
}
