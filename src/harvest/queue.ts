import { toCkanTimestamp } from '../core/clock.ts';
import { conflict } from '../core/errors.ts';
import type { HarvestDeps } from './deps.ts';
import { failRunningJobs, type HarvestJob, insertJob, queuedJobIds } from './repo/jobs.ts';
import type { HarvestSource } from './repo/sources.ts';
import { type RunOptions, runHarvestJob } from './run-job.ts';

/** The reason recorded on a job that a restart interrupted. */
export const HARVEST_INTERRUPTED =
  '収集中にサーバーが停止したため中断されました。もう一度実行してください / Interrupted: the server stopped while the harvest ran; run it again';

/**
 * Queues a job for a source.
 * @throws AppError conflict when the source already has a queued or running job.
 */
export async function queueHarvest(
  deps: Pick<HarvestDeps, 'db' | 'now'>,
  source: HarvestSource,
  createdBy: string | null,
): Promise<HarvestJob> {
  const job = await insertJob(deps.db, source.id, createdBy, toCkanTimestamp(deps.now()));
  if (!job) {
    throw conflict(
      { id: [`Source ${source.name} already has a queued or running harvest job`] },
      'A harvest job of this source is already queued or running',
    );
  }
  return job;
}

// Jobs started in the background of this process, per database, so shutdown and tests can wait.
const running = new WeakMap<object, Set<Promise<unknown>>>();

/**
 * Runs a queued job in the background of this process (never rejects: the job row records the
 * outcome). Returns the promise of its end.
 */
export function startHarvest(
  deps: HarvestDeps,
  jobId: string,
  options: RunOptions = {},
): Promise<void> {
  const set = running.get(deps.db) ?? new Set<Promise<unknown>>();
  running.set(deps.db, set);
  const promise: Promise<void> = runHarvestJob(deps, jobId, options).then(
    () => undefined,
    (error: unknown) => {
      deps.log.error('harvest job could not run', { jobId, error: String(error) });
    },
  );
  set.add(promise);
  void promise.finally(() => set.delete(promise));
  return promise;
}

/** Resolves when every background job this process started on the database has ended. */
export async function harvestsSettled(db: object): Promise<void> {
  for (;;) {
    const set = running.get(db);
    if (!set || set.size === 0) return;
    await Promise.all([...set]);
  }
}

/**
 * At server start: jobs left `running` by a process that stopped are marked failed (their
 * datasets stay as the last completed write left them); jobs still queued run one by one.
 * @returns the ids marked failed.
 */
export async function recoverHarvestJobs(deps: HarvestDeps): Promise<string[]> {
  const failed = await failRunningJobs(deps.db, HARVEST_INTERRUPTED, toCkanTimestamp(deps.now()));
  for (const id of await queuedJobIds(deps.db)) await startHarvest(deps, id);
  return failed;
}
