/**
 * The parts of action results the staff pages read, beyond those the public pages use
 * (`../action-results.ts`), as each action documents them. Only the fields used are named.
 */
import type { Dataset, Resource } from '../action-results.ts';

/** package_show / package_search as an editor sees it: with visibility and state. */
export interface StaffDataset extends Dataset {
  private: boolean;
  state: string;
  resources: StaffResource[];
}

export interface StaffResource extends Resource {
  mimetype: string | null;
}

/** s5_job_show. */
export interface JobDict {
  id: string;
  kind: string;
  resource_id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: { phase: string; rows: number; bytes?: number };
  error: string | null;
  created: string;
  started: string | null;
  finished: string | null;
}

/** api_token_list. */
export interface TokenDict {
  id: string;
  name: string;
  created_at: string;
  last_access: string | null;
}

/** user_show. */
export interface UserDict {
  id: string;
  name: string;
  fullname: string;
  display_name: string;
}

/** s5_plan_list. */
export interface PlanSummary {
  id: string;
  name: string;
  title: string;
  title_en: string;
  organization: { id: string; name: string; title: string } | null;
}

/** s5_report_list as an editor sees it. */
export interface StaffReportListItem {
  fiscal_year: number;
  fiscal_year_label: { ja: string; era: string; en: string };
  published_revision: number | null;
  working_revision?: number | null;
  status: string;
}

/** s5_resource_file_show. */
export interface StoredFileDict {
  sha256: string;
  size: number | null;
  mimetype: string;
  file_name: string;
  package_id: string;
}

/** license_list. */
export interface LicenseDict {
  id: string;
  title: string;
  title_en: string;
}
