import { z } from 'zod';
import { ckanBool, ckanInt, text } from '../core/ckan-params.ts';

/**
 * Action inputs, strict and CKAN-shaped. GET requests carry JSON values as strings, so
 * structured parameters also accept their JSON text; CKAN's comma-separated lists are accepted
 * where CKAN accepts them (`fields`, `sort`, `primary_key`, `indexes`).
 */
function jsonText<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim();
    if (!s.startsWith('[') && !s.startsWith('{')) return v;
    try {
      return JSON.parse(s);
    } catch {
      return v;
    }
  }, schema);
}

/** A list given as JSON, as a JSON array string, or as CKAN's comma-separated string. */
function commaList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const s = v.trim();
      if (s.startsWith('[')) {
        try {
          return JSON.parse(s);
        } catch {
          return v;
        }
      }
      return s === '' ? [] : s.split(',').map((part) => part.trim());
    },
    z.array(item, { error: 'must be a list' }).max(1000, 'at most 1000 items'),
  );
}

/** A resource id as sent (checked against the catalog, never used as SQL). */
export const resourceIdParam = z
  .string({ error: 'Missing value' })
  .min(1, 'Missing value')
  .max(200);

const fieldInput = z.strictObject({
  id: z.string({ error: 'Missing value' }).max(200),
  type: z.string().max(50).optional(),
  info: z.record(z.string(), z.unknown()).optional(),
});

/** datastore_create (CKAN's datastore_create_schema, without aliases and triggers). */
export const createInput = z.strictObject({
  resource_id: resourceIdParam.optional(),
  id: resourceIdParam.optional(),
  resource: jsonText(z.record(z.string(), z.unknown(), { error: 'must be a dict' })).optional(),
  force: ckanBool.default(false),
  fields: jsonText(z.array(fieldInput, { error: 'must be a list' }).max(1000)).optional(),
  records: jsonText(z.array(z.unknown(), { error: 'must be a list' })).optional(),
  primary_key: commaList(text(200)).optional(),
  indexes: commaList(z.union([text(200), z.array(text(200)).max(32)])).optional(),
});
/** Parsed datastore_create input. */
export type CreateInput = z.output<typeof createInput>;

/** datastore_upsert. */
export const upsertInput = z.strictObject({
  resource_id: resourceIdParam.optional(),
  id: resourceIdParam.optional(),
  force: ckanBool.default(false),
  method: z
    .enum(['upsert', 'insert', 'update'], { error: 'must be upsert, insert or update' })
    .default('upsert'),
  records: jsonText(z.array(z.unknown(), { error: 'must be a list' })).default([]),
  dry_run: ckanBool.default(false),
});
/** Parsed datastore_upsert input. */
export type UpsertInput = z.output<typeof upsertInput>;

/** datastore_delete; `filters` is checked against the table later. */
export const deleteInput = z.strictObject({
  resource_id: resourceIdParam.optional(),
  id: resourceIdParam.optional(),
  force: ckanBool.default(false),
  filters: jsonText(z.unknown()).optional(),
});
/** Parsed datastore_delete input. */
export type DeleteInput = z.output<typeof deleteInput>;

/** datastore_info. */
export const infoInput = z.strictObject({
  resource_id: resourceIdParam.optional(),
  id: resourceIdParam.optional(),
  include_meta: ckanBool.default(true),
  include_fields_schema: ckanBool.default(true),
});
/** Parsed datastore_info input. */
export type InfoInput = z.output<typeof infoInput>;

/** datastore_search; `plain` and `language` are accepted for CKAN clients and change nothing. */
export const searchInput = z.strictObject({
  resource_id: resourceIdParam.optional(),
  id: resourceIdParam.optional(),
  filters: jsonText(z.unknown()).optional(),
  q: jsonText(
    z.union([text(1000), z.record(z.string(), text(1000))], {
      error: 'must be text or a dict of field: text',
    }),
  ).optional(),
  full_text: text(1000).optional(),
  plain: ckanBool.default(true),
  language: text(50).optional(),
  distinct: ckanBool.default(false),
  fields: commaList(text(200)).optional(),
  sort: commaList(text(300)).optional(),
  limit: ckanInt(0, Number.MAX_SAFE_INTEGER).optional(),
  offset: ckanInt(0, Number.MAX_SAFE_INTEGER).default(0),
  include_total: ckanBool.default(true),
  records_format: z
    .enum(['objects', 'lists', 'csv', 'tsv'], { error: 'must be objects, lists, csv or tsv' })
    .default('objects'),
});
/** Parsed datastore_search input. */
export type SearchInput = z.output<typeof searchInput>;

/** datastore_search_sql. */
export const searchSqlInput = z.strictObject({
  sql: z.string({ error: 'Missing value' }).min(1, 'Missing value').max(100_000),
});

/** CKAN accepts `id` for `resource_id` (its `rename('id', 'resource_id')`). */
export function resourceIdOf(input: { resource_id?: string | undefined; id?: string | undefined }) {
  return input.resource_id ?? input.id;
}
