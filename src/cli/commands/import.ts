import { createReadStream } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { siteActor } from '../../catalog/index.ts';
import { isAppError } from '../../core/errors.ts';
import { safeFileName, Upload } from '../../files/index.ts';
import { type IngestResult, ingestResource, type JobProgress } from '../../ingest/index.ts';
import type { Platform } from '../../platform/index.ts';
import { withPlatform } from '../open-platform.ts';
import { type CliIo, processIo } from './validate.ts';

interface ImportFlags {
  dataset: string;
  org: string;
  title?: string;
}

/** Runs a function on an open platform (the real one, or a test's). */
export type PlatformRunner = <T>(fn: (p: Platform) => Promise<T>) => Promise<T>;

/**
 * `s5 import <file> --dataset <name> --org <org>`: creates the dataset if missing (as the site
 * actor), uploads the file as a resource of it (replacing the file of a resource of the same
 * name) and ingests it into the datastore. Exit code 0 loaded, 1 failed.
 */
export function register(
  program: Command,
  io: CliIo = processIo,
  run: PlatformRunner = (fn) => withPlatform(fn),
): void {
  program
    .command('import <file>')
    .description('ファイルを取り込んでデータストアに読み込む / import a file into the datastore')
    .requiredOption(
      '--dataset <name>',
      'データセット名（なければ作成）/ dataset name (created if missing)',
    )
    .requiredOption('--org <organization>', '組織の名前・ID・団体コード / organization')
    .option('--title <title>', '新しいデータセットの題名 / title of a new dataset')
    .addHelpText(
      'after',
      '\n例 / example:\n  s5 import 011002_aed.csv --dataset sapporo-aed --org sapporo-shi --title AED設置箇所一覧\n',
    )
    .action(async (file: string, flags: ImportFlags) => {
      await run((p) => runImport(p, file, flags, io));
    });
}

async function runImport(p: Platform, file: string, flags: ImportFlags, io: CliIo): Promise<void> {
  try {
    const pkgId = await ensureDataset(p, flags);
    const resourceId = await uploadResource(p, pkgId, file);
    const bar = progressBar(io);
    let result: IngestResult;
    try {
      result = await ingestResource(
        { db: p.db, files: p.files, now: () => p.clock.now() },
        resourceId,
        { createdBy: siteActor.name, onProgress: bar.update },
      );
    } finally {
      bar.stop();
    }
    io.out(renderResult(result, pkgId));
    io.exit(0);
  } catch (error) {
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

// The same file name again replaces that resource's file, so a re-import makes a new version.
async function uploadResource(p: Platform, packageId: string, file: string): Promise<string> {
  const name = safeFileName(path.basename(file));
  const stored = await p.files.put(createReadStream(file), p.site.maxUploadBytes);
  const upload = new Upload(stored, name, mimetypeOf(name));
  const pkg = (await p.call('package_show', { id: packageId }, siteActor)) as {
    resources: Array<{ id: string; name: string }>;
  };
  const existing = pkg.resources.find((r) => r.name === name);
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
    update: (p) => bar.update(p.rows, { phase: p.phase }),
    stop: () => bar.stop(),
  };
}
