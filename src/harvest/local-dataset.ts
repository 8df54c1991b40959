import { z } from 'zod';
import { EXTRA_REMOTE_ID, type ScalarField } from './harvested-fields.ts';
import type { LocalDataset, MergedResource } from './merge-local.ts';

const text = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => v ?? '');

/** The parts of our own package_show dict the harvester reads. */
export const localPackage = z.looseObject({
  id: z.string(),
  name: z.string(),
  owner_org: z.string(),
  state: z.string(),
  private: z.boolean(),
  title: text,
  notes: text,
  license_id: text,
  author: text,
  author_email: text,
  maintainer: text,
  maintainer_email: text,
  version: text,
  url: text,
  tags: z.array(z.looseObject({ name: z.string() })),
  extras: z.array(z.object({ key: z.string(), value: z.string() })),
  groups: z.array(z.looseObject({ name: z.string() })),
  resources: z.array(
    z.looseObject({ id: z.string(), url: text, name: text, description: text, format: text }),
  ),
});
export type LocalPackage = z.output<typeof localPackage>;

/** The local dataset as the merge sees it: `harvest_*` extras are the harvester's, not fields. */
export function localView(pkg: LocalPackage): LocalDataset {
  const scalars = {
    title: pkg.title,
    notes: pkg.notes,
    license_id: pkg.license_id,
    author: pkg.author,
    author_email: pkg.author_email,
    maintainer: pkg.maintainer,
    maintainer_email: pkg.maintainer_email,
    version: pkg.version,
    url: pkg.url,
  } satisfies Record<ScalarField, string>;
  const extras: Record<string, string> = {};
  for (const e of pkg.extras) if (!e.key.startsWith('harvest_')) extras[e.key] = e.value;
  return {
    scalars,
    tags: [...new Set(pkg.tags.map((t) => t.name))].sort(),
    extras,
    resources: pkg.resources.map((r) => {
      const remoteId = r[EXTRA_REMOTE_ID];
      return {
        localId: r.id,
        remoteId: typeof remoteId === 'string' && remoteId !== '' ? remoteId : null,
        fields: {
          name: r.name,
          url: fetchedFrom(r) ?? r.url,
          description: r.description,
          format: r.format,
        },
      };
    }),
  };
}

/** The `harvest_*` extras of a local dataset (bookkeeping and the editor's local-field list). */
export function harvestExtras(pkg: LocalPackage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of pkg.extras) if (e.key.startsWith('harvest_')) out[e.key] = e.value;
  return out;
}

type ResourceValue = string | number | boolean | null;

/**
 * The URL a stored copy was fetched from (s5_resource_fetch keeps it as `source_url` and points
 * `url` at the copy), or null: for the harvest, that is the resource's remote URL.
 */
function fetchedFrom(resource: Record<string, unknown>): string | null {
  const source = resource.source_url;
  return resource.url_type === 'upload' && typeof source === 'string' && source !== ''
    ? source
    : null;
}

// What describes a stored file; a resource whose remote URL changed is a link again without them.
const FILE_KEYS = ['url_type', 'source_url', 'hash', 'size', 'mimetype', 'last_modified'];

/**
 * The resources of a package_update: harvested ones keep every other key the local copy has
 * (a fetched file, its size and hash), locally added ones are passed through unchanged.
 */
export function resourceInputs(
  merged: readonly MergedResource[],
  local: LocalPackage | null,
): Array<Record<string, ResourceValue>> {
  const byId = new Map((local?.resources ?? []).map((r) => [r.id, r]));
  return merged.map((m) => {
    const current = m.localId === null ? undefined : byId.get(m.localId);
    const base = current ? scalarEntries(current) : {};
    if (m.remoteId === null) return base;
    const copiedFrom = current ? fetchedFrom(current) : null;
    if (current && copiedFrom !== null) {
      // A fetched copy of an unchanged remote URL stays; a changed URL makes it a link again.
      if (copiedFrom === m.fields.url) {
        return { ...base, ...m.fields, url: current.url, [EXTRA_REMOTE_ID]: m.remoteId };
      }
      for (const key of FILE_KEYS) delete base[key];
    }
    return { ...base, ...m.fields, [EXTRA_REMOTE_ID]: m.remoteId };
  });
}

function scalarEntries(resource: Record<string, unknown>): Record<string, ResourceValue> {
  const out: Record<string, ResourceValue> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      out[key] = value;
    }
  }
  return out;
}
