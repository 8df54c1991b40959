import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { text } from '../../core/ckan-params.ts';
import { requireEditor } from '../load-plan.ts';
import { runTransition } from '../report/transition-action.ts';
import { fiscalYearParam, planParam } from '../schema.ts';

export const reportSubmit = defineAction({
  name: 's5_report_submit',
  description:
    "Submit a fiscal year's draft report for review (draft → submitted; editors and admins of " +
    'the prefecture organization, sysadmins). It can no longer be edited unless a reviewer ' +
    'returns it.\n\n:param plan: plan name or id (optional)\n:param fiscal_year: 年度\n' +
    ':param note: a note for the reviewers',
  input: z.strictObject({
    plan: planParam,
    fiscal_year: fiscalYearParam,
    note: text(2000).default(''),
  }),
  readOnly: false,
  auth: 'authenticated',
  example: { fiscal_year: 2024, note: '全指標の実績を入力しました' },
  run: (ctx, input) =>
    runTransition(ctx, input, requireEditor, {
      from: ['draft'],
      to: 'submitted',
      note: input.note,
    }),
});
