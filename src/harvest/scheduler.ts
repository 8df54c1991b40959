import type { ActionRegistry, SiteSettings } from '../core/action.ts';
import type { Clock } from '../core/clock.ts';
import { isAppError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Database } from '../db/index.ts';
import type { FileStore } from '../files/index.ts';
import type { HarvestDeps } from './deps.ts';
import { queueHarvest, recoverHarvestJobs } from './queue.ts';
import { type HarvestJob, latestJobs } from './repo/jobs.ts';
import { type HarvestSource, listSources } from './repo/sources.ts';
import { runHarvestJob } from './run-job.ts';

/** What the scheduler runs on: a Platform has all of it. */
export interface HarvestHost {
  readonly db: Database;
  readonly registry: ActionRegistry;
  readonly log: Logger;
  readonly clock: Clock;
  readonly site: SiteSettings;
  readonly files: FileStore;
}

export interface SchedulerOptions {
  /** Run sources on their interval (default true); false = only recover interrupted jobs. */
  schedule?: boolean;
  /** How often due sources are looked for (default one minute). */
  tickMs?: number;
}

export interface HarvestScheduler {
  /** Looks for due sources now and runs them; resolves when they have run. */
  tick(): Promise<void>;
  /** Stops the timer and waits for the running tick. */
  stop(): Promise<void>;
  /** Resolves when the start-up recovery (interrupted and queued jobs) is over. */
  readonly recovered: Promise<void>;
}

/**
 * Whether a source's interval has elapsed since its last job was queued (any outcome, so a
 * failing remote is retried at the next interval, not hammered) and no job is queued or running.
 */
export function isDue(source: HarvestSource, last: HarvestJob | undefined, now: Date): boolean {
  if (!source.active || source.intervalMinutes === null) return false;
  if (!last) return true;
  if (last.state === 'queued' || last.state === 'running') return false;
  return Date.parse(`${last.created}Z`) + source.intervalMinutes * 60_000 <= now.getTime();
}

/**
 * The harvest scheduler inside the server: at start it marks jobs a previous process left
 * running as failed and runs the queued ones; then, every tick, it runs each active source whose
 * interval has elapsed, one job at a time (the same job table guards the CLI and the API).
 */
export function startHarvestScheduler(
  host: HarvestHost,
  options: SchedulerOptions = {},
): HarvestScheduler {
  const deps: HarvestDeps = {
    db: host.db,
    registry: host.registry,
    log: host.log,
    site: host.site,
    files: host.files,
    now: () => host.clock.now(),
  };
  const recovered = recoverHarvestJobs(deps).then(
    (failed) => {
      if (failed.length > 0)
        host.log.warn('harvest jobs interrupted by a restart marked failed', { failed });
    },
    (error: unknown) => host.log.error('harvest recovery failed', { error: String(error) }),
  );
  let current: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    current ??= runDue(deps).finally(() => {
      current = null;
    });
    return current;
  };
  const timer =
    (options.schedule ?? true)
      ? setInterval(() => void recovered.then(tick), options.tickMs ?? 60_000)
      : null;
  // The scheduler never keeps the process alive on its own.
  timer?.unref();
  return {
    tick: () => recovered.then(tick),
    recovered,
    stop: async () => {
      if (timer) clearInterval(timer);
      await recovered;
      await current;
    },
  };
}

async function runDue(deps: HarvestDeps): Promise<void> {
  try {
    const sources = (await listSources(deps.db, 'all')).filter(
      (s) => s.active && s.intervalMinutes !== null,
    );
    const latest = await latestJobs(
      deps.db,
      sources.map((s) => s.id),
    );
    for (const source of sources) {
      if (!isDue(source, latest.get(source.id), deps.now())) continue;
      try {
        const job = await queueHarvest(deps, source, null);
        await runHarvestJob(deps, job.id);
      } catch (error) {
        // Another process queued it first: that run counts.
        if (isAppError(error) && error.code === 'conflict') continue;
        deps.log.error('scheduled harvest failed', { source: source.name, error: String(error) });
      }
    }
  } catch (error) {
    deps.log.error('harvest scheduler tick failed', { error: String(error) });
  }
}
