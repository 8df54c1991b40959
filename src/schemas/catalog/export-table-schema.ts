import type { StandardSchema } from '../schema-format.ts';

/** A Frictionless Table Schema field, without s5's extensions. */
export interface TableSchemaField {
  name: string;
  title?: string;
  description?: string;
  type: string;
  format?: string;
  example?: string;
  constraints?: Record<string, unknown>;
}

/** A pure Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/). */
export interface TableSchema {
  $schema: string;
  fields: TableSchemaField[];
  primaryKey?: string[];
  missingValues: string[];
}

const TABLE_SCHEMA_PROFILE = 'https://specs.frictionlessdata.io/schemas/table-schema.json';

/** Drops every `s5` extension: what remains is a valid Frictionless Table Schema. */
export function toTableSchema(schema: StandardSchema): TableSchema {
  return {
    $schema: TABLE_SCHEMA_PROFILE,
    fields: schema.fields.map(({ s5: _extension, ...field }) => field),
    ...(schema.primaryKey ? { primaryKey: schema.primaryKey } : {}),
    missingValues: schema.missingValues,
  };
}
