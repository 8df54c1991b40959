import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toCkanTimestamp } from '../core/clock.ts';
import { AppError, isAppError, notFound } from '../core/errors.ts';
import { type FieldDef, geoIndexFields, loadRows } from '../datastore/index.ts';
import type { Database } from '../db/index.ts';
import type { FileStore } from '../files/index.ts';
import {
  fixTableToFile,
  getSchema,
  openTable,
  openTableFile,
  type ValidationReport,
  validateTable,
} from '../schemas/index.ts';
import { headerToFieldIds } from './field-names.ts';
import { ColumnTyper, typeOfRule } from './infer-types.ts';
import type { JobProgress } from './repo/jobs.ts';
import { findResourceFile } from './repo/resources.ts';
import { insertVersion } from './repo/versions.ts';

/** What the ingest needs: the database, the file store, the time and who asked. */
export interface IngestDeps {
  readonly db: Database;
  readonly files: FileStore;
  readonly now: () => Date;
  /** Two-digit prefecture code for the validator's area checks, e.g. '01'. */
  readonly prefectureCode?: string;
}

/** 適合度: how the file matched its standard dataset. */
export type Conformance =
  | 'conforming'
  | 'conforming_with_warnings'
  | 'nonconforming'
  | 'nonstandard'
  | 'unreadable';

/** The outcome of one ingest (a loaded version). */
export interface IngestResult {
  resourceId: string;
  version: number;
  rowCount: number;
  schemaId: string | null;
  conformance: Conformance;
  fields: FieldDef[];
  report: ValidationReport;
}

const PROGRESS_EVERY = 1000;

/**
 * Loads a resource's uploaded file into its datastore table: validates it (standard schema or
 * none), applies the validator's certain fixes, types the columns (schema rules, else inferred
 * from every value) and replaces the table atomically; records the attempt as a version. The file
 * is streamed several times and never held in memory.
 * @throws AppError not_found (no resource or no uploaded file), bad_request (unreadable file),
 *   validation (a row the table cannot store); a failed attempt is recorded as a failed version
 *   and the previous table stays as it was.
 */
export async function ingestResource(
  deps: IngestDeps,
  resourceId: string,
  options: { onProgress?: (p: JobProgress) => void; createdBy?: string | null } = {},
): Promise<IngestResult> {
  const resource = await findResourceFile(deps.db, resourceId);
  if (!resource) throw notFound('Resource was not found.');
  const sha256 = resource.sha256;
  if (!sha256) throw notFound('This resource is a link, not an uploaded file');
  const progress = options.onProgress ?? (() => undefined);
  const open = async () =>
    // A file read stream without an encoding yields Buffers, which are Uint8Arrays.
    openTable(deps.files.open(sha256) as AsyncIterable<Uint8Array>, {
      fileName: resource.fileName,
    });
  const record = (
    report: ValidationReport | null,
    outcome: { rows: number; error: string } | { rows: number; error: null },
  ) =>
    insertVersion(deps.db, {
      resourceId,
      fileSha256: sha256,
      size: resource.size,
      createdBy: options.createdBy ?? null,
      created: toCkanTimestamp(deps.now()),
      rowCount: outcome.error === null ? outcome.rows : null,
      schemaId: report?.schema?.id ?? null,
      schemaGeneration: report?.schema?.generation ?? null,
      conformance: report ? conformanceOf(report) : 'unreadable',
      report: report ?? {},
      status: outcome.error === null ? 'loaded' : 'failed',
      error: outcome.error,
    });

  progress({ phase: 'validate', rows: 0 });
  const validateOptions = deps.prefectureCode ? { prefectureCode: deps.prefectureCode } : {};
  let report: ValidationReport;
  try {
    report = await validateTable(await open(), {
      ...validateOptions,
      onProgress: (p) => progress({ phase: 'validate', rows: p.rows }),
    });
  } catch (error) {
    const reason = unreadable(messageOf(error));
    await record(null, { rows: 0, error: reason });
    throw new AppError('bad_request', reason, { cause: error });
  }
  if (!report.readable) {
    const reason = unreadable(report.issues[0]?.message.ja ?? 'unreadable');
    await record(report, { rows: 0, error: reason });
    throw new AppError('bad_request', reason);
  }

  const dir = mkdtempSync(path.join(tmpdir(), 's5-ingest-'));
  try {
    const fixedPath = path.join(dir, 'fixed.csv');
    // The fixer streams the file again, applying only certain fixes (全角数字, header spellings…).
    progress({ phase: 'fix', rows: 0 });
    await fixTableToFile(await open(), fixedPath, {
      ...validateOptions,
      ...(report.schema ? { schemaId: report.schema.id } : {}),
    });
    const { fields, codeFields } = await planFields(fixedPath, report, progress);
    const meta = await loadRows(
      deps.db,
      resourceId,
      fields,
      rowsOf(fixedPath, fields.length, progress),
      {
        replace: true,
        // A 緯度/経度 index lets s5_datastore_nearby prefilter by bounding box; the standard's
        // 全国地方公共団体コード columns are what a prefecture-wide table is filtered by.
        indexes: [...geoIndexFields(fields), ...codeFields.map((id) => [id])],
        now: deps.now(),
      },
    );
    const version = await record(report, { rows: meta.rowCount, error: null });
    return {
      resourceId,
      version,
      rowCount: meta.rowCount,
      schemaId: report.schema?.id ?? null,
      conformance: conformanceOf(report),
      fields,
      report,
    };
  } catch (error) {
    await record(report, { rows: 0, error: messageOf(error) });
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 適合度 of a readable file's report. */
export function conformanceOf(report: ValidationReport): Conformance {
  if (!report.readable) return 'unreadable';
  if (!report.schema) return 'nonstandard';
  if (!report.valid) return 'nonconforming';
  return report.summary.warnings > 0 ? 'conforming_with_warnings' : 'conforming';
}

// Streams the fixed file once to type every column from all its values; also names the
// columns holding a standard field with the municipality-code rule.
async function planFields(
  fixedPath: string,
  report: ValidationReport,
  progress: (p: JobProgress) => void,
): Promise<{ fields: FieldDef[]; codeFields: string[] }> {
  const schema = report.schema ? getSchema(report.schema.id) : null;
  const opened = await openTableFile(fixedPath, { format: 'csv' });
  let header: string[] | null = null;
  let typer: ColumnTyper | null = null;
  let rows = 0;
  for await (const row of opened.rows) {
    if (!header) {
      header = row.cells;
      typer = new ColumnTyper(
        header.map((name, i) => {
          const fieldName = report.columnMapping[i]?.field;
          const field = fieldName ? schema?.fields.find((f) => f.name === fieldName) : undefined;
          if (field) return typeOfRule(field.s5.rule);
          // 緯度/経度 of a local file: coordinates, as in the standard datasets.
          return /(緯度|経度)$|^(latitude|longitude)$/i.test(name.trim()) ? 'float8' : null;
        }),
      );
      continue;
    }
    typer?.add(row.cells);
    rows += 1;
    if (rows % PROGRESS_EVERY === 0) progress({ phase: 'analyze', rows });
  }
  if (!header || !typer)
    throw new AppError('bad_request', '見出し行がありません / The file has no header row');
  const types = typer.types();
  const ids = headerToFieldIds(header);
  const fields = ids.map((id, i): FieldDef => {
    const label = header?.[i] ?? id;
    return { id, type: types[i] ?? 'text', info: { label } };
  });
  const codeFields = ids.filter((_, i) => {
    const name = report.columnMapping[i]?.field;
    return schema?.fields.find((f) => f.name === name)?.s5.rule === 'municipality_code';
  });
  return { fields, codeFields };
}

async function* rowsOf(
  fixedPath: string,
  width: number,
  progress: (p: JobProgress) => void,
): AsyncGenerator<string[]> {
  const opened = await openTableFile(fixedPath, { format: 'csv' });
  let first = true;
  let rows = 0;
  for await (const row of opened.rows) {
    if (first) {
      first = false;
      continue;
    }
    const cells = row.cells.slice(0, width);
    while (cells.length < width) cells.push('');
    yield cells;
    rows += 1;
    if (rows % PROGRESS_EVERY === 0) progress({ phase: 'load', rows });
  }
  progress({ phase: 'load', rows });
}

function unreadable(reason: string): string {
  return `ファイルを表として読めません / The file cannot be read as a table: ${reason}`;
}

function messageOf(error: unknown): string {
  if (isAppError(error) && error.fields) return `${error.message}: ${JSON.stringify(error.fields)}`;
  return error instanceof Error ? error.message : String(error);
}
