import type { WriteEvent, WriteListener } from '../core/action.ts';
import { drainQueue } from '../ingest/index.ts';
import type { MergedDeps } from './deps.ts';
import { refreshMerged } from './refresh-merged.ts';

/**
 * Writes after which a member may have joined, left or changed: visibility and state of datasets
 * and resources, rows of member tables, publishers' names. `s5_resource_ingest` is handled apart:
 * its job runs later, so the refresh waits for the queue.
 */
const TRIGGERS: ReadonlySet<string> = new Set([
  'package_update',
  'package_patch',
  'package_delete',
  'resource_update',
  'resource_patch',
  'resource_delete',
  'datastore_create',
  'datastore_upsert',
  'datastore_delete',
  'organization_update',
  'organization_patch',
  'organization_delete',
]);

interface DbState {
  /** The tail of the refreshes run so far: refreshes of one database never overlap. */
  lock: Promise<void>;
  /** A background refresh waiting for its turn; later triggers join it. */
  queued: Promise<void> | null;
  inFlight: Set<Promise<unknown>>;
  closed: boolean;
}

// Per database, as the ingest queue's runners: one process refreshes one table at a time.
const states = new WeakMap<object, DbState>();

function stateOf(db: object): DbState {
  let state = states.get(db);
  if (!state) {
    state = { lock: Promise.resolve(), queued: null, inFlight: new Set(), closed: false };
    states.set(db, state);
  }
  return state;
}

/** Runs `fn` once every refresh of this database started before it has finished. */
export function runExclusive<T>(db: object, fn: () => Promise<T>): Promise<T> {
  const state = stateOf(db);
  const run = state.lock.then(fn);
  state.lock = run.then(
    () => undefined,
    () => undefined,
  );
  return track(state, run);
}

/**
 * Starts a background refresh of every merged table (joining one that is waiting to start), and
 * returns it; it never rejects: a failure is logged and the next trigger tries again.
 */
export function scheduleMergedRefresh(deps: MergedDeps): Promise<void> {
  const state = stateOf(deps.db);
  if (state.closed) return Promise.resolve();
  if (state.queued) return state.queued;
  const run = runExclusive(deps.db, async () => {
    // From here on a new trigger queues another run: this one may have read before its write.
    state.queued = null;
    if (state.closed) return;
    try {
      await refreshMerged(deps);
    } catch (error) {
      deps.log.error('merged tables refresh failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
  state.queued = run;
  return run;
}

/** Writes after which this process's queue may run an ingest (auto-ingest of an upload, a fetch). */
const QUEUE_WRITES: ReadonlySet<string> = new Set([
  'resource_create',
  'resource_update',
  'resource_patch',
  's5_resource_fetch',
]);

/** Whether this process runs the ingest queue (the server does; the CLI and tests do not). */
export interface ListenerOptions {
  readonly followQueue: boolean;
}

/**
 * The write listener that keeps the merged tables current: after a write that may change a
 * membership it starts a refresh, and after a write that queues an ingest it refreshes again once
 * the queue has run out (`s5_resource_ingest` drains it itself; uploads and fetches only where
 * the process runs the queue, so that a CLI never takes a job it runs by itself). Register it
 * after the auto-ingest listener, which queues the job. It never holds up the response.
 */
export function mergedWriteListener(
  deps: MergedDeps,
  options: ListenerOptions = { followQueue: false },
): WriteListener {
  return (event: WriteEvent) => {
    if (TRIGGERS.has(event.name)) void scheduleMergedRefresh(deps);
    const queued =
      event.name === 's5_resource_ingest' || (options.followQueue && QUEUE_WRITES.has(event.name));
    if (!queued) return;
    const ingest = { db: event.ctx.db, files: event.ctx.files, now: () => new Date() };
    // The drain already running (started by the action or auto-ingest) ends when the queue is empty.
    void drainQueue(ingest, event.ctx.log).then(() => scheduleMergedRefresh(deps));
  };
}

/** Resolves once no refresh of this database is running or waiting. */
export async function mergedRefreshIdle(db: object): Promise<void> {
  const state = stateOf(db);
  while (state.inFlight.size > 0) await Promise.allSettled([...state.inFlight]);
}

/** Stops starting background refreshes of this database and waits for the running ones. */
export async function stopMergedRefresh(db: object): Promise<void> {
  stateOf(db).closed = true;
  await mergedRefreshIdle(db);
}

function track<T>(state: DbState, run: Promise<T>): Promise<T> {
  state.inFlight.add(run);
  const forget = () => {
    state.inFlight.delete(run);
  };
  run.then(forget, forget);
  return run;
}
