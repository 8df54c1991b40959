import { isAppError } from '../../core/errors.ts';
import { getSchema, listSchemas } from '../catalog/load-schemas.ts';
import type { OpenedTable, RawRow, ReadIssue, TableInfo } from '../read/types.ts';
import { recognizeHeader } from '../recognize/recognize-header.ts';
import { engineFinding, type Finding } from './check-local-rules.ts';
import { RowChecker } from './check-row.ts';
import { planColumns } from './column-plan.ts';
import { severityOfCode } from './describe-issue.ts';
import { reviewHeader } from './header-issues.ts';
import { type IssueInput, IssueCollector } from './issue-collector.ts';
import { prefectureBounds } from './prefecture-bounds.ts';
import type { ValidateOptions, ValidationReport } from './report-types.ts';
import { describeRecognition, type TableReview } from './review-table.ts';

const PROGRESS_EVERY = 2000;

/**
 * Validates an opened table against the standard dataset its header matches (or `schemaId`).
 * Streams the rows: memory stays flat whatever the file size. Never throws: a file that cannot
 * be read gives a report with `readable: false`.
 */
export async function validateTable(
  opened: OpenedTable,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const collector = new IssueCollector(options.maxErrorsPerCode);
  let review: TableReview | null = null;
  let rows = 0;
  // One array for every row's issues: most rows have none, and a verdict per row would be garbage.
  const issues: IssueInput[] = [];
  try {
    for await (const row of opened.rows) {
      if (!review) {
        review = startReview(row, options, collector);
        continue;
      }
      rows += 1;
      review.checker.collect(row, issues);
      if (issues.length > 0) {
        for (const issue of issues) collector.add(issue);
        issues.length = 0;
      }
      if (rows % PROGRESS_EVERY === 0) options.onProgress?.({ rows, bytes: opened.bytesRead() });
    }
  } catch (error) {
    return unreadableReport(opened.info, error, options);
  }
  options.onProgress?.({ rows, bytes: opened.bytesRead() });
  if (!review) return unreadableReport(opened.info, new Error('no header row'), options);
  if (rows === 0) collector.add(fileIssue(engineFinding('no_data_rows')));
  addReadIssues(opened.issues(), collector);
  addContainerNotices(opened.info, collector);
  return {
    valid: !collector.has('error'),
    readable: true,
    encoding: opened.info.encoding,
    format: opened.info.format,
    lineEnding: opened.info.lineEnding,
    sheetName: opened.info.sheetName,
    ...describeRecognition(review),
    summary: collector.summary(rows),
    issues: sortIssues(collector.issues()),
    truncated: collector.truncated(),
  };
}

/** Recognises the header, plans the columns and records the header findings. */
export function startReview(
  headerRow: RawRow,
  options: ValidateOptions,
  collector: IssueCollector | null,
): TableReview {
  const header = headerRow.cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c));
  const schemas = listSchemas();
  let schemaId: string | undefined;
  if (options.schemaId !== undefined) {
    try {
      schemaId = getSchema(options.schemaId, schemas).s5.id;
    } catch (error) {
      if (!isAppError(error)) throw error;
      collector?.add(fileIssue(engineFinding('schema_not_found', { schema: options.schemaId })));
    }
  }
  const recognition = recognizeHeader(header, schemas, schemaId === undefined ? {} : { schemaId });
  const match = recognition.best;
  if (!match && schemaId === undefined) {
    const nearest = recognition.nearMisses[0];
    const name = nearest ? `${nearest.schema.s5.title.ja} ${nearest.confidence.toFixed(2)}` : '-';
    collector?.add(fileIssue(engineFinding('schema_not_recognized', { nearest: name })));
  }
  const plans = planColumns(header, match, schemas);
  const headerReview = reviewHeader(header, match);
  for (const issue of headerReview.issues) collector?.add(issue);
  const context =
    options.prefectureCode === undefined ? {} : { prefectureCode: options.prefectureCode };
  const checker = new RowChecker(plans, context, prefectureBounds(options.prefectureCode));
  return { header, recognition, plans, checker, renames: headerReview.renames };
}

function fileIssue(f: Finding): IssueInput {
  return {
    code: f.code,
    severity: f.severity,
    row: null,
    column: null,
    columnName: null,
    ...(f.params ? { params: f.params } : {}),
    fixable: false,
  };
}

// Codes the reader emits that the messages know; any other becomes `read_issue` with its detail.
const READ_CODES = new Set([
  'invalid_utf8_sequence',
  'nul_byte',
  'unterminated_quote',
  'stray_quote',
  'mixed_line_endings',
  'blank_line',
]);
// Fixed by writing a fresh UTF-8 CRLF file.
const READ_FIXABLE = new Set(['mixed_line_endings', 'blank_line']);

function addReadIssues(issues: readonly ReadIssue[], collector: IssueCollector): void {
  for (const issue of issues) {
    const code = READ_CODES.has(issue.code) ? issue.code : 'read_issue';
    collector.add({
      code,
      severity: severityOfCode(code),
      row: issue.record,
      column: null,
      columnName: null,
      params: { detail: issue.detail },
      fixable: READ_FIXABLE.has(code),
    });
  }
}

function addContainerNotices(info: TableInfo, collector: IssueCollector): void {
  const encoding = info.encoding;
  if (encoding && encoding !== 'utf-8' && encoding !== 'utf-8-bom') {
    collector.add({
      ...fileIssue(engineFinding('encoding_not_utf8', { encoding })),
      fixable: true,
    });
  }
  const ending = info.lineEnding;
  if (ending && ending !== 'crlf' && ending !== 'none' && ending !== 'mixed') {
    collector.add({
      ...fileIssue(engineFinding('line_ending_not_crlf', { lineEnding: ending.toUpperCase() })),
      fixable: true,
    });
  }
}

function sortIssues<T extends { row: number | null; column: number | null }>(issues: T[]): T[] {
  return issues
    .map((issue, order) => ({ issue, order }))
    .sort(
      (a, b) =>
        (a.issue.row ?? 0) - (b.issue.row ?? 0) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.order - b.order,
    )
    .map((x) => x.issue);
}

/** The report of a file that could not be read as a table. */
export function unreadableReport(
  info: TableInfo | null,
  error: unknown,
  options: ValidateOptions,
): ValidationReport {
  const collector = new IssueCollector(options.maxErrorsPerCode);
  const reason =
    isAppError(error) && typeof error.details?.code === 'string'
      ? `${error.details.code}: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  collector.add(fileIssue(engineFinding('unreadable', { reason })));
  return {
    valid: false,
    readable: false,
    encoding: info?.encoding ?? null,
    format: info?.format ?? null,
    lineEnding: info?.lineEnding ?? null,
    sheetName: info?.sheetName ?? null,
    schema: null,
    nearMisses: [],
    columnMapping: [],
    summary: collector.summary(0),
    issues: collector.issues(),
    truncated: {},
  };
}
