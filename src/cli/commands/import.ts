import { createReadStream } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { siteActor } from '../../catalog/index.ts';
import { isAppError } from '../../core/errors.ts';
import { safeFileName, Upload } from '../../files/index.ts';
import {
  enqueueFetch,
  enqueueIngest,
  fetchedFileName,
  type IngestResult,
  type JobProgress,
  queueDepsFor,
  runQueuedJob,
} from '../../ingest/index.ts';
import { checkFetchUrl } from '../../net/index.ts';
import type { Platform } from '../../platform/index.ts';
import { withPlatform } from '../open-platform.ts';
import { type CliIo, processIo } from './validate.ts';

interface ImportFlags {
  dataset: string;
  org: string;
  title?: string;
  url?: string;
}

/** Runs a function on an open platform (the real one, or a test's). */
export type PlatformRunner = <T>(fn: (p: Platform) => Promise<T>) => Promise<T>;

/**
 * `s5 import <file> --dataset <name> --org <org>` (or `--url <url>` instead of a file): creates
 * the dataset if missing (as the site actor), uploads the file — or registers the URL and
 * fetches it as the server would (SSRF rules, timeout, upload limit) — as a resource of it
 * (replacing the file of a resource of the same name) and runs its ingest job here with a
 * progress bar. Exit code 0 loaded, 1 failed.
 */
export function register(
  program: Command,
  io: CliIo = processIo,
  run: PlatformRunner = (fn) => withPlatform(fn),
): void {
  program
    .command('import [file]')
    .description('ファイルを取り込んでデータストアに読み込む / import a file into the datastore')
    .requiredOption(
      '--dataset <name>',
      'データセット名（なければ作成）/ dataset name (created if missing)',
    )
    .requiredOption('--org <organization>', '組織の名前・ID・団体コード / organization')
    .option('--title <title>', '新しいデータセットの題名 / title of a new dataset')
    .option('--url <url>', 'ファイルの代わりに取得するURL / a URL to fetch instead of a file')
    .addHelpText(
      'after',
      '\n例 / example:\n  s5 import 011002_aed.csv --dataset sapporo-aed --org sapporo-shi --title AED設置箇所一覧\n' +
        '  s5 import --url https://example.jp/opendata/aed.csv --dataset sapporo-aed --org sapporo-shi\n',
    )
    .action(async (file: string | undefined, flags: ImportFlags) => {
      if ((file === undefined) === (flags.url === undefined)) {
        io.err(
          'ファイルか --url のどちらか一方を指定してください / Give a file or --url, not both\n',
        );
        io.exit(2);
        return;
      }
      await run((p) => runImport(p, file, flags, io));
    });
}

async function runImport(
  p: Platform,
  file: string | undefined,
  flags: ImportFlags,
  io: CliIo,
): Promise<void> {
  const deps = { db: p.db, files: p.files, now: () => p.clock.now() };
  const bar = progressBar(io);
  try {
    // A URL that can never be fetched is refused before anything is created.
    if (flags.url !== undefined) checkFetchUrl(flags.url, p.site.fetchAllowPrivate);
    const pkgId = await ensureDataset(p, flags);
    const resourceId =
      flags.url !== undefined
        ? await fetchResource(p, pkgId, flags.url, bar.update)
        : await uploadResource(p, pkgId, file ?? '');
    // The upload already queued an ingest (auto-ingest); this finds that job, or queues one.
    const job = await enqueueIngest(deps, resourceId, siteActor.name);
    const ran = await runQueuedJob(deps, job.id, {
      onProgress: (_job, progress) => bar.update(progress),
    });
    bar.stop();
    if (!ran) {
      io.out(
        `取り込みは別の処理（サーバー）が実行しています / The server is running this ingest: job ${job.id}\n`,
      );
      io.exit(0);
      return;
    }
    if (!ran.result) throw ran.error;
    // The CLI ran the job itself, so no server queue will refresh the merged tables after it.
    await p.call('s5_merged_refresh', { rebuild: false }, siteActor);
    io.out(renderResult(ran.result, pkgId));
    io.exit(0);
  } catch (error) {
    bar.stop();
    const message = isAppError(error) && error.fields ? JSON.stringify(error.fields) : '';
    io.err(`取り込みに失敗しました / Import failed: ${errorText(error)} ${message}\n`);
    io.exit(1);
  }
}

async function ensureDataset(p: Platform, flags: ImportFlags): Promise<string> {
  try {
    const pkg = (await p.call('package_show', { id: flags.dataset }, siteActor)) as { id: string };
    return pkg.id;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'not_found') throw error;
  }
  const created = (await p.call(
    'package_create',
    { name: flags.dataset, title: flags.title ?? flags.dataset, owner_org: flags.org },
    siteActor,
  )) as { id: string };
  return created.id;
}

interface ResourceSummary {
  id: string;
  name: string;
  url: string;
  source_url?: string;
}

async function resourcesOf(p: Platform, packageId: string): Promise<ResourceSummary[]> {
  const pkg = (await p.call('package_show', { id: packageId }, siteActor)) as {
    resources: ResourceSummary[];
  };
  return pkg.resources;
}

// The same file name again replaces that resource's file, so a re-import makes a new version.
async function uploadResource(p: Platform, packageId: string, file: string): Promise<string> {
  const name = safeFileName(path.basename(file));
  const stored = await p.files.put(createReadStream(file), p.site.maxUploadBytes);
  const upload = new Upload(stored, name, mimetypeOf(name));
  const existing = (await resourcesOf(p, packageId)).find((r) => r.name === name);
  if (existing) {
    await p.call('resource_patch', { id: existing.id, upload }, siteActor);
    return existing.id;
  }
  const created = (await p.call(
    'resource_create',
    { package_id: packageId, name, upload },
    siteActor,
  )) as { id: string };
  return created.id;
}

/**
 * Registers the URL on the resource named after it (a new link resource, or the existing one
 * pointed at this URL) and runs its fetch job here: the same code and rules as s5_resource_fetch.
 */
async function fetchResource(
  p: Platform,
  packageId: string,
  url: string,
  progress: (p: JobProgress) => void,
): Promise<string> {
  const name = fetchedFileName(url, {});
  const existing = (await resourcesOf(p, packageId)).find((r) => r.name === name);
  let id: string;
  if (existing) {
    id = existing.id;
    if ((existing.source_url ?? existing.url) !== url)
      await p.call('resource_patch', { id, url }, siteActor);
  } else {
    const created = (await p.call(
      'resource_create',
      { package_id: packageId, name, url },
      siteActor,
    )) as { id: string };
    id = created.id;
  }
  const ctx = p.context(siteActor);
  const deps = queueDepsFor(p.registry, ctx);
  const job = await enqueueFetch(deps, id, siteActor.name);
  const ran = await runQueuedJob(deps, job.id, { onProgress: (_job, pr) => progress(pr) });
  if (ran?.job.state === 'failed') throw ran.error;
  return id;
}

function mimetypeOf(name: string): string {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (ext === '.tsv') return 'text/tab-separated-values';
  return 'text/csv';
}

const CONFORMANCE_JA: Record<string, string> = {
  conforming: '適合',
  conforming_with_warnings: '適合（警告あり）',
  nonconforming: '不適合',
  nonstandard: '標準データセット外',
  unreadable: '読めない',
};

function renderResult(r: IngestResult, packageId: string): string {
  const s = r.report.summary;
  const schema = r.report.schema ? `${r.report.schema.title.ja}（${r.report.schema.id}）` : '—';
  return [
    `取り込みました / Imported: ${r.rowCount} 行 / rows（版 / version ${r.version}）`,
    `データセット / dataset: ${packageId}`,
    `リソース / resource: ${r.resourceId}`,
    `標準データセット / schema: ${schema}`,
    `適合度 / conformance: ${CONFORMANCE_JA[r.conformance] ?? r.conformance} (${r.conformance})`,
    `検証 / validation: エラー ${s.errors} 件、警告 ${s.warnings} 件、お知らせ ${s.notices} 件`,
    `項目 / fields: ${r.fields.map((f) => `${f.id}:${f.type}`).join(', ')}`,
    '',
  ].join('\n');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function progressBar(io: CliIo): { update: (p: JobProgress) => void; stop: () => void } {
  if (!io.interactive) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: '{phase} {value} 行 / rows', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { phase: 'validate' });
  return {
    update: (p) => bar.update(p.bytes ?? p.rows, { phase: p.phase }),
    stop: () => bar.stop(),
  };
}
