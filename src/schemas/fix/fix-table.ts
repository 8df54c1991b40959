import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { OpenedTable } from '../read/types.ts';
import type { IssueInput } from '../validate/issue-collector.ts';
import type { ValidateOptions } from '../validate/report-types.ts';
import type { TableReview } from '../validate/review-table.ts';
import { startReview } from '../validate/validate-table.ts';
import { CSV_LINE_ENDING, formatCsvRecord } from './write-csv.ts';

/** One change `--fix` made. `column` is null for a dropped row or dropped extra cells. */
export interface FixChange {
  row: number;
  column: number | null;
  columnName: string | null;
  from: string;
  to: string;
  codes: string[];
}

/** What `--fix` did: the changes (the first `maxChanges`) and exact counts. */
export interface FixResult {
  schemaId: string | null;
  rowsWritten: number;
  rowsDropped: number;
  totalChanges: number;
  changesByCode: Record<string, number>;
  changes: FixChange[];
  /** True when more changes were made than listed. */
  truncated: boolean;
}

/** Options of `fixTable`. */
export interface FixOptions
  extends Pick<ValidateOptions, 'schemaId' | 'prefectureCode' | 'onProgress'> {
  /** Changes listed in the result (default 1000); all are counted. */
  maxChanges?: number;
}

/**
 * Streams a table again and writes a conforming UTF-8 CSV (no BOM, CRLF) applying only certain
 * fixes: the checkers' `fixed` values, certain header renames, dropped empty rows and empty extra
 * cells. It never guesses. Idempotent: fixing the output again changes nothing.
 * @throws AppError bad_request when the table cannot be read (see `openTable`).
 */
export async function fixTable(
  opened: OpenedTable,
  write: (text: string) => void | Promise<void>,
  options: FixOptions = {},
): Promise<FixResult> {
  const log = new ChangeLog(options.maxChanges ?? 1000);
  let review: TableReview | null = null;
  let buffer = '';
  let rowsWritten = 0;
  let rowsDropped = 0;
  const flush = async (force: boolean) => {
    if (buffer.length === 0 || (!force && buffer.length < 1 << 16)) return;
    const text = buffer;
    buffer = '';
    await write(text);
  };
  for await (const row of opened.rows) {
    if (!review) {
      review = startReview(row, options, null);
      const header = review.header.map((name, i) => review?.renames.get(i) ?? name);
      header.forEach((name, i) => {
        const from = row.cells[i] ?? '';
        if (name !== from)
          log.add({ row: 1, column: i + 1, columnName: from, from, to: name, codes: ['header'] });
      });
      buffer += formatCsvRecord(header) + CSV_LINE_ENDING;
      continue;
    }
    const verdict = review.checker.check(row);
    if (verdict.drop) {
      rowsDropped += 1;
      log.add({
        row: row.record,
        column: null,
        columnName: null,
        from: row.cells.join(','),
        to: '',
        codes: ['empty_row'],
      });
      continue;
    }
    recordChanges(row.record, row.cells, verdict.cells, verdict.issues, log);
    buffer += formatCsvRecord(verdict.cells) + CSV_LINE_ENDING;
    rowsWritten += 1;
    await flush(false);
    if (rowsWritten % 2000 === 0)
      options.onProgress?.({ rows: rowsWritten, bytes: opened.bytesRead() });
  }
  await flush(true);
  return {
    schemaId: review?.recognition.best?.schema.s5.id ?? null,
    rowsWritten,
    rowsDropped,
    ...log.result(),
  };
}

function recordChanges(
  row: number,
  before: readonly string[],
  after: readonly string[],
  issues: readonly IssueInput[],
  log: ChangeLog,
): void {
  for (let i = 0; i < after.length; i++) {
    const from = before[i] ?? '';
    const to = after[i] ?? '';
    if (from === to) continue;
    const codes = issues.filter((x) => x.column === i + 1 && x.fixable).map((x) => x.code);
    const columnName = issues.find((x) => x.column === i + 1)?.columnName ?? null;
    log.add({ row, column: i + 1, columnName, from, to, codes });
  }
  if (after.length < before.length) {
    const dropped = before.slice(after.length).join(',');
    log.add({
      row,
      column: null,
      columnName: null,
      from: `,${dropped}`,
      to: '',
      codes: ['row_trailing_empty_fields'],
    });
  }
}

class ChangeLog {
  readonly #max: number;
  readonly #changes: FixChange[] = [];
  readonly #byCode = new Map<string, number>();
  #total = 0;

  constructor(max: number) {
    this.#max = max;
  }

  add(change: FixChange): void {
    this.#total += 1;
    for (const code of change.codes) this.#byCode.set(code, (this.#byCode.get(code) ?? 0) + 1);
    if (this.#changes.length < this.#max) this.#changes.push(change);
  }

  result() {
    return {
      totalChanges: this.#total,
      changesByCode: Object.fromEntries(this.#byCode),
      changes: this.#changes,
      truncated: this.#total > this.#changes.length,
    };
  }
}

/**
 * Fixes an opened table into a file on disk (UTF-8, CRLF).
 * @throws AppError bad_request when the table cannot be read.
 */
export async function fixTableToFile(
  opened: OpenedTable,
  outputPath: string,
  options: FixOptions = {},
): Promise<FixResult> {
  const out = createWriteStream(outputPath, { encoding: 'utf8' });
  try {
    const result = await fixTable(
      opened,
      async (text) => {
        if (!out.write(text)) await once(out, 'drain');
      },
      options,
    );
    out.end();
    await once(out, 'finish');
    return result;
  } catch (error) {
    out.destroy();
    throw error;
  }
}
