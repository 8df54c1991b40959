import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { withTransaction } from '../../db/index.ts';
import { EvaluationRule } from '../evaluate/evaluation-rule.ts';
import { loadPlan, requireReviewer } from '../load-plan.ts';
import { recordPlanChange } from '../record-change.ts';
import { updatePlan } from '../repo/plans.ts';
import { planParam, reasonParam } from '../schema.ts';

export const planRuleUpdate = defineAction({
  name: 's5_plan_rule_update',
  description:
    'Change how the plan grades its KPIs (評価方法), as a new plan version (reviewers). Reports ' +
    'already published keep the rule they were graded with.\n\n' +
    ':param plan: plan name or id (optional when there is one plan)\n' +
    ':param rule: {grades: [{grade, min_rate, label}], lowest_grade: {grade, label}, ' +
    'mid_period_target: final|linear, qualitative: {achieved, mostly_achieved, in_progress, not_started}}\n' +
    ':param reason: why the rule changes',
  input: z.strictObject({ plan: planParam, rule: EvaluationRule, reason: reasonParam }),
  readOnly: false,
  auth: 'authenticated',
  example: {
    rule: {
      grades: [
        { grade: 'A', min_rate: 1, label: '達成' },
        { grade: 'B', min_rate: 0.7, label: '概ね達成' },
      ],
      lowest_grade: { grade: 'C', label: '未達成' },
      qualitative: { achieved: 'A', mostly_achieved: 'B', in_progress: 'C', not_started: 'C' },
    },
    reason: '評価区分を3段階に変更',
  },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const access = await loadPlan(ctx, input.plan, db);
      requireReviewer(access);
      await updatePlan(db, access.plan.id, { evaluation_rule: JSON.stringify(input.rule) });
      const version = await recordPlanChange(ctx, db, access.plan, {
        kind: 'rule',
        reason: input.reason,
        changes: ['evaluation_rule'],
      });
      return { version, evaluation_rule: input.rule };
    }),
});
