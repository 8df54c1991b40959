import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { fiscalYearLabels, fiscalYearOf } from '../fiscal-year.ts';
import { loadPlan } from '../load-plan.ts';
import { canReadReport } from '../policy.ts';
import { listReports } from '../repo/reports.ts';
import { planParam } from '../schema.ts';

export const reportList = defineAction({
  name: 's5_report_list',
  description:
    "List the fiscal years of the plan period up to the current one with each year's report " +
    'status: the published revision for everyone, and the working revision for those who may ' +
    'edit.\n\n:param plan: plan name or id (optional when there is one plan)',
  input: z.strictObject({ plan: planParam }),
  readOnly: true,
  auth: 'anyone',
  example: {},
  run: async (ctx, input) => {
    const access = await loadPlan(ctx, input.plan);
    const reports = await listReports(ctx.db, access.plan.id);
    const last = Math.min(access.plan.period_to, fiscalYearOf(ctx.now));
    const years = [];
    for (let year = access.plan.period_from; year <= last; year++) {
      const mine = reports.filter((r) => r.fiscal_year === year);
      const published = mine.find((r) => r.status === 'published');
      const working = mine[0];
      years.push({
        fiscal_year: year,
        fiscal_year_label: fiscalYearLabels(year),
        published_revision: published?.revision ?? null,
        ...(access.mayEdit
          ? {
              working_revision: working?.revision ?? null,
              status: working?.status ?? 'not_started',
            }
          : {
              status:
                published && canReadReport(published.status, false) ? 'published' : 'not_published',
            }),
      });
    }
    return years;
  },
});
