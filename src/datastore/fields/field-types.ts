import type { Dialect } from '../../db/index.ts';

/**
 * CKAN datastore field types by their PostgreSQL names: what clients send and read back on the
 * wire, whatever the backend stores. `int` becomes `int4` and `json` stays `json`, as CKAN reports
 * them (CKAN reads the type back from `pg_type.typname`).
 */
export const FIELD_TYPES = [
  'text',
  'int4',
  'int8',
  'float8',
  'numeric',
  'bool',
  'date',
  'time',
  'timestamp',
  'json',
] as const;

/** A CKAN field type name, as stored in the registry and sent on the wire. */
export type FieldType = (typeof FIELD_TYPES)[number];

const ALIASES: Readonly<Record<string, FieldType>> = {
  text: 'text',
  int: 'int4',
  int4: 'int4',
  integer: 'int4',
  int8: 'int8',
  bigint: 'int8',
  float: 'float8',
  float8: 'float8',
  'double precision': 'float8',
  numeric: 'numeric',
  decimal: 'numeric',
  bool: 'bool',
  boolean: 'bool',
  date: 'date',
  time: 'time',
  timestamp: 'timestamp',
  json: 'json',
  // CKAN's own name for json columns (its composite type), accepted on input.
  nested: 'json',
};

/** The field type a client's type name stands for, or undefined when s5 does not know it. */
export function canonicalFieldType(name: string): FieldType | undefined {
  return Object.hasOwn(ALIASES, name.trim().toLowerCase())
    ? ALIASES[name.trim().toLowerCase()]
    : undefined;
}

/** The type names accepted on input, for error messages and help. */
export const ACCEPTED_TYPE_NAMES: readonly string[] = Object.keys(ALIASES);

/**
 * Column type in the database. SQLite keeps CKAN's type only in the table registry; its columns
 * get the storage class that compares and sorts like the PostgreSQL type (dates as ISO text).
 */
export function storageType(type: FieldType, dialect: Dialect): string {
  if (dialect === 'postgres') {
    return POSTGRES_STORAGE[type];
  }
  return SQLITE_STORAGE[type];
}

const POSTGRES_STORAGE: Readonly<Record<FieldType, string>> = {
  text: 'text',
  int4: 'integer',
  int8: 'bigint',
  float8: 'double precision',
  numeric: 'numeric',
  bool: 'boolean',
  date: 'date',
  time: 'time',
  timestamp: 'timestamp',
  json: 'jsonb',
};

const SQLITE_STORAGE: Readonly<Record<FieldType, string>> = {
  text: 'TEXT',
  int4: 'INTEGER',
  int8: 'INTEGER',
  float8: 'REAL',
  numeric: 'NUMERIC',
  bool: 'INTEGER',
  date: 'TEXT',
  time: 'TEXT',
  timestamp: 'TEXT',
  json: 'TEXT',
};

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * Guesses a field's type from a value of the first record, as CKAN does for fields sent without
 * a type: numbers and numeric strings become numbers, ISO timestamps timestamps, objects json.
 */
export function guessFieldType(value: unknown): FieldType {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'float8';
    return Math.abs(value) < 2 ** 31 ? 'int4' : 'int8';
  }
  if (typeof value === 'object' && value !== null) return 'json';
  if (typeof value === 'string') {
    if (/^\s*[+-]?\d{1,9}\s*$/.test(value)) return 'int4';
    if (NUMBER_TEXT.test(value)) return 'numeric';
    if (ISO_TIMESTAMP.test(value.trim())) return 'timestamp';
  }
  return 'text';
}
