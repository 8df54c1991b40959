import type { RawRow } from '../read/types.ts';
import { type CellContext, type CellResult, checkCell, inspectCell, settle } from './check-cell.ts';
import {
  engineFinding,
  type Finding,
  mentionsClockTime,
  type RuleCheck,
} from './check-local-rules.ts';
import type { ColumnPlan } from './column-plan.ts';
import { detach } from './detach-string.ts';
import { CleanValues } from './clean-values.ts';
import { isPlainCoordinatePair, isPlainlyValid, isSpace } from './fast-paths.ts';
import type { IssueInput } from './issue-collector.ts';
import { UniqueTracker } from './unique-tracker.ts';
import { checkLatLng, type GeoBounds } from './value-rules.ts';

/** The verdict on one data row: its issues and, for `--fix`, the corrected cells. */
export interface RowVerdict {
  issues: IssueInput[];
  /** The cells to write (fixed values applied, trailing empty extras dropped). */
  cells: readonly string[];
  /** True when the row is empty and `--fix` drops it. */
  drop: boolean;
}

// Per-column memo of the verdicts on flawed values (`9:00`, `○` repeat across rows). Bounded, and
// keyed by detached copies so that it pins no decoded chunk (memory stays flat in file size).
const MEMO_LIMIT = 2048;
const MEMO_MAX_LENGTH = 64;

/** Checks data rows against a column plan; keeps the state of unique columns across rows. */
export class RowChecker {
  readonly #plans: readonly ColumnPlan[];
  readonly #context: CellContext;
  readonly #bounds: GeoBounds | undefined;
  readonly #memo: Array<Map<string, CellResult>>;
  /** The last value each column found clean: constant columns (北海道, 有) cost one comparison. */
  readonly #lastClean: Array<string | undefined>;
  readonly #clean: CleanValues[];
  /** Columns checked even when empty: 必須 or unique. */
  readonly #presence: boolean[];
  readonly #pairMemo = new Map<string, [CellResult, CellResult]>();
  readonly #unique: Array<UniqueTracker | undefined>;
  readonly #lat: ColumnPlan | undefined;
  readonly #lng: ColumnPlan | undefined;
  readonly #times: ColumnPlan[];
  readonly #remarks: ColumnPlan[];

  constructor(plans: readonly ColumnPlan[], context: CellContext, bounds?: GeoBounds) {
    this.#plans = plans;
    this.#context = context;
    this.#bounds = bounds;
    this.#memo = plans.map(() => new Map());
    this.#lastClean = plans.map(() => undefined);
    this.#clean = plans.map(() => new CleanValues());
    this.#presence = plans.map((p) => p.required || p.unique);
    this.#unique = plans.map((p) => (p.unique ? new UniqueTracker() : undefined));
    const lat = plans.find((p) => p.rule === 'latitude');
    const lng = plans.find((p) => p.rule === 'longitude');
    if (lat && lng && lat.inferred === lng.inferred) {
      this.#lat = lat;
      this.#lng = lng;
    }
    this.#times = plans.filter((p) => p.rule === 'time' && !p.inferred);
    this.#remarks = plans.filter((p) => p.rule === 'time_remarks');
  }

  check(row: RawRow): RowVerdict {
    const issues: IssueInput[] = [];
    const source = row.cells;
    const plans = this.#plans;
    const width = plans.length;
    if (isEmptyRow(source)) {
      issues.push(rowIssue(row, engineFinding('empty_row'), true));
      return { issues, cells: source, drop: true };
    }
    // Copied only when a cell changes: most rows are written as read.
    let cells: string[] | null = null;
    if (source.length !== width) cells = this.#fieldCount(row, issues);
    const pair = this.#checkPair(source);
    const lastClean = this.#lastClean;
    const presence = this.#presence;
    const clean = this.#clean;
    const lat = this.#lat;
    const lng = this.#lng;
    const count = Math.min(width, source.length);
    for (let i = 0; i < count; i++) {
      const plan = plans[i];
      const value = source[i];
      if (plan === undefined || value === undefined) continue;
      if (presence[i]) this.#required(plan, value, row, issues);
      if (value === '' || value === lastClean[i]) continue;
      let result: CellResult | undefined;
      if (plan === lat) result = pair?.[0];
      else if (plan === lng) result = pair?.[1];
      else if (!clean[i]?.has(value)) result = this.#checkOne(plan, value, i);
      if (result === undefined) continue;
      for (const f of result.findings) issues.push(cellIssue(row, plan, value, f, result.fixed));
      if (result.fixed !== undefined) {
        cells ??= source.slice();
        cells[i] = result.fixed;
      }
    }
    if (this.#times.length > 0) this.#timeInRemarks(row, issues);
    return { issues, cells: cells ?? source, drop: false };
  }

  /** Too few cells: an error. Too many: an error, or a fixable warning when the extras are empty. */
  #fieldCount(row: RawRow, issues: IssueInput[]): string[] | null {
    const width = this.#plans.length;
    const found = row.cells.length;
    if (found < width) {
      issues.push(rowIssue(row, engineFinding('row_too_few_fields', { found, expected: width })));
      return null;
    }
    const extra = row.cells.slice(width);
    if (extra.every((c) => c === '')) {
      const f = engineFinding('row_trailing_empty_fields', { extra: extra.length });
      issues.push(rowIssue(row, f, true));
      return row.cells.slice(0, width);
    }
    issues.push(rowIssue(row, engineFinding('row_too_many_fields', { found, expected: width })));
    return null;
  }

  #checkOne(plan: ColumnPlan, value: string, index: number): CellResult | undefined {
    if (isPlainlyValid(plan, value, this.#context.prefectureCode)) {
      this.#lastClean[index] = value;
      this.#clean[index]?.add(value);
      return undefined;
    }
    const memo = this.#memo[index];
    const cached = memo?.get(value);
    if (cached) return cached;
    if (!memo || memo.size >= MEMO_LIMIT || value.length > MEMO_MAX_LENGTH)
      return checkCell(plan, value, this.#context);
    const key = detach(value);
    const result = checkCell(plan, key, this.#context);
    memo.set(key, result);
    return result;
  }

  #checkPair(cells: readonly string[]): [CellResult, CellResult] | undefined {
    const lat = this.#lat;
    const lng = this.#lng;
    if (!lat || !lng) return undefined;
    const latValue = cells[lat.index] ?? '';
    const lngValue = cells[lng.index] ?? '';
    if (latValue === '' && lngValue === '') return undefined;
    if (isPlainCoordinatePair(latValue, lngValue, this.#bounds)) return undefined;
    const key = `${latValue}\u0000${lngValue}`;
    const cached = this.#pairMemo.get(key);
    if (cached) return cached;
    const result = this.#pairVerdict(lat, lng, detach(latValue), detach(lngValue));
    if (this.#pairMemo.size < MEMO_LIMIT) this.#pairMemo.set(detach(key), result);
    return result;
  }

  #pairVerdict(
    lat: ColumnPlan,
    lng: ColumnPlan,
    latValue: string,
    lngValue: string,
  ): [CellResult, CellResult] {
    const options = this.#bounds ? { prefectureBounds: this.#bounds } : {};
    const side = (
      plan: ColumnPlan,
      axis: 'latitude' | 'longitude',
      value: string,
      other: string,
    ) => {
      const typed = (v: string): RuleCheck => {
        const pair =
          axis === 'latitude' ? checkLatLng(v, other, options) : checkLatLng(other, v, options);
        // Findings about the pair (swapped, outside the prefecture) carry no field: both cells get them.
        const findings: Finding[] = pair.findings.filter(
          (f) => f.params?.field === undefined || f.params.field === axis,
        );
        const fixed = pair.fixed?.[axis];
        return fixed === undefined ? { findings } : { findings, fixed };
      };
      return settle(plan, value, inspectCell(plan, value, this.#context, typed), (v) =>
        inspectCell(plan, v, this.#context, typed),
      );
    };
    return [side(lat, 'latitude', latValue, lngValue), side(lng, 'longitude', lngValue, latValue)];
  }

  #required(plan: ColumnPlan, value: string, row: RawRow, issues: IssueInput[]): void {
    // Trimmed only when it starts or ends with a space (a code unit ≤ U+0020 or a wide space).
    const head = value.charCodeAt(0);
    const tail = value.charCodeAt(value.length - 1);
    const padded = value !== '' && (head <= 0x20 || tail <= 0x20 || isSpace(head) || isSpace(tail));
    const key = padded ? value.trim() : value;
    if (plan.required && key === '') {
      const f = engineFinding('required_value_missing', { field: plan.field?.name ?? plan.header });
      issues.push(cellIssue(row, plan, value, f));
    }
    const tracker = this.#unique[plan.index];
    if (!tracker || key === '') return;
    const first = tracker.seen(key, row.record);
    if (first === undefined) return;
    const field = plan.field?.name ?? plan.header;
    const f = engineFinding('duplicate_id', { field, value: key, firstRow: first });
    issues.push(cellIssue(row, plan, value, f));
  }

  #timeInRemarks(row: RawRow, issues: IssueInput[]): void {
    if (this.#times.some((p) => (row.cells[p.index] ?? '').trim() !== '')) return;
    for (const plan of this.#remarks) {
      const value = row.cells[plan.index] ?? '';
      if (mentionsClockTime(value))
        issues.push(cellIssue(row, plan, value, engineFinding('time_in_remarks')));
    }
  }
}

function rowIssue(row: RawRow, f: Finding, fixable = false): IssueInput {
  return {
    code: f.code,
    severity: f.severity,
    row: row.record,
    column: null,
    columnName: null,
    ...(f.params ? { params: f.params } : {}),
    fixable,
  };
}

function cellIssue(
  row: RawRow,
  plan: ColumnPlan,
  value: string,
  f: Finding & { fixable?: boolean },
  fixed?: string,
): IssueInput {
  const fixable = f.fixable ?? false;
  return {
    code: f.code,
    severity: f.severity,
    row: row.record,
    column: plan.index + 1,
    columnName: plan.header,
    value,
    ...(f.params ? { params: f.params } : {}),
    fixable,
    ...(fixable && fixed !== undefined ? { fixedValue: fixed } : {}),
  };
}

function isEmptyRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}
