import type { Command } from 'commander';
import { siteActor } from '../../catalog/index.ts';
import type { MergedTableView, RefreshOutcome } from '../../merged/index.ts';
import { withPlatform } from '../open-platform.ts';
import type { PlatformRunner } from './import.ts';
import { type CliIo, processIo } from './validate.ts';

/**
 * `s5 merged refresh [schema] [--incremental]` and `s5 merged list [schema]`: the prefecture-wide
 * merged standard tables, through s5_merged_refresh and s5_merged_list as the site actor.
 * Exit code 1 when a schema's refresh failed.
 */
export function register(
  program: Command,
  io: CliIo = processIo,
  run: PlatformRunner = (fn) => withPlatform(fn),
): void {
  const merged = program
    .command('merged')
    .description('市町村データの統合表（標準データセットごと）/ prefecture-wide merged tables');
  merged
    .command('refresh [schema]')
    .description('統合表を作り直す / rebuild the merged tables (all, or one schema)')
    .option('--incremental', '変わった分だけ反映する / copy only members that changed')
    .addHelpText('after', '\n例 / example:\n  s5 merged refresh r01-aed\n')
    .action(async (schema: string | undefined, opts: { incremental?: boolean }) => {
      await run(async (p) => {
        const input = { ...(schema ? { schema } : {}), rebuild: !opts.incremental };
        const { results } = (await p.call('s5_merged_refresh', input, siteActor)) as {
          results: RefreshOutcome[];
        };
        io.out(renderOutcomes(results));
        io.exit(results.some((r) => r.status === 'failed') ? 1 : 0);
      });
    });
  merged
    .command('list [schema]')
    .description('統合表の一覧 / list the merged tables')
    .action(async (schema: string | undefined) => {
      await run(async (p) => {
        const { results } = (await p.call(
          's5_merged_list',
          schema ? { schema } : {},
          siteActor,
        )) as { results: MergedTableView[] };
        io.out(renderList(results));
        io.exit(0);
      });
    });
}

function renderOutcomes(results: readonly RefreshOutcome[]): string {
  if (results.length === 0)
    return '統合する公開データはありません / No public conforming files to merge\n';
  const lines = results.map((r) => {
    if (r.status === 'failed') return `${r.schemaId}: 失敗 / failed: ${r.error ?? ''}`;
    if (r.status === 'deleted') return `${r.schemaId}: 削除済み / deleted by an administrator`;
    const counts = `+${r.added ?? 0} −${r.removed ?? 0} ~${r.changed ?? 0} =${r.unchanged ?? 0}`;
    return `${r.schemaId}: ${r.members ?? 0} 件の公開者データ / members (${counts})${
      r.rebuilt ? ' 再構築 / rebuilt' : ''
    } → ${r.resourceId ?? ''}`;
  });
  return `${lines.join('\n')}\n`;
}

function renderList(results: readonly MergedTableView[]): string {
  if (results.length === 0) return '統合表はありません / No merged tables\n';
  const lines = results.map(
    (t) =>
      `${t.schema_id}\t${t.title.ja}\t${t.member_count} members\t${t.row_count} rows\t${t.package_name}\t${t.resource_id}`,
  );
  return `${lines.join('\n')}\n`;
}
