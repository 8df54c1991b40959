import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { text } from '../../core/ckan-params.ts';
import { requireReviewer } from '../load-plan.ts';
import { runTransition } from '../report/transition-action.ts';
import { fiscalYearParam, planParam } from '../schema.ts';

export const reportReview = defineAction({
  name: 's5_report_review',
  description:
    'Mark a submitted report as reviewed (submitted → reviewed; reviewers: admins of the ' +
    'prefecture organization, sysadmins). Only a reviewed report can be published.\n\n' +
    ':param plan: plan name or id (optional)\n:param fiscal_year: 年度\n:param note: review note',
  input: z.strictObject({
    plan: planParam,
    fiscal_year: fiscalYearParam,
    note: text(2000).default(''),
  }),
  readOnly: false,
  auth: 'authenticated',
  example: { fiscal_year: 2024, note: '内容を確認しました' },
  run: (ctx, input) =>
    runTransition(ctx, input, requireReviewer, {
      from: ['submitted'],
      to: 'reviewed',
      note: input.note,
    }),
});
