import type { FieldType } from './field-types.ts';

/** 項目: one column of a datastore table, as CKAN's `fields` list describes it. */
export interface FieldDef {
  readonly id: string;
  readonly type: FieldType;
  /** CKAN's data dictionary entry (label, notes, type_override…), kept as given. */
  readonly info?: Record<string, unknown>;
}

/** An index on one or more fields; the unique one backs `primary_key`. */
export interface IndexDef {
  readonly name: string;
  readonly fields: readonly string[];
  readonly unique: boolean;
}

/** What the table registry knows about one resource's datastore table. */
export interface TableMeta {
  readonly resourceId: string;
  readonly tableName: string;
  readonly fields: readonly FieldDef[];
  readonly primaryKey: readonly string[];
  readonly indexes: readonly IndexDef[];
  readonly rowCount: number;
  readonly created: string;
  readonly modified: string;
}

/** The CKAN field dict of a field (`info` only when there is one). */
export function presentField(f: FieldDef): { id: string; type: string; info?: unknown } {
  return f.info === undefined
    ? { id: f.id, type: f.type }
    : { id: f.id, type: f.type, info: f.info };
}
