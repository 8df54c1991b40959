import { notFound } from '../core/errors.ts';
import type { HarvestDeps } from './deps.ts';
import { queueHarvest } from './queue.ts';
import type { HarvestJob } from './repo/jobs.ts';
import { findSource } from './repo/sources.ts';
import { type RunOptions, runHarvestJob } from './run-job.ts';

/**
 * Queues a job for a source (by id or name) and runs it here, to its end — for the CLI, whose
 * operator is the site. Access rules are the caller's business (actions check them).
 * @throws AppError not_found (no such source), conflict (a job is already queued or running).
 */
export async function harvestSourceNow(
  deps: HarvestDeps,
  ref: string,
  createdBy: string | null,
  options: RunOptions = {},
): Promise<HarvestJob> {
  const source = await findSource(deps.db, ref);
  if (!source) throw notFound('Harvest source was not found.');
  const job = await queueHarvest(deps, source, createdBy);
  return runHarvestJob(deps, job.id, options);
}
