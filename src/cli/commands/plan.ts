import type { Command } from 'commander';
import { siteActor } from '../../catalog/index.ts';
import {
  kpiTable,
  kpiTableCsv,
  type PlanView,
  type ReportView,
  renderPlanText,
  renderReportText,
} from '../../plan/index.ts';
import { printJson, withPlatform } from '../open-platform.ts';

/**
 * `s5 plan show` and `s5 plan report <year>`: the plan and a year's report in the terminal, read
 * through the same actions as the API (as the local administrator, so drafts are shown too).
 */
export function register(program: Command): void {
  const plan = program
    .command('plan')
    .description('計画と年度ごとの点検・評価 / the plan and its yearly reports');
  plan
    .command('show')
    .description('計画の構成と目標指標 / the plan: pillars, measures, initiatives and KPIs')
    .option('--plan <name>', 'plan name (default: the only plan)')
    .option('--json', 'JSON で出力 / print JSON (s5_plan_show)')
    .action(async (opts: { plan?: string; json?: boolean }) => {
      await withPlatform(async (p) => {
        const view = await p.call('s5_plan_show', { plan: opts.plan }, siteActor);
        if (opts.json) return printJson(view);
        // s5_plan_show returns a PlanView; the registry types every result as unknown.
        process.stdout.write(renderPlanText(view as PlanView));
      });
    });
  plan
    .command('report <fiscal-year>')
    .description('年度の点検・評価結果 / a fiscal year’s report, e.g. s5 plan report 2024')
    .option('--plan <name>', 'plan name (default: the only plan)')
    .option('--revision <n>', 'a revision number (default: the newest)')
    .option('--csv', 'CSV（UTF-8）で出力 / print the KPI table as CSV')
    .option('--json', 'JSON で出力 / print JSON (s5_report_show)')
    .action(
      async (
        year: string,
        opts: { plan?: string; revision?: string; csv?: boolean; json?: boolean },
      ) => {
        await withPlatform(async (p) => {
          const input = { plan: opts.plan, fiscal_year: year, revision: opts.revision };
          // s5_report_show returns a ReportView; the registry types every result as unknown.
          const view = (await p.call('s5_report_show', input, siteActor)) as ReportView;
          if (opts.json) return printJson(view);
          if (opts.csv)
            return void process.stdout.write(`${kpiTableCsv(kpiTable(view, view))}\r\n`);
          process.stdout.write(renderReportText(view));
        });
      },
    );
}
