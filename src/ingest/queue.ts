import { toCkanTimestamp } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { type IngestDeps, ingestResource } from './ingest-resource.ts';
import {
  claimNextJob,
  failRunningJobs,
  finishJob,
  insertJob,
  type Job,
  saveProgress,
} from './repo/jobs.ts';

/** The kind of an ingest job. */
export const INGEST_JOB = 'ingest';

/** The reason recorded on a job that a crash or restart interrupted. */
export const INTERRUPTED =
  '処理中にサーバーが停止したため中断されました。もう一度取り込んでください / Interrupted: the server stopped while the job ran; ingest again';

/** Adds an ingest job for a resource to the persisted queue (it runs when the queue is drained). */
export function enqueueIngest(
  deps: IngestDeps,
  resourceId: string,
  createdBy: string | null,
): Promise<Job> {
  return insertJob(deps.db, INGEST_JOB, resourceId, createdBy, toCkanTimestamp(deps.now()));
}

/**
 * Runs the oldest queued job to its end (done or failed, never thrown), persisting its progress.
 * @returns the job run, or undefined when none was queued.
 */
export async function runNextJob(deps: IngestDeps): Promise<Job | undefined> {
  const job = await claimNextJob(deps.db, toCkanTimestamp(deps.now()));
  if (!job) return undefined;
  let pending = Promise.resolve();
  try {
    await ingestResource(deps, job.resourceId, {
      createdBy: job.createdBy,
      // Progress writes are chained so they land in order and never outlive the job.
      onProgress: (p) => {
        pending = pending.then(() => saveProgress(deps.db, job.id, p)).catch(() => undefined);
      },
    });
    await pending;
    await finishJob(deps.db, job.id, 'done', null, toCkanTimestamp(deps.now()));
    return { ...job, state: 'done' };
  } catch (error) {
    await pending;
    const reason = error instanceof Error ? error.message : String(error);
    await finishJob(deps.db, job.id, 'failed', reason, toCkanTimestamp(deps.now()));
    return { ...job, state: 'failed', error: reason };
  }
}

interface Runner {
  running: Promise<void>;
  again: boolean;
}

// One runner per database: jobs run one at a time within the process.
const runners = new WeakMap<object, Runner>();

/**
 * Runs queued jobs one at a time until none is left; a call while the queue is running returns
 * the running drain (which then also picks up jobs enqueued since). Never rejects.
 */
export function drainQueue(deps: IngestDeps, log?: Logger): Promise<void> {
  const existing = runners.get(deps.db);
  if (existing) {
    existing.again = true;
    return existing.running;
  }
  const runner: Runner = { running: Promise.resolve(), again: false };
  runner.running = (async () => {
    try {
      do {
        runner.again = false;
        let more = true;
        while (more) more = (await runNextJob(deps)) !== undefined;
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
export function recoverInterruptedJobs(deps: Pick<IngestDeps, 'db' | 'now'>): Promise<string[]> {
  return failRunningJobs(deps.db, INTERRUPTED, toCkanTimestamp(deps.now()));
}
