import { AppError } from '../core/errors.ts';

/**
 * The fields of a presented CKAN package dict (package_show / package_search) that the DCAT
 * mapping reads. Read defensively from `unknown`: the dict comes through the action registry.
 */
export interface PackageView {
  id: string;
  name: string;
  title: string;
  notes: string;
  url: string;
  version: string;
  author: string;
  authorEmail: string;
  maintainer: string;
  maintainerEmail: string;
  licenseTitle: string;
  licenseUrl: string;
  metadataCreated: string;
  metadataModified: string;
  organization: { id: string; name: string; title: string } | null;
  tags: string[];
  groups: Array<{ name: string; title: string }>;
  /** Package extras (CKAN's `[{key, value}]`) as a map. */
  extras: ReadonlyMap<string, string>;
  resources: ResourceView[];
}

export interface ResourceView {
  id: string;
  packageId: string;
  url: string;
  name: string;
  description: string;
  format: string;
  mimetype: string;
  size: number | null;
  hash: string;
  created: string;
  metadataModified: string;
  urlType: string;
  datastoreActive: boolean;
  /** Extras CKAN returns as top-level keys and ckanext-dcat reads. */
  downloadUrl: string;
  accessUrl: string;
  hashAlgorithm: string;
}

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(d: Dict, key: string): string {
  const v = d[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

function dicts(d: Dict, key: string): Dict[] {
  const v = d[key];
  return Array.isArray(v) ? v.filter(isDict) : [];
}

/**
 * Reads a package dict.
 * @throws AppError internal when the value is not a package dict (a broken contract, not input).
 */
export function readPackage(raw: unknown): PackageView {
  if (!isDict(raw) || typeof raw.id !== 'string') {
    throw new AppError('internal', 'package_show/package_search returned no package dict');
  }
  const org = isDict(raw.organization) ? raw.organization : null;
  const extras = new Map<string, string>();
  for (const e of dicts(raw, 'extras')) extras.set(text(e, 'key'), text(e, 'value'));
  return {
    id: raw.id,
    name: text(raw, 'name'),
    title: text(raw, 'title'),
    notes: text(raw, 'notes'),
    url: text(raw, 'url'),
    version: text(raw, 'version'),
    author: text(raw, 'author'),
    authorEmail: text(raw, 'author_email'),
    maintainer: text(raw, 'maintainer'),
    maintainerEmail: text(raw, 'maintainer_email'),
    licenseTitle: text(raw, 'license_title'),
    licenseUrl: text(raw, 'license_url'),
    metadataCreated: text(raw, 'metadata_created'),
    metadataModified: text(raw, 'metadata_modified'),
    organization: org
      ? { id: text(org, 'id'), name: text(org, 'name'), title: text(org, 'title') }
      : null,
    tags: dicts(raw, 'tags').map((t) => text(t, 'name')),
    groups: dicts(raw, 'groups').map((g) => ({ name: text(g, 'name'), title: text(g, 'title') })),
    extras,
    resources: dicts(raw, 'resources').map(readResource),
  };
}

function readResource(r: Dict): ResourceView {
  const size = typeof r.size === 'number' && Number.isFinite(r.size) ? r.size : null;
  return {
    id: text(r, 'id'),
    packageId: text(r, 'package_id'),
    url: text(r, 'url'),
    name: text(r, 'name'),
    description: text(r, 'description'),
    format: text(r, 'format'),
    mimetype: text(r, 'mimetype'),
    size,
    hash: text(r, 'hash'),
    created: text(r, 'created'),
    metadataModified: text(r, 'metadata_modified'),
    urlType: text(r, 'url_type'),
    datastoreActive: r.datastore_active === true,
    downloadUrl: text(r, 'download_url'),
    accessUrl: text(r, 'access_url'),
    hashAlgorithm: text(r, 'hash_algorithm'),
  };
}

/** A publisher as organization_show / organization_list present it. */
export interface PublisherView {
  id: string;
  name: string;
  title: string;
  /** 全国地方公共団体コード (6 digits) or '' when the organization has none. */
  code: string;
}

/** Reads an organization dict; the code is the `municipality_code` extra. */
export function readPublisher(raw: unknown): PublisherView | null {
  if (!isDict(raw) || typeof raw.id !== 'string') return null;
  const code = dicts(raw, 'extras').find((e) => text(e, 'key') === 'municipality_code');
  return {
    id: raw.id,
    name: text(raw, 'name'),
    title: text(raw, 'title'),
    code: code ? text(code, 'value') : '',
  };
}
