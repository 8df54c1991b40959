import { type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../../db/index.ts';
import type { StoredValue } from '../fields/coerce-value.ts';
import type { FieldType } from '../fields/field-types.ts';

/**
 * How a column is selected so that both backends return the stored form: `pg` would turn dates
 * and timestamps into local-time `Date`s (`to_char` gives ISO text, whatever the server's
 * DateStyle, and sorts like the dates) and a JSON string holding digits into a number. Numeric and
 * time already arrive as exact text, and stay raw so that ORDER BY sorts them as numbers and times.
 */
export function readExpr(column: RawBuilder<unknown>, type: FieldType, dialect: Dialect) {
  if (dialect === 'sqlite') return column;
  switch (type) {
    case 'date':
      return sql`to_char(${column}, 'YYYY-MM-DD')`;
    case 'timestamp':
      return sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
    case 'json':
      return sql`CAST(${column} AS text)`;
    default:
      return column;
  }
}

/** A value as read through readExpr → the stored form the write path produces. */
export function storedFromDb(value: unknown, type: FieldType): StoredValue {
  if (value === null || value === undefined) return null;
  if (type === 'bool') return value === true || value === 1 || value === 't';
  if (type === 'timestamp' && typeof value === 'string') return trimFraction(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return JSON.stringify(value);
}

/** The stored form → the JSON value CKAN returns (timestamps to the second, as CKAN's to_char). */
export function wireValue(value: StoredValue, type: FieldType): unknown {
  if (value === null) return null;
  switch (type) {
    case 'timestamp':
      return String(value).slice(0, 19);
    case 'numeric':
    case 'float8':
      return Number(value);
    case 'int4':
    case 'int8':
      return typeof value === 'string' && !Number.isSafeInteger(Number(value))
        ? value
        : Number(value);
    case 'json':
      return typeof value === 'string' ? parseJson(value) : value;
    default:
      return value;
  }
}

function trimFraction(ts: string): string {
  return ts.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
