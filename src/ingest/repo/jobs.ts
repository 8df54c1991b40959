import { sql } from 'kysely';
import { newId } from '../../core/ids.ts';
import type { Database } from '../../db/index.ts';

/** The states of a job, in order; `failed` and `done` are final. */
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** How far a running job is: the phase and the rows (a fetch: the bytes) handled in it. */
export interface JobProgress {
  phase: string;
  rows: number;
  bytes?: number;
}

/** A job as the queue and the actions see it. */
export interface Job {
  id: string;
  kind: string;
  resourceId: string;
  state: JobState;
  progress: JobProgress;
  error: string | null;
  createdBy: string | null;
  created: string;
  started: string | null;
  finished: string | null;
  attempts: number;
}

/** Adds a queued job and returns it. */
export async function insertJob(
  db: Database,
  kind: string,
  resourceId: string,
  createdBy: string | null,
  now: string,
): Promise<Job> {
  const job: Job = {
    id: newId(),
    kind,
    resourceId,
    state: 'queued',
    progress: { phase: 'queued', rows: 0 },
    error: null,
    createdBy,
    created: now,
    started: null,
    finished: null,
    attempts: 0,
  };
  await db.kysely
    .insertInto('job')
    .values({
      id: job.id,
      kind,
      resource_id: resourceId,
      state: 'queued',
      progress: JSON.stringify(job.progress),
      created_by: createdBy,
      created: now,
      attempts: 0,
    })
    .execute();
  return job;
}

/** The job with this id, or undefined. */
export async function findJob(db: Database, id: string): Promise<Job | undefined> {
  const row = await db.kysely.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/** The queued (not yet running) job of this kind for a resource, if any. */
export async function findQueuedJob(
  db: Database,
  kind: string,
  resourceId: string,
): Promise<Job | undefined> {
  const row = await db.kysely
    .selectFrom('job')
    .selectAll()
    .where('kind', '=', kind)
    .where('resource_id', '=', resourceId)
    .where('state', '=', 'queued')
    .orderBy('created')
    .orderBy('id')
    .executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/** A resource's current job: one queued or running if any, else the newest; undefined if none. */
export async function findCurrentJob(db: Database, resourceId: string): Promise<Job | undefined> {
  const row = await db.kysely
    .selectFrom('job')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy(sql`case when state in ('queued', 'running') then 0 else 1 end`)
    .orderBy('created', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toJob(row) : undefined;
}

/**
 * Claims the oldest queued job of one of `kinds`: marks it running (attempts + 1) only if it is
 * still queued, so two runners can never take the same job.
 */
export async function claimNextJob(
  db: Database,
  now: string,
  kinds: readonly string[],
): Promise<Job | undefined> {
  for (;;) {
    const next = await db.kysely
      .selectFrom('job')
      .select('id')
      .where('state', '=', 'queued')
      .where('kind', 'in', kinds)
      .orderBy('created')
      .orderBy('id')
      .executeTakeFirst();
    if (!next) return undefined;
    const claimed = await claimJob(db, next.id, now);
    if (claimed) return claimed;
  }
}

/** Claims one queued job by id; undefined when it is not (or no longer) queued. */
export async function claimJob(db: Database, id: string, now: string): Promise<Job | undefined> {
  const claimed = await db.kysely
    .updateTable('job')
    .set((eb) => ({ state: 'running', started: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1 ? findJob(db, id) : undefined;
}

/** Records a running job's progress. */
export async function saveProgress(db: Database, id: string, progress: JobProgress): Promise<void> {
  await db.kysely
    .updateTable('job')
    .set({ progress: JSON.stringify(progress) })
    .where('id', '=', id)
    .execute();
}

/** Ends a job as done or failed (with the reason). */
export async function finishJob(
  db: Database,
  id: string,
  state: 'done' | 'failed',
  error: string | null,
  now: string,
): Promise<void> {
  await db.kysely
    .updateTable('job')
    .set({ state, error, finished: now })
    .where('id', '=', id)
    .execute();
}

/** Marks every job left `running` (by a process that died) as failed; returns their ids. */
export async function failRunningJobs(
  db: Database,
  reason: string,
  now: string,
): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('job')
    .select('id')
    .where('state', '=', 'running')
    .execute();
  if (rows.length === 0) return [];
  await db.kysely
    .updateTable('job')
    .set({ state: 'failed', error: reason, finished: now })
    .where('state', '=', 'running')
    .execute();
  return rows.map((r) => r.id);
}

function toJob(row: {
  id: string;
  kind: string;
  resource_id: string;
  state: string;
  progress: string;
  error: string | null;
  created_by: string | null;
  created: string;
  started: string | null;
  finished: string | null;
  attempts: number;
}): Job {
  return {
    id: row.id,
    kind: row.kind,
    resourceId: row.resource_id,
    state: toState(row.state),
    progress: JSON.parse(row.progress) as JobProgress,
    error: row.error,
    createdBy: row.created_by,
    created: row.created,
    started: row.started,
    finished: row.finished,
    attempts: Number(row.attempts),
  };
}

function toState(s: string): JobState {
  return s === 'running' || s === 'done' || s === 'failed' ? s : 'queued';
}
