/**
 * The parts of action results the portal reads, as documented by each action (package_show is
 * CKAN's package dict, and so on). Only the fields used are named.
 */

export interface OrgSummary {
  id: string;
  name: string;
  title: string;
}

export interface Resource {
  id: string;
  package_id: string;
  url: string;
  name: string;
  description: string;
  format: string;
  size: number | null;
  last_modified: string | null;
  metadata_modified: string;
  datastore_active: boolean;
  url_type: string | null;
}

export interface Dataset {
  id: string;
  name: string;
  title: string;
  notes: string;
  license_id: string;
  license_title: string;
  license_url?: string;
  organization: OrgSummary | null;
  metadata_created: string;
  metadata_modified: string;
  tags: Array<{ name: string }>;
  groups: Array<{ name: string; title: string; display_name: string }>;
  resources: Resource[];
  extras: Array<{ key: string; value: string }>;
  url: string;
  version: string;
  author: string;
  maintainer: string;
}

export interface FacetItem {
  name: string;
  display_name: string;
  count: number;
}

export interface SearchResult {
  count: number;
  results: Dataset[];
  search_facets: Record<string, { items: FacetItem[] }>;
}

export interface GroupDict {
  id: string;
  name: string;
  title: string;
  display_name: string;
  title_translated: { ja: string; en: string | null };
  description: string;
  package_count: number;
  is_organization: boolean;
  extras: Array<{ key: string; value: string }>;
}

export interface ResourceVersion {
  version: number;
  created: string;
  status: string;
  row_count: number | null;
  schema_id: string | null;
  conformance: string | null;
  summary: { errors: number; warnings: number; notices: number } | null;
}

export interface DatastoreField {
  id: string;
  type: string;
  info?: { label?: string };
}

export interface DatastoreSearch {
  fields: DatastoreField[];
  records: Array<Record<string, unknown>>;
  total: number;
}

export interface SchemaSummary {
  id: string;
  title: { ja: string; en: string };
  generation: 'current' | 'legacy';
  dataset_number: string;
  slug: string;
}

export interface CoverageCell {
  publisher: string;
  schema: string;
  published: boolean;
  conformance?: string;
  row_count?: number | null;
  dataset_ids?: string[];
}

export interface CoverageMatrix {
  schemas: Array<{ id: string; title: { ja: string; en: string }; generation: string }>;
  publishers: Array<{
    id: string;
    name: string;
    title: string;
    code: string;
    region: string | null;
  }>;
  cells: CoverageCell[];
}

/** One merged prefecture-wide dataset (s5_merged_list's `results`). */
export interface MergedSummary {
  schema_id: string;
  title: { ja: string; en: string };
  package_name: string;
  member_count: number;
  row_count: number;
}

/** The extra `key` of a CKAN group/organization dict. */
export function extraOf(
  dict: { extras: Array<{ key: string; value: string }> },
  key: string,
): string | undefined {
  return dict.extras.find((e) => e.key === key)?.value;
}

/** One row of s5_kpi_list without a fiscal year: the definition and, if computed, its value now. */
export interface KpiListItem {
  id: string;
  code: string;
  name: string;
  name_en: string;
  unit: string;
  direction: 'higher' | 'lower';
  kind: 'quantitative' | 'qualitative';
  measurement: 'manual' | 'computed';
  baseline: { year: number | null; value: number | null };
  target: { year: number | null; value: number | null; state: string; note: string };
  data_source: string;
  basis: string;
  note: string;
  node: { code: string; label: string; title: string };
  pillar: { code: string; label: string; title: string };
  current: { computable: boolean; value?: number | null; computed_at: string } | null;
}

/** One year of s5_report_list. */
export interface ReportListItem {
  fiscal_year: number;
  fiscal_year_label: { ja: string; era: string; en: string };
  published_revision: number | null;
  status: string;
}
