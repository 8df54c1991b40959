import type { ActionContext, ActionRegistry, WriteListener } from '../core/action.ts';
import { Upload } from '../files/index.ts';
import { fetchIntoResource } from './fetch-resource.ts';
import { depsOf } from './policy.ts';
import { drainQueue, enqueueIngest, type QueueDeps } from './queue.ts';

/** Writes that may attach a file (multipart `upload`, the PUT route, a finished fetch). */
const FILE_WRITES = new Set(['resource_create', 'resource_update', 'resource_patch']);
/** Formats loaded into the datastore automatically, as CKAN's xloader does. */
const TABULAR = new Set(['CSV', 'TSV', 'TXT', 'XLSX']);

/**
 * The write listener behind auto-ingest: after a write that attached a tabular file (CSV, TSV,
 * TXT, XLSX) it queues an ingest of the resource, and after `s5_resource_fetch` it starts the
 * fetch. The request never waits for the work: only the job row is written before it answers.
 * `runQueue` says whether this process runs the queue after an upload (the server does; the CLI
 * and tests leave the job for the server or run it themselves); an explicit fetch always starts.
 */
export function autoIngestListener(
  registry: ActionRegistry,
  options: { runQueue: boolean },
): WriteListener {
  return async ({ name, ctx, input, result }) => {
    if (name === 's5_resource_fetch') {
      startQueue(registry, ctx);
      return;
    }
    if (!FILE_WRITES.has(name) || !isRecord(input) || !(input.upload instanceof Upload)) return;
    if (!isRecord(result) || typeof result.id !== 'string') return;
    if (!isTabular(result.format, input.upload.fileName)) return;
    await enqueueIngest(depsOf(ctx), result.id, ctx.actor.name);
    if (options.runQueue) startQueue(registry, ctx);
  };
}

/**
 * What a queue runner in a serving process needs, fetch jobs included: the fetch attaches its
 * file through the registry, so that the same write rules and listeners apply.
 */
export function queueDepsFor(registry: ActionRegistry, ctx: ActionContext): QueueDeps {
  return {
    db: ctx.db,
    files: ctx.files,
    now: () => new Date(),
    fetch: (job, onProgress) => fetchIntoResource(registry, ctx, job, onProgress),
  };
}

function startQueue(registry: ActionRegistry, ctx: ActionContext): void {
  // Not awaited: the job rows record the outcome, and drainQueue never rejects.
  void drainQueue(queueDepsFor(registry, ctx), ctx.log);
}

/** A resource format (or, when it has none, the file's extension) that the ingest can load. */
export function isTabular(format: unknown, fileName: string): boolean {
  const given = typeof format === 'string' ? format.trim().toUpperCase() : '';
  if (given !== '') return TABULAR.has(given);
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toUpperCase() ?? '';
  return TABULAR.has(ext);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
