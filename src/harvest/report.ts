/** One dataset the report mentions: which, and what happened. */
export interface ReportEntry {
  remote_id: string | null;
  remote_name: string | null;
  message: string;
}

/** Fields a run left as a local editor set them although the remote differs. */
export interface KeptEntry {
  remote_name: string;
  local_id: string;
  fields: Array<{ field: string; reason: 'local_fields' | 'edited' }>;
}

/** What a job did and why, stored as JSON with the job (`report`). */
export interface HarvestReport {
  /** The remote metadata_modified searched from; null = a full run. */
  since: string | null;
  pages: number;
  requests: number;
  retries: number;
  /** Whether withdrawn remote datasets were looked for, and if not, why. */
  deletions: { checked: boolean; note: string | null };
  errors: ReportEntry[];
  warnings: ReportEntry[];
  kept_local: KeptEntry[];
  /** Entries left out because a list reached its limit. */
  omitted: number;
  /** Why the job failed (the remote could not be read or paged), or null. */
  failure: string | null;
}

/** How far a job has come, for progress bars: the phase and datasets handled of the total. */
export interface HarvestProgress {
  phase: 'queued' | 'changes' | 'listing' | 'withdraw' | 'done';
  done: number;
  total: number;
}

/** The counts a job keeps as columns. */
export interface HarvestCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  errors: number;
}

const MAX_ENTRIES = 500;

export function emptyReport(since: string | null): HarvestReport {
  return {
    since,
    pages: 0,
    requests: 0,
    retries: 0,
    deletions: { checked: false, note: null },
    errors: [],
    warnings: [],
    kept_local: [],
    omitted: 0,
    failure: null,
  };
}

export function emptyCounts(): HarvestCounts {
  return { created: 0, updated: 0, deleted: 0, unchanged: 0, errors: 0 };
}

/** Adds an entry to one of the report's lists, counting it as omitted past the limit. */
export function addEntry<T>(report: HarvestReport, list: T[], entry: T): void {
  if (list.length < MAX_ENTRIES) list.push(entry);
  else report.omitted++;
}
