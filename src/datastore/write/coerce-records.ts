import { invalid } from '../../core/errors.ts';
import { type Coerced, coerceValue, type StoredValue } from '../fields/coerce-value.ts';
import type { FieldDef } from '../fields/field-def.ts';
import { isPlainObject } from './resolve-fields.ts';

/** A record as sent in `records` (`{field: value}`), or a row of values in field order. */
export type RecordInput = unknown;

/** Problems reported at once before giving up, so a client can fix several rows per attempt. */
const MAX_PROBLEMS = 10;

/**
 * Turns records into stored values in field order. Keys must be fields; missing keys are NULL.
 * `firstRow` numbers rows in messages (1-based, as CKAN's "row N").
 * @throws AppError validation naming `records`, listing up to 10 problems.
 */
export function coerceRecords(
  records: readonly RecordInput[],
  fields: readonly FieldDef[],
  firstRow = 1,
): StoredValue[][] {
  const problems: string[] = [];
  const out: StoredValue[][] = [];
  for (const [i, record] of records.entries()) {
    const row = coerceRecord(record, fields, firstRow + i, problems);
    if (row) out.push(row);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length > 0) throw invalid({ records: problems });
  return out;
}

/** One record → stored values, or null with its problems appended to `problems`. */
export function coerceRecord(
  record: RecordInput,
  fields: readonly FieldDef[],
  rowNumber: number,
  problems: string[],
): StoredValue[] | null {
  if (Array.isArray(record)) {
    if (record.length !== fields.length) {
      problems.push(`row ${rowNumber} has ${record.length} values for ${fields.length} fields`);
      return null;
    }
    return coerceValues(record, fields, rowNumber, problems);
  }
  if (!isPlainObject(record)) {
    problems.push(`row ${rowNumber} is not a json object`);
    return null;
  }
  const ids = new Set(fields.map((f) => f.id));
  const extra = Object.keys(record).filter((k) => !ids.has(k));
  if (extra.length > 0) {
    problems.push(`row ${rowNumber} has extra keys "${extra.join(', ')}"`);
    return null;
  }
  return collect(
    fields.map((f) => [f, coerceValue(record[f.id], f.type)]),
    rowNumber,
    problems,
  );
}

/**
 * A row of values in field order. A plain loop with text taken as it is: a file load runs this
 * for every cell of a million rows.
 */
function coerceValues(
  record: readonly unknown[],
  fields: readonly FieldDef[],
  rowNumber: number,
  problems: string[],
): StoredValue[] | null {
  const values: StoredValue[] = new Array(fields.length);
  let failed = false;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (!field) continue;
    const value = record[i];
    if (field.type === 'text' && typeof value === 'string') {
      values[i] = value;
      continue;
    }
    const result = coerceValue(value, field.type);
    if (result.ok) values[i] = result.value;
    else {
      failed = true;
      problems.push(`row ${rowNumber}: "${field.id}" ${result.problem}`);
    }
  }
  return failed ? null : values;
}

function collect(
  results: Array<[FieldDef, Coerced]>,
  rowNumber: number,
  problems: string[],
): StoredValue[] | null {
  const values: StoredValue[] = [];
  let failed = false;
  for (const [field, result] of results) {
    if (result.ok) values.push(result.value);
    else {
      failed = true;
      problems.push(`row ${rowNumber}: "${field.id}" ${result.problem}`);
    }
  }
  return failed ? null : values;
}
