import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { loadPlan } from '../load-plan.ts';
import { presentPlan } from '../present/present-plan.ts';
import { listKpis, listNodes } from '../repo/nodes.ts';
import { listRevisions } from '../repo/plans.ts';
import { planParam } from '../schema.ts';

export const planShow = defineAction({
  name: 's5_plan_show',
  description:
    'Return a plan: 基本理念, period, its structure (pillars 柱 → measures 施策 → initiatives 取組) ' +
    'with the KPI definitions (目標指標) on each node, the evaluation rule and its version history ' +
    '(見直し).\n\n:param plan: plan name or id (optional when there is one plan)',
  input: z.strictObject({ plan: planParam }),
  readOnly: true,
  auth: 'anyone',
  example: { plan: 'hokkaido-society5-plan' },
  run: async (ctx, input) => {
    const access = await loadPlan(ctx, input.plan);
    const [nodes, kpis, revisions] = await Promise.all([
      listNodes(ctx.db, access.plan.id),
      listKpis(ctx.db, access.plan.id),
      listRevisions(ctx.db, access.plan.id),
    ]);
    return presentPlan(access, nodes, kpis, revisions);
  },
});
