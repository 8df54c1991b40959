import type { FieldDef } from '../fields/field-def.ts';
import type { FieldType } from '../fields/field-types.ts';

/**
 * Frictionless Data Package (v1, https://specs.frictionlessdata.io/data-package/) of a dataset:
 * one tabular data resource per datastore table, its Table Schema from the table's fields. Pure.
 */

/** What the descriptor says about the dataset. */
export interface PackageFacts {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly notes: string;
  readonly version: string;
  readonly created: string;
  readonly keywords: readonly string[];
  readonly license: { readonly id: string; readonly title: string; readonly url: string } | null;
}

/** A datastore table of the dataset and the standard schema its file matched, if any. */
export interface TableFacts {
  readonly resourceId: string;
  readonly name: string;
  readonly description: string;
  readonly fields: readonly FieldDef[];
  readonly primaryKey: readonly string[];
  readonly standard: {
    readonly id: string;
    readonly title: string;
    readonly conformance: string;
  } | null;
}

/** A Table Schema field. */
export interface DescriptorField {
  name: string;
  type: string;
  format?: string;
  title?: string;
  description?: string;
}

/** A Table Schema. */
export interface DescriptorSchema {
  fields: DescriptorField[];
  primaryKey?: string[];
  missingValues: string[];
}

/** One tabular data resource. */
export interface DescriptorResource {
  profile: 'tabular-data-resource';
  name: string;
  title: string;
  description?: string;
  path: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  schema: DescriptorSchema | string;
  /** The CKAN resource id (an extension property). */
  resource_id: string;
  /** The 自治体標準オープンデータセット the file conforms to (DCAT's dct:conformsTo). */
  conformsTo?: { id: string; title: string; conformance: string; path: string };
}

/** The datapackage.json. */
export interface Descriptor {
  profile: 'tabular-data-package';
  name: string;
  id: string;
  title: string;
  description?: string;
  version?: string;
  created: string;
  homepage: string;
  keywords?: string[];
  licenses?: Array<{ name: string; title: string; path: string }>;
  resources: DescriptorResource[];
}

const TABLE_SCHEMA_TYPES: Readonly<Record<FieldType, string>> = {
  text: 'string',
  int4: 'integer',
  int8: 'integer',
  float8: 'number',
  numeric: 'number',
  bool: 'boolean',
  date: 'date',
  time: 'time',
  timestamp: 'datetime',
  json: 'any',
};

/** The Table Schema of a datastore table's fields (label and notes from CKAN's data dictionary). */
export function tableSchemaOf(
  fields: readonly FieldDef[],
  primaryKey: readonly string[],
): DescriptorSchema {
  return {
    fields: fields.map((f) => {
      const out: DescriptorField = { name: f.id, type: TABLE_SCHEMA_TYPES[f.type] };
      // Exports write timestamps without a zone, which the default (…Z) format would refuse.
      if (f.type === 'timestamp') out.format = 'any';
      const label = f.info?.label;
      const notes = f.info?.notes;
      if (typeof label === 'string' && label !== '' && label !== f.id) out.title = label;
      if (typeof notes === 'string' && notes !== '') out.description = notes;
      return out;
    }),
    ...(primaryKey.length > 0 ? { primaryKey: [...primaryKey] } : {}),
    missingValues: [''],
  };
}

/**
 * Resource names as the spec wants them (lower-case letters, digits, `-`, `_`, `.`; unique):
 * the resource's name when it already is one, else `resource-<n>`.
 */
export function resourceNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const lower = raw.trim().toLowerCase().replace(/\s+/g, '-');
    const base = /^[a-z0-9][a-z0-9._-]*$/.test(lower) ? lower : `resource-${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}-${n}`;
    seen.add(name);
    return name;
  });
}

/**
 * The descriptor of a dataset's datastore tables as served on the web: paths are the live dump
 * URLs, schemas are inline, a matched standard links to its Table Schema.
 */
export function buildDescriptor(
  pkg: PackageFacts,
  tables: readonly TableFacts[],
  siteUrl: string,
): Descriptor {
  const names = resourceNames(tables.map((t) => t.name));
  const resources = tables.map((t, i): DescriptorResource => {
    const name = names[i] ?? `resource-${i + 1}`;
    return {
      profile: 'tabular-data-resource',
      name,
      title: t.name || name,
      ...(t.description ? { description: t.description } : {}),
      path: `${siteUrl}/datastore/dump/${encodeURIComponent(t.resourceId)}?format=csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: tableSchemaOf(t.fields, t.primaryKey),
      resource_id: t.resourceId,
      ...(t.standard
        ? {
            conformsTo: {
              ...t.standard,
              path: `${siteUrl}/api/3/action/s5_schema_show?id=${encodeURIComponent(t.standard.id)}&format=tableschema`,
            },
          }
        : {}),
    };
  });
  return {
    profile: 'tabular-data-package',
    name: pkg.name,
    id: pkg.id,
    title: pkg.title || pkg.name,
    ...(pkg.notes ? { description: pkg.notes } : {}),
    ...(pkg.version ? { version: pkg.version } : {}),
    created: `${pkg.created.slice(0, 19)}Z`,
    homepage: `${siteUrl}/dataset/${encodeURIComponent(pkg.name)}`,
    ...(pkg.keywords.length > 0 ? { keywords: [...pkg.keywords] } : {}),
    ...(pkg.license
      ? { licenses: [{ name: pkg.license.id, title: pkg.license.title, path: pkg.license.url }] }
      : {}),
    resources,
  };
}

/** A file of the zip: JSON to write, or the CSV dump of a resource's table. */
export type ZipEntry =
  | { readonly path: string; readonly json: unknown }
  | { readonly path: string; readonly resourceId: string };

/**
 * The same package for a zip archive: data in `data/<name>.csv`, each Table Schema in
 * `schema/<name>.json`, each matched standard's Table Schema in `schema/standard/<id>.json`
 * (`standardSchema` gives it), paths in the descriptor relative to the archive's root.
 * @returns the files in archive order, datapackage.json first.
 */
export function zipEntries(
  descriptor: Descriptor,
  standardSchema: (id: string) => unknown,
): ZipEntry[] {
  const files: ZipEntry[] = [];
  const standards = new Map<string, unknown>();
  const resources = descriptor.resources.map((r): DescriptorResource => {
    files.push({ path: `schema/${r.name}.json`, json: r.schema });
    files.push({ path: `data/${r.name}.csv`, resourceId: r.resource_id });
    const conformsTo = r.conformsTo
      ? { ...r.conformsTo, path: `schema/standard/${r.conformsTo.id}.json` }
      : undefined;
    if (r.conformsTo && !standards.has(r.conformsTo.id)) {
      standards.set(r.conformsTo.id, standardSchema(r.conformsTo.id));
    }
    return {
      ...r,
      path: `data/${r.name}.csv`,
      schema: `schema/${r.name}.json`,
      ...(conformsTo ? { conformsTo } : {}),
    };
  });
  for (const [id, json] of standards) files.push({ path: `schema/standard/${id}.json`, json });
  return [{ path: 'datapackage.json', json: { ...descriptor, resources } }, ...files];
}
