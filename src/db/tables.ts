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
  /** True while a datastore table holds the resource's rows (src/datastore). */
  datastore_active: Generated<DbBool>;
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

/** 計画: a prefecture's plan (e.g. 北海道Society5.0推進計画); see src/plan. */
export interface PlanTable {
  id: string;
  name: string;
  title: string;
  title_en: string;
  /** 全国地方公共団体コード of the prefecture organization that owns the plan. */
  org_code: string;
  /** First and last fiscal year (年度, April–March) of the plan period. */
  period_from: number;
  period_to: number;
  /** 基本理念 */
  basic_principle: string;
  description: string;
  office: string;
  source: string;
  /** Date of adoption (YYYY-MM-DD), when known. */
  adopted: string | null;
  /** JSON of the evaluation rule (src/plan/evaluate/evaluation-rule.ts). */
  evaluation_rule: string;
  /** Incremented by every change to structure, KPI definitions or rule. */
  version: number;
  created: string;
  modified: string;
}

/** One version of a plan: a 見直し (revision) with its reason, or a recorded change. */
export interface PlanRevisionTable {
  id: string;
  plan_id: string;
  version: number;
  /** 'adopted' | 'revision' | 'structure' | 'kpi' | 'rule' */
  kind: string;
  /** YYYY-MM-DD */
  date: string;
  reason: string;
  /** JSON array of short descriptions of what changed. */
  changes: string;
  actor: string | null;
  created: string;
}

/** A node of the plan's structure: pillar (柱), urgent group, measure (施策), initiative (取組). */
export interface PlanNodeTable {
  id: string;
  plan_id: string;
  parent_id: string | null;
  /** Stable key from the seed file, e.g. `4a`. */
  code: string;
  kind: string;
  label: string;
  title: string;
  heading: string;
  body: string;
  position: number;
  /** 'active' | 'retired' (gone from the seed; kept for old reports). */
  state: string;
  created: string;
  modified: string;
}

/** 目標指標 (KPI) attached to a node. */
export interface PlanKpiTable {
  id: string;
  plan_id: string;
  node_id: string;
  code: string;
  name: string;
  name_en: string;
  unit: string;
  /** 'higher' | 'lower' is better */
  direction: string;
  /** 'quantitative' | 'qualitative' */
  kind: string;
  /** 'manual' | 'computed' */
  measurement: string;
  /** Name of the computed query (src/plan/repo/computed-kpis.ts) for computed KPIs. */
  query: string | null;
  baseline_year: number | null;
  baseline_value: number | null;
  target_year: number | null;
  target_value: number | null;
  /** Qualitative KPIs: the state to reach. */
  target_state: string;
  /** Why a target has no figure, e.g. the plan names none. */
  target_note: string;
  /** JSON object fiscal year → interim target value. */
  interim_targets: string;
  data_source: string;
  /** The plan text the KPI is read from. */
  basis: string;
  note: string;
  position: number;
  /** 'seed' (the seed file owns it) | 'user' (created or edited by staff) */
  origin: string;
  state: string;
  created: string;
  modified: string;
}

/** One revision of the report of a fiscal year: draft → submitted → reviewed → published. */
export interface PlanReportTable {
  id: string;
  plan_id: string;
  fiscal_year: number;
  revision: number;
  /** 'draft' | 'submitted' | 'reviewed' | 'published' | 'superseded' */
  status: string;
  /** Why this revision corrects a published one (revision ≥ 2). */
  correction_reason: string;
  /** The plan version the snapshot was taken from. */
  plan_version: number | null;
  /** JSON of the report view, frozen at publication. */
  snapshot: string | null;
  /** The catalog dataset the report is published as. */
  dataset_id: string | null;
  created: string;
  modified: string;
}

/** Who moved a report to which status, when. */
export interface PlanReportEventTable {
  report_id: string;
  seq: number;
  from_status: string | null;
  to_status: string;
  actor: string | null;
  note: string;
  at: string;
}

/** 実績値: the value of a KPI in one report revision, with its evidence. */
export interface PlanKpiValueTable {
  report_id: string;
  kpi_id: string;
  actual_value: number | null;
  /** Qualitative KPIs: 'achieved' | 'mostly_achieved' | 'in_progress' | 'not_started' */
  status: string | null;
  evidence_note: string;
  evidence_url: string;
  evidence_resource_id: string | null;
  comment: string;
  /** For computed KPIs: when the value was computed (frozen at publication). */
  computed_at: string | null;
  updated: string;
  updated_by: string | null;
}

/** 点検・評価: the narrative evaluation of a node in one report revision. */
export interface PlanEvaluationTable {
  report_id: string;
  node_id: string;
  text: string;
  updated: string;
  updated_by: string | null;
}

/** One datastore table per resource (src/datastore): its fields, key, indexes and row count. */
export interface DatastoreTableTable {
  resource_id: string;
  /** The physical table: the resource id (a UUID), as in CKAN; always quoted through sql.id. */
  table_name: string;
  /** JSON array of `{id, type, info?}` in column order (CKAN field types). */
  fields: string;
  /** JSON array of field ids forming the unique key used by upsert/update. */
  primary_key: string;
  /** JSON array of `{name, fields, unique}`: the indexes created on the table. */
  indexes: string;
  row_count: number;
  created: string;
  modified: string;
}

/** One load attempt of a resource's file (src/ingest): the file, who, the outcome and its report. */
export interface ResourceVersionTable {
  resource_id: string;
  /** 1, 2, … per resource, failed attempts included. */
  version: number;
  file_sha256: string;
  size: number | null;
  created_by: string | null;
  created: string;
  row_count: number | null;
  schema_id: string | null;
  schema_generation: string | null;
  /** conforming | conforming_with_warnings | nonconforming | nonstandard | unreadable */
  conformance: string;
  /** JSON validation report (issues already capped by the validator). */
  report: string;
  /** loaded | failed */
  status: string;
  error: string | null;
}

/** A background job of the in-process queue (src/ingest), persisted so a crash forgets nothing. */
export interface JobTable {
  id: string;
  kind: string;
  resource_id: string;
  /** queued | running | done | failed */
  state: string;
  /** JSON `{phase, rows}`. */
  progress: string;
  error: string | null;
  created_by: string | null;
  created: string;
  started: string | null;
  finished: string | null;
  attempts: number;
}

/** One successful write action (migration 0008-audit). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  object_id: string | null;
  /** Client address over HTTP, `cli`, `server` or `local`. */
  origin: string;
  /** JSON: the input with secrets and file contents removed. */
  details: string;
}

/** A user's password hash (scrypt, parameters and salt inside the string); see src/auth. */
export interface UserPasswordTable {
  user_id: string;
  hash: string;
  updated: string;
}

/** A portal login session. `id` is the SHA-256 of the cookie's secret, never the secret. */
export interface WebSessionTable {
  id: string;
  user_id: string;
  created: string;
  last_seen: string;
  /** The absolute end of the session; the idle limit is counted from `last_seen`. */
  expires: string;
  /** The synchronizer token every form of this session carries. */
  csrf_secret: string;
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
  plan: PlanTable;
  plan_revision: PlanRevisionTable;
  plan_node: PlanNodeTable;
  plan_kpi: PlanKpiTable;
  plan_report: PlanReportTable;
  plan_report_event: PlanReportEventTable;
  plan_kpi_value: PlanKpiValueTable;
  plan_evaluation: PlanEvaluationTable;
  datastore_table: DatastoreTableTable;
  resource_version: ResourceVersionTable;
  job: JobTable;
  audit_log: AuditLogTable;
  user_password: UserPasswordTable;
  web_session: WebSessionTable;
}

export function toBool(value: DbBool | null | undefined): boolean {
  return value === true || value === 1;
}
