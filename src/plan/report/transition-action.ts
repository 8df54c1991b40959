import type { ActionContext } from '../../core/action.ts';
import { withTransaction } from '../../db/index.ts';
import { type PlanAccess, loadPlan } from '../load-plan.ts';
import { listReports } from '../repo/reports.ts';
import { reportMeta } from './load-report.ts';
import { moveReport, type Transition } from './transition.ts';

/**
 * Runs one workflow step for a fiscal year in a transaction, after `allow` has checked the
 * caller's role, and returns the year's report state.
 */
export function runTransition(
  ctx: ActionContext,
  input: { plan?: string | undefined; fiscal_year: number },
  allow: (access: PlanAccess) => void,
  step: Transition,
) {
  return withTransaction(ctx.db, async (db) => {
    const access = await loadPlan(ctx, input.plan, db);
    allow(access);
    const report = await moveReport(ctx, db, access, input.fiscal_year, step);
    const revisions = await listReports(db, access.plan.id, input.fiscal_year);
    return {
      fiscal_year: input.fiscal_year,
      ...(await reportMeta(db, report, revisions, access.mayEdit)),
    };
  });
}
