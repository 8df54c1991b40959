import { invalid } from '../../core/errors.ts';
import type { FieldDef } from '../fields/field-def.ts';
import { fieldKey, fieldNameProblem } from '../fields/field-name.ts';
import { canonicalFieldType, guessFieldType } from '../fields/field-types.ts';

/** A field as a client sends it in `fields`; `type` may be left for s5 to guess. */
export interface FieldInput {
  readonly id: string;
  readonly type?: string | undefined;
  readonly info?: Record<string, unknown> | undefined;
}

/**
 * The table's fields after datastore_create (CKAN's create_table / alter_table): the existing
 * fields in their order (info updated when given again), then new supplied fields, then keys of
 * the first record that no field names, with guessed types. Existing fields keep their type.
 * @throws AppError validation naming `fields` (bad name or type, untyped field that cannot be
 *   guessed), `field` (duplicates) or `records` (bad name in the first record).
 */
export function resolveFields(
  existing: readonly FieldDef[],
  supplied: readonly FieldInput[],
  firstRecord: unknown,
): { fields: FieldDef[]; added: FieldDef[] } {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of supplied) {
    const key = fieldKey(f.id);
    if (seen.has(key)) throw invalid({ field: ['Duplicate column names are not supported'] });
    seen.add(key);
  }
  const record = isPlainObject(firstRecord) ? firstRecord : {};
  const byKey = new Map(existing.map((f) => [fieldKey(f.id), f]));
  const updated = new Map<string, FieldDef>();
  const added: FieldDef[] = [];
  for (const f of supplied) {
    const problem = fieldNameProblem(f.id);
    if (problem) {
      problems.push(`"${f.id}" is not a valid field name: ${problem}`);
      continue;
    }
    const current = byKey.get(fieldKey(f.id));
    if (current) {
      if (current.id !== f.id)
        throw invalid({ field: ['Duplicate column names are not supported'] });
      if (f.info !== undefined) updated.set(current.id, { ...current, info: f.info });
      continue;
    }
    const type = typeOf(f, record, problems);
    if (type)
      added.push(f.info === undefined ? { id: f.id, type } : { id: f.id, type, info: f.info });
  }
  if (problems.length > 0) throw invalid({ fields: problems });

  const known = new Set([...byKey.keys(), ...seen]);
  const recordProblems: string[] = [];
  for (const [id, value] of Object.entries(record)) {
    if (known.has(fieldKey(id))) continue;
    const problem = fieldNameProblem(id);
    if (problem) recordProblems.push(`"${id}" is not a valid field name: ${problem}`);
    else added.push({ id, type: guessFieldType(value) });
    known.add(fieldKey(id));
  }
  if (recordProblems.length > 0) throw invalid({ records: recordProblems });
  return { fields: [...existing.map((f) => updated.get(f.id) ?? f), ...added], added };
}

function typeOf(f: FieldInput, record: Record<string, unknown>, problems: string[]) {
  if (f.type !== undefined) {
    const type = canonicalFieldType(f.type);
    if (!type) problems.push(`"${f.type}" is not a valid field type`);
    return type;
  }
  if (!Object.hasOwn(record, f.id)) {
    problems.push(`"${f.id}" type not guessable`);
    return undefined;
  }
  return guessFieldType(record[f.id]);
}

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the fields of a load given as definitions (the ingest path): valid, distinct names.
 * @throws AppError validation naming `fields`.
 */
export function checkFieldDefs(fields: readonly FieldDef[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of fields) {
    const problem = fieldNameProblem(f.id);
    if (problem) problems.push(`"${f.id}" is not a valid field name: ${problem}`);
    if (seen.has(fieldKey(f.id))) problems.push(`"${f.id}" appears twice`);
    seen.add(fieldKey(f.id));
  }
  if (problems.length > 0) throw invalid({ fields: problems });
}
