import type { Selectable } from 'kysely';
import { newId } from '../../core/ids.ts';
import type { Database } from '../../db/index.ts';
import {
  emptyCounts,
  emptyReport,
  type HarvestCounts,
  type HarvestProgress,
  type HarvestReport,
} from '../report.ts';
import { type HarvestJobTable, harvestDb } from './tables.ts';

export type HarvestJobState = 'queued' | 'running' | 'done' | 'failed';

/** One run of a source. */
export interface HarvestJob {
  id: string;
  sourceId: string;
  state: HarvestJobState;
  createdBy: string | null;
  created: string;
  started: string | null;
  finished: string | null;
  since: string | null;
  watermark: string | null;
  counts: HarvestCounts;
  progress: HarvestProgress;
  report: HarvestReport;
  error: string | null;
}

/**
 * Adds a queued job, or returns undefined when the source already has a queued or running one
 * (a unique index keeps it to one, across processes).
 */
export async function insertJob(
  db: Database,
  sourceId: string,
  createdBy: string | null,
  now: string,
): Promise<HarvestJob | undefined> {
  const job: HarvestJob = {
    id: newId(),
    sourceId,
    state: 'queued',
    createdBy,
    created: now,
    started: null,
    finished: null,
    since: null,
    watermark: null,
    counts: emptyCounts(),
    progress: { phase: 'queued', done: 0, total: 0 },
    report: emptyReport(null),
    error: null,
  };
  if (await activeJob(db, sourceId)) return undefined;
  try {
    await harvestDb(db)
      .insertInto('harvest_job')
      .values({
        id: job.id,
        source_id: sourceId,
        state: 'queued',
        created_by: createdBy,
        created: now,
        progress: JSON.stringify(job.progress),
        report: JSON.stringify(job.report),
      })
      .execute();
  } catch (error) {
    // Another process queued one between the check and the insert (the unique index refused).
    if (await activeJob(db, sourceId)) return undefined;
    throw error;
  }
  return job;
}

/** The source's queued or running job, if any. */
export async function activeJob(db: Database, sourceId: string): Promise<HarvestJob | undefined> {
  const row = await harvestDb(db)
    .selectFrom('harvest_job')
    .selectAll()
    .where('source_id', '=', sourceId)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

export async function findJob(db: Database, id: string): Promise<HarvestJob | undefined> {
  const row = await harvestDb(db)
    .selectFrom('harvest_job')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Jobs newest first, of one source or of the given sources. */
export async function listJobs(
  db: Database,
  sourceIds: readonly string[],
  limit: number,
  offset: number,
): Promise<HarvestJob[]> {
  if (sourceIds.length === 0) return [];
  const rows = await harvestDb(db)
    .selectFrom('harvest_job')
    .selectAll()
    .where('source_id', 'in', [...sourceIds])
    .orderBy('created', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(fromRow);
}

/** The newest job of each given source (for "last run" columns). */
export async function latestJobs(
  db: Database,
  sourceIds: readonly string[],
): Promise<Map<string, HarvestJob>> {
  const out = new Map<string, HarvestJob>();
  for (const id of sourceIds) {
    const [job] = await listJobs(db, [id], 1, 0);
    if (job) out.set(id, job);
  }
  return out;
}

/** Where the next incremental run starts: the watermark of the source's latest finished run. */
export async function lastWatermark(db: Database, sourceId: string): Promise<string | null> {
  const row = await harvestDb(db)
    .selectFrom('harvest_job')
    .select(['watermark'])
    .where('source_id', '=', sourceId)
    .where('state', '=', 'done')
    .orderBy('finished', 'desc')
    .orderBy('created', 'desc')
    .executeTakeFirst();
  return row?.watermark ?? null;
}

/** Marks a queued job running; false when another runner took it first. */
export async function claimJob(db: Database, id: string, now: string): Promise<boolean> {
  const result = await harvestDb(db)
    .updateTable('harvest_job')
    .set({ state: 'running', started: now })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ids of queued jobs, oldest first. */
export async function queuedJobIds(db: Database): Promise<string[]> {
  const rows = await harvestDb(db)
    .selectFrom('harvest_job')
    .select('id')
    .where('state', '=', 'queued')
    .orderBy('created')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Records a running job's progress and counts so far. */
export async function saveProgress(
  db: Database,
  id: string,
  progress: HarvestProgress,
  counts: HarvestCounts,
): Promise<void> {
  await harvestDb(db)
    .updateTable('harvest_job')
    .set({ progress: JSON.stringify(progress), ...countColumns(counts) })
    .where('id', '=', id)
    .execute();
}

/** Ends a job (done or failed) with its counts, report, watermark and reason. */
export async function finishJob(
  db: Database,
  id: string,
  end: {
    state: 'done' | 'failed';
    finished: string;
    since: string | null;
    watermark: string | null;
    counts: HarvestCounts;
    progress: HarvestProgress;
    report: HarvestReport;
    error: string | null;
  },
): Promise<void> {
  await harvestDb(db)
    .updateTable('harvest_job')
    .set({
      state: end.state,
      finished: end.finished,
      since: end.since,
      watermark: end.watermark,
      ...countColumns(end.counts),
      progress: JSON.stringify(end.progress),
      report: JSON.stringify(end.report),
      error: end.error,
    })
    .where('id', '=', id)
    .execute();
}

/** Marks every job left `running` (by a process that died) failed; returns their ids. */
export async function failRunningJobs(
  db: Database,
  reason: string,
  now: string,
): Promise<string[]> {
  const k = harvestDb(db);
  const rows = await k
    .selectFrom('harvest_job')
    .select('id')
    .where('state', '=', 'running')
    .execute();
  if (rows.length === 0) return [];
  await k
    .updateTable('harvest_job')
    .set({ state: 'failed', error: reason, finished: now })
    .where('state', '=', 'running')
    .execute();
  return rows.map((r) => r.id);
}

function countColumns(c: HarvestCounts) {
  return {
    count_created: c.created,
    count_updated: c.updated,
    count_deleted: c.deleted,
    count_unchanged: c.unchanged,
    count_errors: c.errors,
  };
}

function fromRow(r: Selectable<HarvestJobTable>): HarvestJob {
  return {
    id: r.id,
    sourceId: r.source_id,
    state: toState(r.state),
    createdBy: r.created_by,
    created: r.created,
    started: r.started,
    finished: r.finished,
    since: r.since,
    watermark: r.watermark,
    counts: {
      created: Number(r.count_created),
      updated: Number(r.count_updated),
      deleted: Number(r.count_deleted),
      unchanged: Number(r.count_unchanged),
      errors: Number(r.count_errors),
    },
    progress: parseJson(r.progress, { phase: 'queued', done: 0, total: 0 }),
    report: parseJson(r.report, emptyReport(null)),
    error: r.error,
  };
}

function toState(s: string): HarvestJobState {
  return s === 'running' || s === 'done' || s === 'failed' ? s : 'queued';
}

// The column is written only by this module, from these types.
function parseJson<T>(json: string, fallback: T): T {
  try {
    return { ...fallback, ...(JSON.parse(json) as Partial<T>) };
  } catch {
    return fallback;
  }
}

/** Forgets where runs stopped, so the next run reads every remote dataset (after a URL change). */
export async function clearWatermarks(db: Database, sourceId: string): Promise<void> {
  await harvestDb(db)
    .updateTable('harvest_job')
    .set({ watermark: null })
    .where('source_id', '=', sourceId)
    .execute();
}
