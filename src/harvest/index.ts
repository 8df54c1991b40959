/**
 * The harvest capability: copying the public datasets of other CKAN portals into a local
 * organization, incrementally, through the catalog's own actions; its jobs, reports and
 * scheduler. Other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { harvestRun } from './actions/harvest-run.ts';
import { jobList } from './actions/job-list.ts';
import { jobShow } from './actions/job-show.ts';
import { sourceCreate } from './actions/source-create.ts';
import { sourceDelete } from './actions/source-delete.ts';
import { sourceList } from './actions/source-list.ts';
import { sourceShow } from './actions/source-show.ts';
import { sourceUpdate } from './actions/source-update.ts';
import type { RegistryRef } from './source-access.ts';

/**
 * The actions of this capability, for the registry. Running a harvest writes datasets through
 * the registry's catalog actions, so the actions get the registry they are registered in.
 */
export function harvestActions(registry: RegistryRef): AnyAction[] {
  return [
    sourceCreate(registry),
    sourceUpdate(registry),
    sourceDelete(registry),
    sourceList,
    sourceShow,
    harvestRun(registry),
    jobShow,
    jobList,
  ];
}

export type { HarvestDeps } from './deps.ts';
export { HARVEST_INTERRUPTED, harvestsSettled, queueHarvest, startHarvest } from './queue.ts';
export type { HarvestCounts, HarvestProgress, HarvestReport } from './report.ts';
export type { HarvestJob } from './repo/jobs.ts';
export { harvestSourceNow } from './run-source.ts';
export {
  defaultSettings,
  type HarvestSettings,
  type RunOptions,
  runHarvestJob,
} from './run-job.ts';
export {
  type HarvestHost,
  type HarvestScheduler,
  isDue,
  type SchedulerOptions,
  startHarvestScheduler,
} from './scheduler.ts';
