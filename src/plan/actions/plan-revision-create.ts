import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { withTransaction } from '../../db/index.ts';
import { loadPlan, requireReviewer } from '../load-plan.ts';
import { presentRevision } from '../present/present-plan.ts';
import { listRevisions } from '../repo/plans.ts';
import { planParam, reasonParam } from '../schema.ts';
import { recordPlanChange } from '../record-change.ts';

export const planRevisionCreate = defineAction({
  name: 's5_plan_revision_create',
  description:
    'Record a revision (見直し) of the plan with its date and reason, as a new plan version ' +
    '(reviewers: admins of the prefecture organization, sysadmins). Change the structure itself ' +
    'in the seed file and run `s5 seed`; change KPIs with s5_kpi_create / s5_kpi_update.\n\n' +
    ':param plan: plan name or id (optional when there is one plan)\n' +
    ':param date: date of the revision, YYYY-MM-DD\n:param reason: why the plan was revised',
  input: z.strictObject({
    plan: planParam,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
    reason: reasonParam,
  }),
  readOnly: false,
  auth: 'authenticated',
  example: { date: '2023-03-28', reason: '推進期間の中間年における見直し' },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const access = await loadPlan(ctx, input.plan, db);
      requireReviewer(access);
      const version = await recordPlanChange(ctx, db, access.plan, {
        kind: 'revision',
        reason: input.reason,
        changes: [],
        date: input.date,
      });
      const revision = (await listRevisions(db, access.plan.id)).find((r) => r.version === version);
      return revision ? presentRevision(revision) : null;
    }),
});
