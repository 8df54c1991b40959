import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { text } from '../../core/ckan-params.ts';
import { requireReviewer } from '../load-plan.ts';
import { runTransition } from '../report/transition-action.ts';
import { fiscalYearParam, planParam } from '../schema.ts';

export const reportReturn = defineAction({
  name: 's5_report_return',
  description:
    'Return a submitted or reviewed report to draft (差し戻し) so it can be edited again ' +
    '(reviewers: admins of the prefecture organization, sysadmins).\n\n' +
    ':param plan: plan name or id (optional)\n:param fiscal_year: 年度\n' +
    ':param note: what to change (required)',
  input: z.strictObject({
    plan: planParam,
    fiscal_year: fiscalYearParam,
    note: text(2000).min(1, 'Missing value'),
  }),
  readOnly: false,
  auth: 'authenticated',
  example: { fiscal_year: 2024, note: '指標4aの根拠URLを追加してください' },
  run: (ctx, input) =>
    runTransition(ctx, input, requireReviewer, {
      from: ['submitted', 'reviewed'],
      to: 'draft',
      note: input.note,
    }),
});
