import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { siteActor } from '../../catalog/index.ts';
import { isAppError } from '../../core/errors.ts';
import {
  type HarvestCounts,
  type HarvestJob,
  type HarvestProgress,
  harvestSourceNow,
} from '../../harvest/index.ts';
import type { Platform } from '../../platform/index.ts';
import { withPlatform } from '../open-platform.ts';
import type { PlatformRunner } from './import.ts';
import { type CliIo, processIo } from './validate.ts';

interface AddFlags {
  org: string;
  title?: string;
  remoteOrg?: string;
  interval?: string;
  localFields?: string;
  fetchResources?: boolean;
  pageSize?: string;
}

/**
 * `s5 harvest add|run|list|jobs`: harvest sources (remote CKAN portals) as the site actor.
 * `run` harvests in this process with a progress bar; exit code 0 done, 1 failed.
 */
export function register(
  program: Command,
  io: CliIo = processIo,
  run: PlatformRunner = (fn) => withPlatform(fn),
): void {
  const harvest = program
    .command('harvest')
    .description('他の CKAN ポータルからの収集 / harvest other CKAN portals');

  harvest
    .command('add <name> <url>')
    .description('収集元を登録 / register a harvest source')
    .requiredOption('--org <organization>', '取り込み先の組織 / local organization')
    .option('--title <title>', '収集元の名称 / title')
    .option('--remote-org <name>', 'リモートの組織だけを収集 / only this remote organization')
    .option('--interval <minutes>', '定期実行の間隔（分）/ run every N minutes')
    .option('--local-fields <fields>', '上書きしない項目（カンマ区切り）/ fields never overwritten')
    .option('--fetch-resources', 'リソースのファイルも取得 / fetch resource files too')
    .option('--page-size <rows>', '1ページの件数 / datasets per remote page')
    .addHelpText(
      'after',
      '\n例 / example:\n  s5 harvest add otaru https://opendata.example.jp --org otaru-shi --interval 1440\n',
    )
    .action(async (name: string, url: string, flags: AddFlags) => {
      await run((p) =>
        report(io, async () => {
          const created = await p.call(
            's5_harvest_source_create',
            {
              name,
              url,
              owner_org: flags.org,
              ...(flags.title ? { title: flags.title } : {}),
              ...(flags.remoteOrg ? { remote_org: flags.remoteOrg } : {}),
              ...(flags.interval ? { interval_minutes: flags.interval } : {}),
              ...(flags.localFields ? { local_fields: flags.localFields.split(',') } : {}),
              ...(flags.fetchResources ? { fetch_resources: true } : {}),
              ...(flags.pageSize ? { page_size: flags.pageSize } : {}),
            },
            siteActor,
          );
          io.out(`${JSON.stringify(created, null, 2)}\n`);
        }),
      );
    });

  harvest
    .command('run <source>')
    .description('収集を実行 / run a harvest now')
    .option('--full', '前回以降の変更だけでなく全件を読む / read every remote dataset')
    .action(async (source: string, flags: { full?: boolean }) => {
      await run((p) => report(io, () => runNow(p, source, flags.full === true, io)));
    });

  harvest
    .command('list')
    .description('収集元の一覧 / list harvest sources')
    .action(async () => {
      await run((p) =>
        report(io, async () => {
          const sources = (await p.call('s5_harvest_source_list', {}, siteActor)) as SourceRow[];
          io.out(sources.map(renderSource).join('') || '収集元はありません / no harvest sources\n');
        }),
      );
    });

  harvest
    .command('jobs <source>')
    .description('収集の履歴 / jobs of a source')
    .option('--limit <n>', '件数 / how many', '20')
    .action(async (source: string, flags: { limit: string }) => {
      await run((p) =>
        report(io, async () => {
          const jobs = (await p.call(
            's5_harvest_job_list',
            { source, limit: flags.limit },
            siteActor,
          )) as JobRow[];
          io.out(jobs.map(renderJob).join('') || '履歴はありません / no jobs\n');
        }),
      );
    });
}

/** What s5_harvest_source_list returns for a source (src/harvest/present.ts); read as such. */
interface SourceRow {
  name: string;
  url: string;
  owner_org: string;
  interval_minutes: number | null;
  last_job: JobRow | null;
}

/** What s5_harvest_job_list returns for a job (src/harvest/present.ts); read as such. */
interface JobRow {
  id: string;
  state: string;
  created: string;
  finished: string | null;
  created_count: number;
  updated_count: number;
  deleted_count: number;
  unchanged_count: number;
  error_count: number;
  error: string | null;
}

async function runNow(p: Platform, source: string, full: boolean, io: CliIo): Promise<void> {
  const bar = progressBar(io);
  let job: HarvestJob;
  try {
    job = await harvestSourceNow(
      {
        db: p.db,
        registry: p.registry,
        log: p.log,
        site: p.site,
        files: p.files,
        now: () => p.clock.now(),
      },
      source,
      siteActor.name,
      { full, onProgress: bar.update },
    );
  } finally {
    bar.stop();
  }
  const c = job.counts;
  const lines = [
    `${job.state === 'done' ? '収集しました / Harvested' : '収集に失敗しました / Harvest failed'}: ${job.id}`,
    `作成 created ${c.created}、更新 updated ${c.updated}、削除 deleted ${c.deleted}、変更なし unchanged ${c.unchanged}、エラー errors ${c.errors}`,
    ...(job.error ? [`理由 / reason: ${job.error}`] : []),
    ...job.report.errors
      .slice(0, 20)
      .map((e) => `  ! ${e.remote_name ?? e.remote_id ?? '-'}: ${e.message}`),
    ...job.report.kept_local
      .slice(0, 20)
      .map(
        (k) =>
          `  = ${k.remote_name}: ${k.fields.map((f) => f.field).join(', ')} (ローカルの値を維持 / kept local)`,
      ),
    '',
  ];
  io.out(lines.join('\n'));
  io.exit(job.state === 'done' ? 0 : 1);
}

async function report(io: CliIo, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    const fields = isAppError(error) && error.fields ? ` ${JSON.stringify(error.fields)}` : '';
    io.err(`s5 harvest: ${error instanceof Error ? error.message : String(error)}${fields}\n`);
    io.exit(1);
  }
}

function renderSource(s: SourceRow): string {
  const every = s.interval_minutes === null ? '手動 / manual' : `${s.interval_minutes} 分 / min`;
  const last = s.last_job
    ? `${s.last_job.state} ${s.last_job.finished ?? s.last_job.created}`
    : '—';
  return `${s.name}\t${s.url}\t${s.owner_org}\t${every}\t${last}\n`;
}

function renderJob(j: JobRow): string {
  const counts = `+${j.created_count} ~${j.updated_count} -${j.deleted_count} =${j.unchanged_count} !${j.error_count}`;
  return `${j.created}\t${j.state}\t${counts}\t${j.id}${j.error ? `\t${j.error}` : ''}\n`;
}

function progressBar(io: CliIo): {
  update: (p: HarvestProgress, c: HarvestCounts) => void;
  stop: () => void;
} {
  if (!io.interactive) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total} 件 / datasets', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { phase: 'changes' });
  return {
    update: (p) => {
      bar.setTotal(p.total);
      bar.update(p.done, { phase: p.phase });
    },
    stop: () => bar.stop(),
  };
}
