import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { ckanInt } from '../../core/ckan-params.ts';
import { fiscalYearOf } from '../fiscal-year.ts';
import { checkFiscalYear, loadPlan } from '../load-plan.ts';
import { showReport } from '../report/load-report.ts';
import { fiscalYearParam, planParam } from '../schema.ts';

export const reportShow = defineAction({
  name: 's5_report_show',
  description:
    "Return a fiscal year's report (点検・評価結果) for the portal and any client: per pillar → " +
    'measure → KPI the baseline, target, actual, achievement rate, grade and the series over ' +
    'the years, with the narrative evaluations, the grade summary and the workflow history. A ' +
    'published revision is returned exactly as frozen at publication; everyone may read it. ' +
    'Drafts are shown only to those who may edit (with computed KPIs computed now).\n\n' +
    ':param plan: plan name or id (optional when there is one plan)\n:param fiscal_year: 年度\n' +
    ':param revision: a revision number (default: the newest the caller may see)',
  input: z.strictObject({
    plan: planParam,
    fiscal_year: fiscalYearParam,
    revision: ckanInt(1, 1000).optional(),
  }),
  readOnly: true,
  auth: 'anyone',
  example: { fiscal_year: 2024 },
  run: async (ctx, input) => {
    const access = await loadPlan(ctx, input.plan);
    checkFiscalYear(access.plan, input.fiscal_year, fiscalYearOf(ctx.now));
    return showReport(ctx, access, input.fiscal_year, input.revision);
  },
});
