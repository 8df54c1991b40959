import type { RawRow } from '../read/types.ts';
import { type CellContext, type CellResult, ColumnRule, checkCell } from './check-cell.ts';
import { CoordinatePairChecker, PLAIN_PAIR, type PairVerdict } from './check-coordinate-pair.ts';
import { engineFinding, type Finding, mentionsClockTime } from './check-local-rules.ts';
import type { ColumnPlan } from './column-plan.ts';
import { detach } from './detach-string.ts';
import { CleanValues } from './clean-values.ts';
import { PlainTest } from './fast-paths.ts';
import type { IssueInput } from './issue-collector.ts';
import { hasNonSpace, isSpace } from './scan-plain.ts';
import { UniqueTracker } from './unique-tracker.ts';
import type { GeoBounds } from './value-rules.ts';

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

// Rows after which a column whose cells nearly all differ from the last clean value (名称, 所在地)
// stops recording one: comparing with it costs more than it saves (see `#settleRecall`).
const RECALL_TRIAL = 1024;

// What a column is to the row loop.
const PLAIN = 0;
const LATITUDE = 1;
const LONGITUDE = 2;

/** What the row loop keeps of one column: one object, where parallel arrays took a load each. */
class Column {
  /** The fast test for values that certainly draw nothing. */
  readonly test: PlainTest;
  readonly rule: ColumnRule;
  /** Values found clean, and the memo of the verdicts on flawed ones. */
  readonly clean = new CleanValues();
  readonly memo = new Map<string, CellResult>();
  readonly tracker: UniqueTracker | undefined;
  /** 必須: an empty value is a finding. */
  readonly required: boolean;
  role = PLAIN;
  /** Whether a clean value becomes the column's last one (`#lastClean`); off for unique columns. */
  recall: boolean;
  /** Cells that were not the last clean value (read once, at the end of the recall trial). */
  misses = 0;

  constructor(
    readonly plan: ColumnPlan,
    context: CellContext,
  ) {
    this.test = new PlainTest(plan, context.prefectureCode);
    this.rule = new ColumnRule(plan, context);
    this.tracker = plan.unique ? new UniqueTracker() : undefined;
    this.required = plan.required;
    this.recall = !plan.unique;
  }
}

/**
 * Checks data rows against a column plan; keeps the state of unique columns across rows. Per
 * column, in the order tried: the last value found clean (constant columns such as 北海道 or 有
 * cost one comparison), the set of values found clean, the fast test, the memo of flawed values,
 * and only then the full rules.
 */
export class RowChecker {
  readonly #plans: readonly ColumnPlan[];
  readonly #columns: Column[];
  readonly #context: CellContext;
  /**
   * Per column, the last value found clean ('' at first). Only strings, never undefined: the
   * comparison with each cell then compiles to a string compare.
   */
  readonly #lastClean: string[];
  /** 1 where an empty cell is a finding (必須): there `''` matching `#lastClean` is no pass. */
  readonly #emptyMatters: Uint8Array;
  readonly #pair: CoordinatePairChecker | undefined;
  /** The 緯度 and 経度 columns, when neither is unique (see `#scan`). */
  readonly #pairCells: readonly [number, number] | undefined;
  readonly #times: number[];
  /** Rows scanned, counted up to the end of the recall trial. */
  #rowsSeen = 0;
  readonly #remarks: ColumnPlan[];

  constructor(plans: readonly ColumnPlan[], context: CellContext, bounds?: GeoBounds) {
    const width = plans.length;
    this.#plans = plans;
    this.#columns = plans.map((plan) => new Column(plan, context));
    this.#context = context;
    this.#lastClean = [];
    this.#emptyMatters = new Uint8Array(width);
    this.#times = [];
    this.#remarks = [];
    let lat: ColumnPlan | undefined;
    let lng: ColumnPlan | undefined;
    for (const plan of plans) {
      const i = plan.index;
      // '' skips empty cells at once, except where an empty cell is a finding (必須). A unique
      // column keeps '' (it records no clean value): its cells are all checked but empty ones.
      this.#lastClean.push('');
      if (plan.required) this.#emptyMatters[i] = 1;
      if (plan.rule === 'latitude') lat ??= plan;
      if (plan.rule === 'longitude') lng ??= plan;
      if (plan.rule === 'time' && !plan.inferred) this.#times.push(i);
      if (plan.rule === 'time_remarks') this.#remarks.push(plan);
    }
    const latColumn = lat && this.#columns[lat.index];
    const lngColumn = lng && this.#columns[lng.index];
    if (lat && lng && latColumn && lngColumn && lat.inferred === lng.inferred) {
      latColumn.role = LATITUDE;
      lngColumn.role = LONGITUDE;
      this.#pair = new CoordinatePairChecker(lat, lng, bounds);
      if (!lat.unique && !lng.unique) this.#pairCells = [lat.index, lng.index];
    }
  }

  /** The row's issues and, for `--fix`, its corrected cells. */
  check(row: RawRow): RowVerdict {
    const issues: IssueInput[] = [];
    if (isEmptyRow(row.cells)) {
      issues.push(rowIssue(row, engineFinding('empty_row'), true));
      return { issues, cells: row.cells, drop: true };
    }
    return { issues, cells: this.#scan(row, issues) ?? row.cells, drop: false };
  }

  /** Appends the row's issues to `issues` (the same as `check(row).issues`, with no verdict built). */
  collect(row: RawRow, issues: IssueInput[]): void {
    if (isEmptyRow(row.cells)) issues.push(rowIssue(row, engineFinding('empty_row'), true));
    else this.#scan(row, issues);
  }

  /** Checks a non-empty row; returns its cells with the fixes applied, or null when none apply. */
  #scan(row: RawRow, issues: IssueInput[]): string[] | null {
    if (this.#rowsSeen < RECALL_TRIAL && ++this.#rowsSeen === RECALL_TRIAL) this.#settleRecall();
    const source = row.cells;
    const width = this.#plans.length;
    // Copied only when a cell changes: most rows are written as read.
    let cells: string[] | null = null;
    if (source.length !== width) cells = this.#fieldCount(row, issues);
    const pair = this.#pair?.check(source);
    const lastClean = this.#lastClean;
    const pairCells = this.#pairCells;
    if (pairCells !== undefined) {
      // A plain pair draws nothing, and its cells are not empty (必須 holds): they pass the loop
      // below as their column's last clean value would. Any other pair is looked at cell by cell.
      const [lat, lng] = pairCells;
      const plain = pair === PLAIN_PAIR;
      lastClean[lat] = plain ? (source[lat] ?? '') : '';
      lastClean[lng] = plain ? (source[lng] ?? '') : '';
    }
    const emptyMatters = this.#emptyMatters;
    const count = Math.min(width, source.length);
    for (let i = 0; i < count; i++) {
      const value = source[i];
      if (value === undefined) continue;
      // Most cells repeat their column's last clean value (北海道, 有, 1): one comparison.
      if (value === lastClean[i] && (value !== '' || emptyMatters[i] === 0)) continue;
      const fixed = this.#cell(i, value, row, issues, pair);
      if (fixed !== undefined) {
        cells ??= source.slice();
        cells[i] = fixed;
      }
    }
    if (this.#times.length > 0) this.#timeInRemarks(row, issues);
    return cells;
  }

  /** Checks a cell that is not its column's last clean value; returns what `--fix` writes, if any. */
  #cell(
    index: number,
    value: string,
    row: RawRow,
    issues: IssueInput[],
    pair: PairVerdict | undefined,
  ): string | undefined {
    const column = this.#columns[index];
    if (column === undefined) return undefined;
    column.misses += 1;
    const plan = column.plan;
    // A value breaks 必須 only when it trims to nothing, so when it is empty or starts with a space.
    const maybeEmpty = column.required && (value === '' || isSpace(value.charCodeAt(0)));
    if (maybeEmpty || column.tracker !== undefined) this.#required(column, value, row, issues);
    if (value === '') return undefined;
    const role = column.role;
    let result: CellResult | undefined;
    if (role === PLAIN) result = this.#checkOne(column, index, value);
    else if (pair !== undefined) result = role === LATITUDE ? pair[0] : pair[1];
    if (result === undefined) return undefined;
    const fixed = result.fixed;
    for (const f of result.findings) issues.push(cellIssue(row, plan, value, f, fixed));
    return fixed;
  }

  /**
   * Ends the recall trial: a column whose cells missed the last clean value in nearly every row
   * stops recording one and keeps '' instead, which a non-empty cell fails at its length alone
   * (a long cell compared with an equally long one costs a runtime call). Its values are still
   * found in the set of clean values.
   */
  #settleRecall(): void {
    for (let i = 0; i < this.#columns.length; i++) {
      const column = this.#columns[i];
      if (column === undefined || column.role !== PLAIN) continue;
      if (column.recall && column.misses * 10 > RECALL_TRIAL * 9) {
        column.recall = false;
        this.#lastClean[i] = '';
      }
    }
  }

  /** Too few cells: an error. Too many: an error, or a fixable warning when the extras are empty. */
  #fieldCount(row: RawRow, issues: IssueInput[]): string[] | null {
    const width = this.#plans.length;
    const found = row.cells.length;
    if (found < width) {
      issues.push(rowIssue(row, engineFinding('row_too_few_fields', { found, expected: width })));
      return null;
    }
    let extrasEmpty = true;
    for (let i = width; i < found; i++) if (row.cells[i] !== '') extrasEmpty = false;
    if (extrasEmpty) {
      const f = engineFinding('row_trailing_empty_fields', { extra: found - width });
      issues.push(rowIssue(row, f, true));
      return row.cells.slice(0, width);
    }
    issues.push(rowIssue(row, engineFinding('row_too_many_fields', { found, expected: width })));
    return null;
  }

  /** The verdict on a non-empty cell of an ordinary column; undefined when it is clean. */
  #checkOne(column: Column, index: number, value: string): CellResult | undefined {
    const { plan, clean, test, memo } = column;
    // A unique column must see every value; in a 必須 column a clean value is present.
    if (clean.has(value)) {
      if (column.recall) this.#lastClean[index] = value;
      return undefined;
    }
    // Flawed values repeat too (`9:00`, `○`): found here, they skip the fast test.
    if (memo.size > 0) {
      const cached = memo.get(value);
      if (cached) return cached;
    }
    if (test.accepts(value)) {
      if (column.recall) this.#lastClean[index] = value;
      clean.add(value);
      return undefined;
    }
    const padded = test.paddedVerdict(value, plan.inferred);
    if (padded) return padded;
    const memoable = memo.size < MEMO_LIMIT && value.length <= MEMO_MAX_LENGTH;
    // A memo entry's result quotes its key in findings: a detached key pins no chunk.
    const key = memoable ? detach(value) : value;
    const result = checkCell(plan, key, this.#context, column.rule);
    // Clean by the full rules though not by the fast test (`Wakakusa Park` in a 半角英数字
    // column): from now on it is a clean value like the others, one comparison away.
    if (result.findings.length === 0 && result.fixed === undefined) {
      if (column.recall) this.#lastClean[index] = value;
      clean.add(value);
      return undefined;
    }
    if (memoable) memo.set(key, result);
    return result;
  }

  #required(column: Column, value: string, row: RawRow, issues: IssueInput[]): void {
    const plan = column.plan;
    // Trimmed only when it starts or ends with a space (a code unit ≤ U+0020 or a wide space).
    const head = value.charCodeAt(0);
    const tail = value.charCodeAt(value.length - 1);
    const padded = value !== '' && (head <= 0x20 || tail <= 0x20 || isSpace(head) || isSpace(tail));
    const key = padded ? value.trim() : value;
    if (plan.required && key === '') {
      const f = engineFinding('required_value_missing', { field: plan.field?.name ?? plan.header });
      issues.push(cellIssue(row, plan, value, f));
    }
    const tracker = column.tracker;
    if (!tracker || key === '') return;
    const first = tracker.seen(key, row.record);
    if (first === undefined) return;
    const field = plan.field?.name ?? plan.header;
    const f = engineFinding('duplicate_id', { field, value: key, firstRow: first });
    issues.push(cellIssue(row, plan, value, f));
  }

  /** Clock times in a remarks column while every 時間 column is empty. */
  #timeInRemarks(row: RawRow, issues: IssueInput[]): void {
    const times = this.#times;
    for (let i = 0; i < times.length; i++) {
      const value = row.cells[times[i] ?? -1];
      if (value !== undefined && hasNonSpace(value)) return;
    }
    for (const plan of this.#remarks) {
      const value = row.cells[plan.index] ?? '';
      if (mentionsClockTime(value))
        issues.push(cellIssue(row, plan, value, engineFinding('time_in_remarks')));
    }
  }
}

function rowIssue(row: RawRow, f: Finding, fixable = false): IssueInput {
  const issue: IssueInput = {
    code: f.code,
    severity: f.severity,
    row: row.record,
    column: null,
    columnName: null,
    fixable,
  };
  if (f.params) issue.params = f.params;
  return issue;
}

function cellIssue(
  row: RawRow,
  plan: ColumnPlan,
  value: string,
  f: Finding & { fixable?: boolean },
  fixed?: string,
): IssueInput {
  const fixable = f.fixable ?? false;
  const issue: IssueInput = {
    code: f.code,
    severity: f.severity,
    row: row.record,
    column: plan.index + 1,
    columnName: plan.header,
    value,
    fixable,
  };
  if (f.params) issue.params = f.params;
  if (fixable && fixed !== undefined) issue.fixedValue = fixed;
  return issue;
}

/** True when every cell is empty or spaces (`trim()` would leave nothing). */
function isEmptyRow(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (hasNonSpace(cells[i] ?? '')) return false;
  return true;
}
