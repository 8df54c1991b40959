import type { Generated } from 'kysely';

/**
 * Table types, written by hand next to the migrations that create them (keep in step).
 * Timestamps are CKAN wire strings (UTC, no zone: `2026-11-25T03:41:18.123000`) on both backends
 * so that ordering and output never depend on the driver. Booleans are 0/1 on SQLite and
 * true/false on PostgreSQL: read them through `toBool`.
 */
export type DbBool = boolean | number;

/** CKAN `group` with `is_organization`: organizations (publishers) and groups (振興局 etc.). */
export interface GroupsTable {
  id: string;
  name: string;
  title: string;
  /** English title, shown when the interface is in English. */
  title_en: string;
  description: string;
  image_url: string;
  is_organization: DbBool;
  /** 'organization' | 'group' */
  type: string;
  state: string;
  created: string;
  /** 全国地方公共団体コード (6 digits with check digit), for publishers that are local governments. */
  code: string | null;
  /** For an organization: the group (振興局) its datasets join automatically. */
  region_group_id: string | null;
  /** JSON object of further attributes (種別, 読み, population, …), shown as CKAN extras. */
  extras: string;
}

export interface UsersTable {
  id: string;
  name: string;
  fullname: string;
  email: string;
  about: string;
  sysadmin: DbBool;
  state: string;
  created: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  token_hash: string;
  created: string;
  last_access: string | null;
}

export interface MemberTable {
  group_id: string;
  user_id: string;
  /** 'admin' | 'editor' | 'member' */
  capacity: string;
  created: string;
}

export interface PackageTable {
  id: string;
  name: string;
  title: string;
  notes: string;
  owner_org: string;
  license_id: string;
  private: DbBool;
  state: string;
  type: string;
  author: string;
  author_email: string;
  maintainer: string;
  maintainer_email: string;
  version: string;
  url: string;
  metadata_created: string;
  metadata_modified: string;
  creator_user_id: string | null;
}

export interface TagTable {
  id: string;
  name: string;
}

export interface PackageTagTable {
  package_id: string;
  tag_id: string;
}

export interface PackageExtraTable {
  package_id: string;
  key: string;
  value: string;
}

export interface PackageGroupTable {
  package_id: string;
  group_id: string;
}

export interface ResourceTable {
  id: string;
  package_id: string;
  url: string;
  name: string;
  description: string;
  format: string;
  mimetype: string;
  size: number | null;
  hash: string;
  created: string;
  last_modified: string | null;
  metadata_modified: string;
  position: number;
  state: string;
  url_type: string;
  /** For an uploaded file: its SHA-256 in the file store. */
  file_sha256: string | null;
  /** JSON object of keys CKAN clients sent that have no column; returned as-is. */
  extras: string;
}

/** One row per active dataset: the normalized text `package_search` matches and scores. */
export interface SearchDocTable {
  doc_id: Generated<number>;
  package_id: string;
  name_n: string;
  title_n: string;
  tags_n: string;
  groups_n: string;
  text_n: string;
  /** SQLite: space-separated grams fed to the FTS5 index. PostgreSQL: unused ('' ). */
  grams: string;
}

/** Values a dataset can be filtered and faceted on (organization, groups, tags, res_format, license_id). */
export interface PackageFacetTable {
  package_id: string;
  field: string;
  value: string;
}

/** Change log of search entries; see src/catalog/repo/search-query.ts. */
export interface SearchChangeTable {
  seq: Generated<number>;
  package_id: string;
}

export interface Tables {
  search_change: SearchChangeTable;
  groups: GroupsTable;
  users: UsersTable;
  api_token: ApiTokenTable;
  member: MemberTable;
  package: PackageTable;
  tag: TagTable;
  package_tag: PackageTagTable;
  package_extra: PackageExtraTable;
  package_group: PackageGroupTable;
  resource: ResourceTable;
  search_doc: SearchDocTable;
  package_facet: PackageFacetTable;
}

export function toBool(value: DbBool | null | undefined): boolean {
  return value === true || value === 1;
}
