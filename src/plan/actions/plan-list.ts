import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { presentPlanSummary } from '../present/present-plan.ts';
import { findOrganizationByCode } from '../repo/catalog-lookups.ts';
import { listPlans } from '../repo/plans.ts';

export const planList = defineAction({
  name: 's5_plan_list',
  description:
    'List the plans (計画) s5 holds, with their owner, period (年度) and version.\n\nNo parameters.',
  input: z.strictObject({}),
  readOnly: true,
  auth: 'anyone',
  example: {},
  run: async (ctx) => {
    const out = [];
    for (const plan of await listPlans(ctx.db))
      out.push(
        presentPlanSummary(plan, (await findOrganizationByCode(ctx.db, plan.org_code)) ?? null),
      );
    return out;
  },
});
