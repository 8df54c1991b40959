/**
 * The ingest capability: loading uploaded files into the datastore (validate, fix, type, load),
 * the version history and the persisted in-process job queue. Other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { jobShow } from './actions/job-show.ts';
import { resourceFetch } from './actions/resource-fetch.ts';
import { resourceIngest } from './actions/resource-ingest.ts';
import { resourceVersions } from './actions/resource-versions.ts';

/** The actions of this capability, for the registry. */
export const ingestActions: readonly AnyAction[] = [
  resourceIngest,
  resourceFetch,
  jobShow,
  resourceVersions,
];

export { autoIngestListener, isTabular, queueDepsFor } from './auto-ingest.ts';
export { fetchedFileName, mediaTypeOf } from './fetched-file.ts';
export { editableResource } from './policy.ts';

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
  enqueueFetch,
  enqueueIngest,
  FETCH_JOB,
  INGEST_JOB,
  INTERRUPTED,
  type QueueDeps,
  recoverInterruptedJobs,
  runNextJob,
  runQueuedJob,
} from './queue.ts';
