import { reindexPackageOfResource } from '../catalog/index.ts';
import { toCkanTimestamp } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { type IngestDeps, type IngestResult, ingestResource } from './ingest-resource.ts';
import {
  claimJob,
  claimNextJob,
  failRunningJobs,
  findJob,
  findQueuedJob,
  finishJob,
  insertJob,
  type Job,
  type JobProgress,
  saveProgress,
} from './repo/jobs.ts';

/** The kind of an ingest job. */
export const INGEST_JOB = 'ingest';
/** The kind of a job that downloads a resource's URL into the file store (s5_resource_fetch). */
export const FETCH_JOB = 'fetch';

/** The reason recorded on a job that a crash or restart interrupted. */
export const INTERRUPTED =
  '処理中にサーバーが停止したため中断されました。もう一度取り込んでください / Interrupted: the server stopped while the job ran; ingest again';

/** Downloads a fetch job's URL and attaches the file to its resource. */
export type FetchRunner = (job: Job, onProgress: (p: JobProgress) => void) => Promise<void>;

/** What the queue needs: the ingest's dependencies, and a fetch runner if it may run fetches. */
export interface QueueDeps extends IngestDeps {
  /** Without it the runner leaves fetch jobs queued for one that has it. */
  readonly fetch?: FetchRunner;
}

/** Observers of one run (the crash test and the CLI print progress). */
export interface RunHooks {
  onProgress?: (job: Job, progress: JobProgress) => void;
}

/**
 * Adds an ingest job for a resource to the persisted queue (it runs when the queue is drained).
 * A job still queued for the resource is returned instead: it will read the newest file anyway.
 */
export function enqueueIngest(
  deps: Pick<IngestDeps, 'db' | 'now'>,
  resourceId: string,
  createdBy: string | null,
): Promise<Job> {
  return enqueue(deps, INGEST_JOB, resourceId, createdBy);
}

/** Adds a fetch job for a resource (or returns the one still queued for it). */
export function enqueueFetch(
  deps: Pick<IngestDeps, 'db' | 'now'>,
  resourceId: string,
  createdBy: string | null,
): Promise<Job> {
  return enqueue(deps, FETCH_JOB, resourceId, createdBy);
}

async function enqueue(
  deps: Pick<IngestDeps, 'db' | 'now'>,
  kind: string,
  resourceId: string,
  createdBy: string | null,
): Promise<Job> {
  const queued = await findQueuedJob(deps.db, kind, resourceId);
  if (queued) return queued;
  return insertJob(deps.db, kind, resourceId, createdBy, toCkanTimestamp(deps.now()));
}

/**
 * Runs the oldest queued job to its end (done or failed, never thrown), persisting its progress.
 * @returns the job run, or undefined when none was queued.
 */
export async function runNextJob(deps: QueueDeps, hooks: RunHooks = {}): Promise<Job | undefined> {
  const kinds = deps.fetch ? [INGEST_JOB, FETCH_JOB] : [INGEST_JOB];
  const job = await claimNextJob(deps.db, toCkanTimestamp(deps.now()), kinds);
  if (!job) return undefined;
  return (await runClaimed(deps, job, hooks)).job;
}

/**
 * Runs one queued job now, in the caller (the CLI's import shows its progress this way).
 * @returns the finished run; undefined when the job was not queued (another runner took it).
 */
export async function runQueuedJob(
  deps: QueueDeps,
  jobId: string,
  hooks: RunHooks = {},
): Promise<JobRun | undefined> {
  const job = await claimJob(deps.db, jobId, toCkanTimestamp(deps.now()));
  return job ? runClaimed(deps, job, hooks) : undefined;
}

/** A finished run: the job, the ingest's result when it loaded, the error when it failed. */
export interface JobRun {
  job: Job;
  result: IngestResult | undefined;
  error: unknown;
}

async function runClaimed(deps: QueueDeps, job: Job, hooks: RunHooks): Promise<JobRun> {
  let pending = Promise.resolve();
  // Progress writes are chained so they land in order and never outlive the job.
  const onProgress = (p: JobProgress) => {
    hooks.onProgress?.(job, p);
    pending = pending.then(() => saveProgress(deps.db, job.id, p)).catch(() => undefined);
  };
  try {
    let result: IngestResult | undefined;
    if (job.kind === FETCH_JOB) {
      if (!deps.fetch) throw new Error('this runner cannot fetch URLs');
      await deps.fetch(job, onProgress);
    } else {
      result = await ingestResource(deps, job.resourceId, { createdBy: job.createdBy, onProgress });
    }
    await pending;
    // Before the job reads as done: search's standard-dataset facets follow the new version.
    await reindexPackageOfResource(deps.db, job.resourceId);
    await finishJob(deps.db, job.id, 'done', null, toCkanTimestamp(deps.now()));
    return { job: { ...job, state: 'done' }, result, error: undefined };
  } catch (error) {
    await pending;
    const reason = error instanceof Error ? error.message : String(error);
    await finishJob(deps.db, job.id, 'failed', reason, toCkanTimestamp(deps.now()));
    // A load may have committed before the failure; the search entry follows what is stored.
    await reindexPackageOfResource(deps.db, job.resourceId);
    return { job: { ...job, state: 'failed', error: reason }, result: undefined, error };
  }
}

interface Runner {
  deps: QueueDeps;
  running: Promise<void>;
  again: boolean;
}

// One runner per database: jobs run one at a time within the process.
const runners = new WeakMap<object, Runner>();

/**
 * Runs queued jobs one at a time until none is left; a call while the queue is running returns
 * the running drain (which then also picks up jobs enqueued since, and gains the caller's fetch
 * runner if it had none). Never rejects.
 */
export function drainQueue(deps: QueueDeps, log?: Logger): Promise<void> {
  const existing = runners.get(deps.db);
  if (existing) {
    existing.again = true;
    if (deps.fetch && !existing.deps.fetch) existing.deps = deps;
    return existing.running;
  }
  const runner: Runner = { deps, running: Promise.resolve(), again: false };
  runner.running = (async () => {
    try {
      do {
        runner.again = false;
        let more = true;
        // Each pass re-reads runner.deps: a later caller may have added the fetch runner.
        while (more) more = (await runNextJob(runner.deps)) !== undefined;
      } while (runner.again);
    } catch (error) {
      log?.error('job queue stopped', { error: String(error) });
    } finally {
      runners.delete(deps.db);
    }
  })();
  runners.set(deps.db, runner);
  return runner.running;
}

/**
 * At startup: jobs left `running` by a process that died are marked failed with the reason, so
 * nothing is silently forgotten (their resources keep the previous table). Returns their ids.
 */
export async function recoverInterruptedJobs(
  deps: Pick<IngestDeps, 'db' | 'now'>,
): Promise<string[]> {
  const ids = await failRunningJobs(deps.db, INTERRUPTED, toCkanTimestamp(deps.now()));
  // The process may have died after recording a version but before reindexing its dataset.
  for (const id of ids) {
    const job = await findJob(deps.db, id);
    if (job) await reindexPackageOfResource(deps.db, job.resourceId);
  }
  return ids;
}
