import { isAppError } from '../core/errors.ts';
import {
  addEntry,
  type HarvestCounts,
  type HarvestProgress,
  type HarvestReport,
} from './report.ts';

/** What a run tracks as it goes. */
export interface RunState {
  counts: HarvestCounts;
  report: HarvestReport;
  progress: HarvestProgress;
  /** Remote ids seen in the changes search (a full listing on a full, stable run). */
  seen: Set<string>;
  maxModified: string | null;
  /** The oldest remote metadata_modified of a dataset that failed: the next run starts there. */
  minFailedModified: string | null;
  /** Whether s5_resource_fetch exists (fetch_resources needs it). */
  canFetch: boolean;
}

/** Counts a dataset that could not be harvested and reports why. */
export function fail(
  state: RunState,
  remoteId: string | null,
  remoteName: string | null,
  modified: string | null,
  message: string,
): void {
  state.counts.errors++;
  addEntry(state.report, state.report.errors, {
    remote_id: remoteId,
    remote_name: remoteName,
    message,
  });
  if (
    modified !== null &&
    (state.minFailedModified === null || modified < state.minFailedModified)
  ) {
    state.minFailedModified = modified;
  }
}

/** An error as one line for the report (with the fields of a validation error). */
export function describeError(error: unknown): string {
  if (isAppError(error)) {
    const fields = error.fields ? ` ${JSON.stringify(error.fields)}` : '';
    return `${error.message}${fields}`.slice(0, 1000);
  }
  return error instanceof Error ? error.message : String(error);
}
