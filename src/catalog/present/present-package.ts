import { toBool } from '../../db/index.ts';
import { findLicense } from '../licenses.ts';
import type { PackageBundle, ResourceRow } from '../repo/packages.ts';
import type { ResourceStandard } from '../repo/resource-standards.ts';
import { presentGroupSummary, presentOrganizationSummary } from './present-group.ts';

/**
 * CKAN's resource dict; keys stored as extras come back as top-level keys, as CKAN does. s5 adds
 * the standard schema and 適合度 of the latest loaded version (`s5_schema`, `s5_conformance`;
 * null when never loaded), read-only.
 */
export function presentResource(r: ResourceRow, standard?: ResourceStandard) {
  let extras: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(r.extras);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      extras = Object.fromEntries(Object.entries(parsed));
    }
  } catch {
    extras = {};
  }
  return {
    ...extras,
    id: r.id,
    package_id: r.package_id,
    url: r.url,
    name: r.name,
    description: r.description,
    format: r.format,
    mimetype: r.mimetype || null,
    mimetype_inner: null,
    size: r.size === null ? null : Number(r.size),
    hash: r.hash,
    created: r.created,
    last_modified: r.last_modified,
    metadata_modified: r.metadata_modified,
    position: Number(r.position),
    state: r.state,
    url_type: r.url_type || null,
    resource_type: null,
    cache_url: null,
    cache_last_updated: null,
    datastore_active: toBool(r.datastore_active),
    s5_schema: standard?.schemaId ?? null,
    s5_conformance: standard?.conformance ?? null,
  };
}

/** CKAN's package dict (package_show, package_search results). */
export function presentPackage(b: PackageBundle) {
  const license = findLicense(b.pkg.license_id);
  return {
    id: b.pkg.id,
    name: b.pkg.name,
    title: b.pkg.title,
    notes: b.pkg.notes,
    url: b.pkg.url,
    version: b.pkg.version,
    author: b.pkg.author,
    author_email: b.pkg.author_email,
    maintainer: b.pkg.maintainer,
    maintainer_email: b.pkg.maintainer_email,
    license_id: b.pkg.license_id,
    license_title: license?.title ?? b.pkg.license_id,
    license_url: license?.url || undefined,
    isopen: license?.is_open ?? false,
    owner_org: b.pkg.owner_org,
    organization: presentOrganizationSummary(b.org),
    private: toBool(b.pkg.private),
    state: b.pkg.state,
    type: b.pkg.type,
    metadata_created: b.pkg.metadata_created,
    metadata_modified: b.pkg.metadata_modified,
    creator_user_id: b.pkg.creator_user_id,
    num_resources: b.resources.length,
    num_tags: b.tags.length,
    tags: b.tags.map((t) => ({
      id: t.id,
      name: t.name,
      display_name: t.name,
      state: 'active',
      vocabulary_id: null,
    })),
    groups: b.groups.map(presentGroupSummary),
    extras: b.extras,
    resources: b.resources.map((r) => presentResource(r, b.standards.get(r.id))),
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}

export type PackageDict = ReturnType<typeof presentPackage>;
