import { LICENSES } from '../catalog/index.ts';
import { toCkanTimestamp } from '../core/clock.ts';
import { isAppError, notFound } from '../core/errors.ts';
import type { HarvestDeps } from './deps.ts';
import type { ImportContext } from './import-dataset.ts';
import { importPage } from './import-page.ts';
import { type PagingStats, pageThrough } from './remote/page-through.ts';
import { RemoteCkan, type RemoteSettings } from './remote/remote-ckan.ts';
import { listRemoteIds, listRemoteNames, type RemoteListing, searchPage } from './remote/search.ts';
import {
  addEntry,
  emptyCounts,
  emptyReport,
  type HarvestCounts,
  type HarvestProgress,
} from './report.ts';
import {
  claimJob,
  findJob,
  finishJob,
  type HarvestJob,
  lastWatermark,
  saveProgress,
} from './repo/jobs.ts';
import { findSource, type HarvestSource } from './repo/sources.ts';
import type { RunState } from './run-state.ts';
import { toSolrDate } from './timestamps.ts';
import { withdrawMissing } from './withdraw.ts';

/** Limits of a run's requests; `defaultSettings` derives them from the site settings. */
export type HarvestSettings = Omit<RemoteSettings, 'allowPrivate'>;

export function defaultSettings(deps: Pick<HarvestDeps, 'site'>): HarvestSettings {
  return {
    timeoutMs: deps.site.fetchTimeoutMs,
    maxBytes: 64 * 1024 * 1024,
    retries: 3,
    backoffMs: 1000,
  };
}

export interface RunOptions {
  settings?: Partial<HarvestSettings>;
  /** Ignore the last watermark: read every remote dataset. */
  full?: boolean;
  /** Called after each page with the progress and counts so far (the CLI's progress bar). */
  onProgress?: (progress: HarvestProgress, counts: HarvestCounts) => void;
}

/**
 * Runs a queued harvest job to its end and returns it: pages through the remote's datasets
 * modified since the last run's watermark, creates/updates/keeps each local copy, then withdraws
 * local copies of remote datasets that are gone. A remote failure ends the job `failed` with the
 * reason; datasets written before the failing page stay written (each is its own transaction)
 * and nothing is withdrawn. Never throws for remote trouble.
 * @throws AppError not_found when the job does not exist.
 */
export async function runHarvestJob(
  deps: HarvestDeps,
  jobId: string,
  options: RunOptions = {},
): Promise<HarvestJob> {
  const job = await findJob(deps.db, jobId);
  if (!job) throw notFound('Harvest job was not found.');
  const ts = () => toCkanTimestamp(deps.now());
  if (!(await claimJob(deps.db, jobId, ts()))) return job;
  const source = await findSource(deps.db, job.sourceId);
  const since = source && !options.full ? await lastWatermark(deps.db, source.id) : null;
  const state: RunState = {
    counts: emptyCounts(),
    report: emptyReport(since),
    progress: { phase: 'changes', done: 0, total: 0 },
    seen: new Set(),
    maxModified: null,
    minFailedModified: null,
    canFetch: deps.registry.has('s5_resource_fetch'),
  };
  if (source?.fetchResources && !state.canFetch) {
    addEntry(state.report, state.report.warnings, {
      remote_id: null,
      remote_name: null,
      message:
        'ファイルの取得（s5_resource_fetch）がないため、リソースはリモートのURLのままです / s5_resource_fetch is not available: resources stay remote links',
    });
  }
  const settings = { ...defaultSettings(deps), ...options.settings };
  const remote = new RemoteCkan(source?.url ?? '', {
    ...settings,
    allowPrivate: deps.site.fetchAllowPrivate,
  });
  const progress = async () => {
    await saveProgress(deps.db, jobId, state.progress, state.counts);
    options.onProgress?.(state.progress, state.counts);
  };
  let outcome: { state: 'done' | 'failed'; watermark: string | null; error: string | null };
  try {
    if (!source) throw notFound('Harvest source was not found.');
    const ic: ImportContext = {
      deps,
      source,
      origin: `harvest:${source.name}`,
      licenses: new Set(LICENSES.map((l) => l.id)),
    };
    const changes = await harvestChanges(ic, remote, since, state, progress);
    state.progress = { phase: 'listing', done: state.progress.done, total: state.progress.total };
    await progress();
    const listed = await remoteListing(ic, remote, since, changes, state);
    if (listed) {
      state.progress = { ...state.progress, phase: 'withdraw' };
      const withdrawn = await withdrawMissing(ic, listed, state.report, ts());
      state.counts.deleted += withdrawn.deleted;
      state.counts.errors += withdrawn.failed;
    }
    outcome = { state: 'done', watermark: nextWatermark(since, changes, state), error: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!isAppError(error)) deps.log.error('harvest job failed', { jobId, error: reason });
    outcome = { state: 'failed', watermark: null, error: reason };
    state.report.failure = reason;
  }
  state.report.requests = remote.stats.requests;
  state.report.retries = remote.stats.retries;
  state.progress = { ...state.progress, phase: 'done' };
  options.onProgress?.(state.progress, state.counts);
  await finishJob(deps.db, jobId, {
    ...outcome,
    finished: ts(),
    since,
    counts: state.counts,
    progress: state.progress,
    report: state.report,
  });
  const finished = await findJob(deps.db, jobId);
  if (!finished) throw notFound('Harvest job was not found.');
  return finished;
}

/** Pages through the remote datasets modified since `since` (all when null), oldest first. */
async function harvestChanges(
  ic: ImportContext,
  remote: RemoteCkan,
  since: string | null,
  state: RunState,
  progress: () => Promise<void>,
): Promise<PagingStats> {
  const fq = [
    orgFilter(ic.source),
    since === null ? '' : `metadata_modified:[${toSolrDate(since)} TO *]`,
  ]
    .filter((t) => t !== '')
    .join(' ');
  return pageThrough(
    (start, rows) =>
      searchPage(remote, {
        fq,
        sort: 'metadata_modified asc',
        rows: String(rows),
        start: String(start),
      }),
    ic.source.pageSize,
    async (results, _start, count) => {
      state.report.pages++;
      state.progress = { phase: 'changes', done: state.progress.done, total: count };
      await importPage(ic, results, state);
      state.progress = { ...state.progress, done: state.progress.done + results.length };
      await progress();
    },
  );
}

/**
 * The remote datasets that exist now, to find withdrawn ones: the changes search itself when it
 * was a full, stable listing; else, without an organization filter, package_list (names, one
 * request); else a paged id listing. Null (and a note) when the remote changed while it was
 * listed: withdrawing on an incomplete list could delete datasets that still exist.
 */
async function remoteListing(
  ic: ImportContext,
  remote: RemoteCkan,
  since: string | null,
  changes: PagingStats,
  state: RunState,
): Promise<RemoteListing | null> {
  if (since === null && changes.stable && state.seen.size === changes.lastCount) {
    state.report.deletions = { checked: true, note: null };
    return { ids: state.seen };
  }
  if (!ic.source.remoteOrg) {
    const names = await listRemoteNames(remote);
    state.report.pages++;
    if (names) {
      state.report.deletions = { checked: true, note: null };
      return { names };
    }
  }
  const listing = await listRemoteIds(remote, orgFilter(ic.source));
  state.report.pages += listing.pages;
  if (!listing.complete) {
    state.report.deletions = {
      checked: false,
      note: 'リモートの一覧が読み取り中に変わったため、削除の確認は次回に行います / the remote changed while it was listed; withdrawn datasets are looked for in the next run',
    };
    return null;
  }
  state.report.deletions = { checked: true, note: null };
  return { ids: listing.ids };
}

/**
 * Where the next run starts: the newest remote metadata_modified read, or the oldest of a
 * dataset that failed (so it is read again), or — when the remote changed while it was paged and
 * a dataset may have been skipped — where this run started.
 */
function nextWatermark(since: string | null, changes: PagingStats, state: RunState): string | null {
  if (!changes.stable) return since;
  let watermark = state.maxModified ?? since;
  if (
    state.minFailedModified !== null &&
    (watermark === null || state.minFailedModified < watermark)
  ) {
    watermark = state.minFailedModified;
  }
  return watermark;
}

/** The fq term of a source's remote organization filter (a checked CKAN name). */
function orgFilter(source: HarvestSource): string {
  return source.remoteOrg ? `organization:${source.remoteOrg}` : '';
}
