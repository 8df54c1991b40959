import {
  type ActionContext,
  type ActionRegistry,
  type Actor,
  type SiteSettings,
  anonymous,
} from '../core/action.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import type { Config } from '../core/config.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import { recordWrite } from '../audit/index.ts';
import { catalogIsEmpty, seedCatalog, siteActor } from '../catalog/index.ts';
import { migrateToLatest, type OwnedDatabase, openDatabase } from '../db/index.ts';
import { autoIngestListener, recoverInterruptedJobs } from '../ingest/index.ts';
import { type MergedDeps, mergedWriteListener, stopMergedRefresh } from '../merged/index.ts';
import { noPlanExists, seedPlan } from '../plan/index.ts';
import { createFileStore, type FileStore } from '../files/index.ts';
import { buildRegistry } from './registry.ts';

/** A running s5: database, registry and settings. The API, portal and CLI are built on it. */
export interface Platform {
  readonly config: Config;
  readonly db: OwnedDatabase;
  readonly registry: ActionRegistry;
  readonly log: Logger;
  readonly clock: Clock;
  readonly site: SiteSettings;
  readonly files: FileStore;
  /** Builds the context of one action call. */
  context(actor?: Actor, log?: Logger, origin?: string): ActionContext;
  /** Runs an action as the given actor. */
  call(name: string, input: unknown, actor?: Actor): Promise<unknown>;
  close(): Promise<void>;
}

export interface OpenOptions {
  log?: Logger;
  clock?: Clock;
  /** Apply pending migrations (default true). When false, the schema must already be current. */
  migrate?: boolean;
  /** Seed an empty catalog from config.seedDir (default: config.autoSeed). */
  seed?: boolean;
  /** The origin of calls that name none (audit log): `cli`, `server`; default `local`. */
  origin?: string;
}

/**
 * Opens the database, refuses a schema newer than the code, applies pending migrations and,
 * on an empty database, loads the default seed.
 * @throws AppError internal when the schema is newer than the code.
 */
export async function openPlatform(config: Config, options: OpenOptions = {}): Promise<Platform> {
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const db = openDatabase(config.database);
  try {
    if (options.migrate ?? true) {
      const applied = await migrateToLatest(db);
      if (applied.length > 0) log.info('migrations applied', { applied });
    }
    const interrupted = await recoverInterruptedJobs({ db, now: () => clock.now() });
    if (interrupted.length > 0)
      log.warn('jobs interrupted by a restart marked failed', { interrupted });
    if ((options.seed ?? config.autoSeed) && (await catalogIsEmpty(db))) {
      const summary = await seedCatalog(db, config.seedDir, clock.now());
      log.info('seeded an empty catalog', { ...summary });
    }
    // The plan is seeded on its own condition so that a database upgraded to the plan migration
    // gets the plan too.
    if ((options.seed ?? config.autoSeed) && (await noPlanExists(db))) {
      const plan = await seedPlan(db, config.seedDir, clock.now());
      if (plan) log.info('seeded the plan', { ...plan });
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  const registry = buildRegistry();
  // First listener: the audit entry is written before any follow-up work a write triggers.
  registry.onWrite(recordWrite);
  const site: SiteSettings = Object.freeze({
    siteUrl: config.siteUrl,
    siteTitle: config.siteTitle,
    searchMaxRows: config.searchMaxRows,
    maxUploadBytes: config.maxUploadBytes,
    datastoreMaxLimit: config.datastoreMaxLimit,
    datastoreSqlTimeoutMs: config.datastoreSqlTimeoutMs,
    fetchAllowPrivate: config.fetchAllowPrivate,
    fetchTimeoutMs: config.fetchTimeoutMs,
  });
  const files = createFileStore(config.filesDir);
  const context = (
    actor: Actor = anonymous,
    callLog: Logger = log,
    origin = options.origin ?? 'local',
  ): ActionContext => ({
    db,
    actor,
    now: clock.now(),
    log: callLog,
    site,
    files,
    origin,
  });
  // The merged standard tables follow every write that may change who is a member (src/merged).
  const mergedDeps: MergedDeps = {
    db,
    log,
    now: () => clock.now(),
    siteUrl: config.siteUrl,
    callAsSite: (name, input) => registry.call(name, context(siteActor, log, 'server'), input),
  };
  // Uploaded tabular files are queued for ingest; only the server runs the queue (src/ingest).
  registry.onWrite(autoIngestListener(registry, { runQueue: options.origin === 'server' }));
  // After auto-ingest, so that an upload's job is queued before the merged tables wait for it.
  registry.onWrite(mergedWriteListener(mergedDeps, { followQueue: options.origin === 'server' }));
  return {
    config,
    db,
    registry,
    log,
    clock,
    site,
    files,
    context,
    call: (name, input, actor) => registry.call(name, context(actor), input),
    close: async () => {
      await stopMergedRefresh(db);
      await db.close();
    },
  };
}
