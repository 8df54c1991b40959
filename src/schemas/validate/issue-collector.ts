import { describeIssue } from './describe-issue.ts';
import { detach } from './detach-string.ts';
import type { IssueSeverity, ReportIssue, ReportSummary } from './report-types.ts';

/** Where an issue is and what it is about, before its message is written. */
export interface IssueInput {
  code: string;
  severity: IssueSeverity;
  row: number | null;
  column: number | null;
  columnName: string | null;
  value?: string;
  params?: Readonly<Record<string, string | number>>;
  fixable: boolean;
  fixedValue?: string;
}

/** Default number of issues kept per code. */
export const DEFAULT_MAX_ERRORS_PER_CODE = 100;

/**
 * Counts every issue and keeps the first `maxPerCode` of each code: the report of a large file
 * stays bounded, the counts stay exact. Messages are written only for the issues kept.
 */
export class IssueCollector {
  readonly #maxPerCode: number;
  readonly #kept: ReportIssue[] = [];
  readonly #byCode = new Map<string, number>();
  readonly #bySeverity: Record<IssueSeverity, number> = { error: 0, warning: 0, notice: 0 };

  constructor(maxPerCode = DEFAULT_MAX_ERRORS_PER_CODE) {
    this.#maxPerCode = Number.isFinite(maxPerCode)
      ? Math.max(0, Math.floor(maxPerCode))
      : DEFAULT_MAX_ERRORS_PER_CODE;
  }

  add(input: IssueInput): void {
    const count = (this.#byCode.get(input.code) ?? 0) + 1;
    this.#byCode.set(input.code, count);
    this.#bySeverity[input.severity] += 1;
    if (count > this.#maxPerCode) return;
    // Kept strings are detached copies: a cell value is a view on its whole decoded chunk.
    const value = input.value === undefined ? undefined : detach(input.value);
    const columnName = input.columnName === null ? null : detach(input.columnName);
    const params: Record<string, string | number> = {
      value: value ?? '',
      column: columnName ?? '',
    };
    for (const [key, v] of Object.entries(input.params ?? {}))
      params[key] = typeof v === 'string' ? detach(v) : v;
    const { message, fix } = describeIssue(input.code, params);
    this.#kept.push({
      code: input.code,
      severity: input.severity,
      row: input.row,
      column: input.column,
      columnName,
      ...(value === undefined ? {} : { value }),
      message,
      fix,
      fixable: input.fixable,
      ...(input.fixedValue === undefined ? {} : { fixedValue: detach(input.fixedValue) }),
    });
  }

  /** True once an issue of this severity was added. */
  has(severity: IssueSeverity): boolean {
    return this.#bySeverity[severity] > 0;
  }

  issues(): ReportIssue[] {
    return this.#kept;
  }

  summary(rows: number): ReportSummary {
    return {
      rows,
      errors: this.#bySeverity.error,
      warnings: this.#bySeverity.warning,
      notices: this.#bySeverity.notice,
      byCode: Object.fromEntries(sortByCode([...this.#byCode.entries()])),
    };
  }

  truncated(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [code, count] of this.#byCode) {
      if (count > this.#maxPerCode) out[code] = count - this.#maxPerCode;
    }
    return out;
  }
}

// Codes are snake_case; for them the order of `localeCompare` (root collation: `_` before digits
// before letters) is computed here, which spares loading the ICU collator (~20 ms) per report.
const CODE_ALPHABET = /^[a-z0-9_]*$/;

function sortByCode<T>(entries: Array<[string, T]>): Array<[string, T]> {
  for (const [code] of entries)
    if (!CODE_ALPHABET.test(code)) return entries.sort(([a], [b]) => a.localeCompare(b));
  return entries.sort(([a], [b]) => compareCodes(a, b));
}

function collationWeight(c: number): number {
  if (c === 0x5f) return 0;
  return c <= 0x39 ? c - 0x2f : c - 0x56;
}

function compareCodes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = collationWeight(a.charCodeAt(i)) - collationWeight(b.charCodeAt(i));
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
