import type { ReadIssue } from './types.ts';

/** How many issues of one code are listed; the rest are only counted (a 1M-line file can hold 1M blank lines). */
export const ISSUES_LISTED_PER_CODE = 100;

/** Collects read issues, listing at most `ISSUES_LISTED_PER_CODE` of each code and counting the rest. */
export class IssueLog {
  private readonly listed: ReadIssue[] = [];
  private readonly seen = new Map<string, number>();
  private finished = false;

  /** True while another issue of `code` would still be listed (lets callers skip costly positioning). */
  wants(code: string): boolean {
    return (this.seen.get(code) ?? 0) < ISSUES_LISTED_PER_CODE;
  }

  /** Records one issue (listed or only counted). */
  add(issue: ReadIssue): void {
    this.count(issue.code, 1, issue);
  }

  /** Counts `n` issues of `code` whose positions are not known or not needed. */
  count(code: string, n: number, first?: ReadIssue): void {
    const before = this.seen.get(code) ?? 0;
    this.seen.set(code, before + n);
    if (first && before < ISSUES_LISTED_PER_CODE) this.listed.push(first);
  }

  /** Appends one summary issue per code whose occurrences were not all listed; idempotent. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const listedByCode = new Map<string, number>();
    for (const issue of this.listed) {
      listedByCode.set(issue.code, (listedByCode.get(issue.code) ?? 0) + 1);
    }
    for (const [code, total] of this.seen) {
      const unlisted = total - (listedByCode.get(code) ?? 0);
      if (unlisted > 0) {
        this.listed.push({
          code,
          record: null,
          line: null,
          detail: `${unlisted} more ${code} issue(s) not listed (${total} in all)`,
        });
      }
    }
  }

  /** A copy of the issues listed so far. */
  list(): ReadIssue[] {
    return [...this.listed];
  }
}
