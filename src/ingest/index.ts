/**
 * The ingest capability: loading uploaded files into the datastore (validate, fix, type, load),
 * the version history and the persisted in-process job queue. Other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { jobShow } from './actions/job-show.ts';
import { resourceIngest } from './actions/resource-ingest.ts';
import { resourceVersions } from './actions/resource-versions.ts';

/** The actions of this capability, for the registry. */
export const ingestActions: readonly AnyAction[] = [resourceIngest, jobShow, resourceVersions];

export {
  type Conformance,
  conformanceOf,
  type IngestDeps,
  type IngestResult,
  ingestResource,
} from './ingest-resource.ts';
export type { Job, JobProgress, JobState } from './repo/jobs.ts';
export {
  drainQueue,
  enqueueIngest,
  INTERRUPTED,
  recoverInterruptedJobs,
  runNextJob,
} from './queue.ts';
