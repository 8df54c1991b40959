import { invalid } from '../../core/errors.ts';
import { coerceValue, type StoredValue } from '../fields/coerce-value.ts';
import type { FieldType } from '../fields/field-types.ts';
import { isPlainObject } from '../write/resolve-fields.ts';

/** A comparison CKAN's filters express: `{"f": v}` (eq), `{"f": [v…]}` (in), `{"f": {"lt": v}}`. */
export type FilterOp = 'eq' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';

/** Parsed filters: comparisons joined by AND. */
export type FilterNode =
  | { readonly kind: 'and'; readonly items: readonly FilterNode[] }
  | {
      readonly kind: 'compare';
      readonly field: string;
      readonly type: FieldType;
      readonly op: FilterOp;
      readonly value: StoredValue | readonly StoredValue[];
    };

const OPS = new Set<string>(['eq', 'in', 'gt', 'gte', 'lt', 'lte']);
const MAX_OPS = 100;
const MAX_LIST = 1000;

/**
 * Parses CKAN's `filters` against the table's columns (`_id` included). Field names are only
 * ever looked up in `columns`, so a key can never reach SQL; values are coerced to the field's
 * type (a text field compares as text, as CKAN does) and later bound as parameters.
 * @throws AppError validation naming `filters` (not a dict, unknown field, bad value or operator).
 */
export function parseFilters(
  filters: unknown,
  columns: ReadonlyMap<string, FieldType>,
): FilterNode | null {
  if (filters === undefined || filters === null) return null;
  if (!isPlainObject(filters)) throw bad('Filters must be defined as a dict');
  const items: FilterNode[] = [];
  const problems: string[] = [];
  for (const [field, spec] of Object.entries(filters)) {
    const type = columns.get(field);
    if (!type) {
      problems.push(`存在しない項目です / Unknown field: "${field}"`);
      continue;
    }
    for (const [op, value] of opsOf(spec)) {
      if (!OPS.has(op)) {
        problems.push(
          `Unknown filter operation "${op}" on "${field}" (use eq, in, gt, gte, lt, lte)`,
        );
        continue;
      }
      const node = compare(field, type, op as FilterOp, value, problems);
      if (node) items.push(node);
    }
  }
  if (items.length > MAX_OPS) problems.push('Maximum number of filter operations exceeded');
  if (problems.length > 0) throw invalid({ filters: problems });
  return items.length === 0 ? null : { kind: 'and', items };
}

function opsOf(spec: unknown): Array<[string, unknown]> {
  if (Array.isArray(spec)) return [['in', spec]];
  if (isPlainObject(spec)) return Object.entries(spec);
  return [['eq', spec]];
}

function compare(
  field: string,
  type: FieldType,
  op: FilterOp,
  value: unknown,
  problems: string[],
): FilterNode | null {
  if (op === 'in') {
    if (!Array.isArray(value)) {
      problems.push(`"${field}": in needs a list`);
      return null;
    }
    if (value.length > MAX_LIST) {
      problems.push(`"${field}": at most ${MAX_LIST} values`);
      return null;
    }
    const values: StoredValue[] = [];
    for (const v of value) {
      const c = coerceFilterValue(field, type, v, problems);
      if (c !== undefined) values.push(c);
    }
    return values.length === value.length
      ? { kind: 'compare', field, type, op, value: values }
      : null;
  }
  const c = coerceFilterValue(field, type, value, problems);
  return c === undefined ? null : { kind: 'compare', field, type, op, value: c };
}

function coerceFilterValue(
  field: string,
  type: FieldType,
  value: unknown,
  problems: string[],
): StoredValue | undefined {
  if (typeof value === 'object' && value !== null && type !== 'json') {
    problems.push(`"${field}": a filter value must be text, a number or true/false`);
    return undefined;
  }
  // CKAN compares text fields as text: {"code": 1} finds "1".
  const result = coerceValue(type === 'text' && value !== null ? String(value) : value, type);
  if (result.ok) return result.value;
  problems.push(`"${field}": ${JSON.stringify(value)} ${result.problem}`);
  return undefined;
}

function bad(message: string) {
  return invalid({ filters: [message] });
}
