import { z } from 'zod';
import { ckanBool, ckanInt, ckanList, ckanName, text } from '../core/ckan-params.ts';
import { Upload } from '../files/index.ts';

/** CKAN's tag rule: 1–100 characters; letters (any script), digits, spaces and `-_.`. */
export const tagName = z
  .string()
  .min(1, 'Tag "" length is less than minimum 1')
  .max(100, 'Tag is longer than maximum 100')
  .regex(/^[\p{L}\p{N}\p{M} ._-]+$/u, 'Tag must be alphanumeric characters or symbols: -_.');

/** A tag as sent by clients; the extra keys are what package_show returns, so round trips work. */
const tagInput = z.strictObject({
  name: tagName,
  id: z.string().optional(),
  display_name: z.string().optional(),
  state: z.string().optional(),
  vocabulary_id: z.string().nullable().optional(),
});

const extraInput = z.strictObject({
  key: text(200).min(1, 'Missing value'),
  value: z.union([text(10_000), z.number(), z.boolean()]).transform(String),
  state: z.string().optional(),
  deleted: z.unknown().optional(),
});

const groupInput = z
  .strictObject({
    id: z.string().optional(),
    name: z.string().optional(),
    title: z.string().optional(),
    display_name: z.string().optional(),
    description: z.string().optional(),
    image_display_url: z.string().optional(),
  })
  .refine((g) => g.id !== undefined || g.name !== undefined, 'Group needs an id or a name');

/** Resource keys with a column; any other key is kept as an extra (CKAN stores them as-is). */
export const RESOURCE_CORE_KEYS = [
  'id',
  'package_id',
  'url',
  'name',
  'description',
  'format',
  'mimetype',
  'size',
  'hash',
  'last_modified',
  'url_type',
  'upload',
] as const;
/** Keys package_show returns that a client may send back and that s5 sets itself. */
export const RESOURCE_READONLY_KEYS = [
  'created',
  'metadata_modified',
  'position',
  'state',
  'mimetype_inner',
  'resource_type',
  'cache_url',
  'cache_last_updated',
  'datastore_active',
  // Presented from the ingest's latest loaded version (present-package.ts), never stored.
  's5_schema',
  's5_conformance',
] as const;

const extraValue = z.union([text(10_000), z.number(), z.boolean(), z.null()]);

export const resourceFields = z
  .object({
    id: z.string().max(100).optional(),
    package_id: z.string().optional(),
    url: text(2000).default(''),
    name: text(1000).default(''),
    description: text(100_000).default(''),
    format: text(100).default(''),
    mimetype: text(200).nullable().default(''),
    size: z.union([ckanInt(0, Number.MAX_SAFE_INTEGER), z.null()]).optional(),
    hash: text(200).default(''),
    last_modified: text(40).nullable().optional(),
    url_type: text(50).nullable().default(''),
    /** A file sent as multipart `upload` (CKAN's field name); only the server can create one. */
    upload: z
      .instanceof(Upload, { error: 'upload must be a file sent as multipart/form-data' })
      .optional(),
  })
  .catchall(extraValue)
  .superRefine((value, ctx) => {
    const extras = Object.keys(value).filter(
      (k) =>
        !(RESOURCE_CORE_KEYS as readonly string[]).includes(k) &&
        !(RESOURCE_READONLY_KEYS as readonly string[]).includes(k),
    );
    if (extras.length > 50)
      ctx.addIssue({ code: 'custom', message: 'At most 50 extra keys', path: [] });
    for (const k of extras) {
      if (k.length > 100 || !/^[\p{L}\p{N}_.:-]+$/u.test(k)) {
        ctx.addIssue({ code: 'custom', message: 'Invalid key name', path: [k] });
      }
    }
  });
export type ResourceInput = z.output<typeof resourceFields>;

/** Package fields of package_create / package_update (full dict). */
export const packageFields = z.strictObject({
  id: z.string().max(100).optional(),
  name: ckanName,
  title: text(1000).optional(),
  notes: text(100_000).nullable().default(''),
  owner_org: z.string({ error: 'Missing value' }).min(1, 'Missing value'),
  license_id: text(100).default('cc-by-4.0'),
  private: ckanBool.default(false),
  state: z.enum(['active', 'draft']).default('active'),
  type: z.literal('dataset', { error: 'only "dataset" is supported' }).default('dataset'),
  author: text(1000).nullable().default(''),
  author_email: text(1000).nullable().default(''),
  maintainer: text(1000).nullable().default(''),
  maintainer_email: text(1000).nullable().default(''),
  version: text(100).nullable().default(''),
  url: text(2000).nullable().default(''),
  tags: z.array(tagInput).max(200, 'At most 200 tags').default([]),
  tag_string: text(10_000).optional(),
  extras: z.array(extraInput).max(100, 'At most 100 extras').default([]),
  groups: z.array(groupInput).max(50).default([]),
  resources: z.array(resourceFields).max(500, 'At most 500 resources').optional(),
});
export type PackageInput = z.output<typeof packageFields>;

/** Keys of package_show's output that a client sends back with package_update; ignored. */
export const PACKAGE_READONLY_KEYS = [
  'metadata_created',
  'metadata_modified',
  'creator_user_id',
  'organization',
  'num_resources',
  'num_tags',
  'isopen',
  'license_title',
  'license_url',
  'relationships_as_object',
  'relationships_as_subject',
  'tracking_summary',
  'revision_id',
] as const;

export const idParam = z.string({ error: 'Missing value' }).min(1, 'Missing value').max(200);

export { ckanBool, ckanInt, ckanList };
