import { createHash } from 'node:crypto';

/** A remote resource as the harvester keeps it; the file stays remote (`url`). */
export interface HarvestedResource {
  /** The resource's id on the remote portal (kept locally as the extra `harvest_remote_id`). */
  remote_id: string;
  name: string;
  url: string;
  description: string;
  format: string;
}

/**
 * The dataset fields a harvest sets, as mapped from a remote dict. The harvester keeps the last
 * written copy so that a later run can tell a local edit from a remote change.
 */
export interface HarvestedFields {
  title: string;
  notes: string;
  license_id: string;
  author: string;
  author_email: string;
  maintainer: string;
  maintainer_email: string;
  version: string;
  url: string;
  /** Sorted, unique. */
  tags: string[];
  /** Remote extras by key (never `harvest_*`). */
  extras: Record<string, string>;
  /** In the remote order. */
  resources: HarvestedResource[];
}

export const SCALAR_FIELDS = [
  'title',
  'notes',
  'license_id',
  'author',
  'author_email',
  'maintainer',
  'maintainer_email',
  'version',
  'url',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

/** Field names a source or a dataset may declare local (`extras`, `resources` = all of them). */
export const LOCAL_FIELD_NAMES = [...SCALAR_FIELDS, 'tags', 'extras', 'resources'] as const;
export type LocalFieldName = (typeof LOCAL_FIELD_NAMES)[number];

/** Extras the harvester writes on every harvested dataset; editors set `harvest_local_fields`. */
export const EXTRA_SOURCE_ID = 'harvest_source_id';
export const EXTRA_REMOTE_ID = 'harvest_remote_id';
export const EXTRA_REMOTE_URL = 'harvest_remote_url';
export const EXTRA_LOCAL_FIELDS = 'harvest_local_fields';

/** Canonical JSON: object keys sorted, so equal values always serialise the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** Whether two field values are the same (deep, key order ignored; undefined = absent). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

/** SHA-256 of what a harvest would write for a remote dataset: equal hash = nothing to do. */
export function contentHash(remoteName: string, fields: HarvestedFields): string {
  return createHash('sha256')
    .update(canonicalJson({ name: remoteName, fields }))
    .digest('hex');
}
