import type { ActionContext } from '../core/action.ts';
import { toCkanTimestamp } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { Database } from '../db/index.ts';
import { jstDate } from './fiscal-year.ts';
import { insertRevision, type PlanRow, updatePlan } from './repo/plans.ts';

/**
 * Records a change to a plan as its next version, with who made it, when and why. Call inside
 * the transaction that makes the change. Published reports keep the version they were made from.
 * @returns the new version number.
 */
export async function recordPlanChange(
  ctx: ActionContext,
  db: Database,
  plan: PlanRow,
  change: { kind: string; reason: string; changes: string[]; date?: string },
): Promise<number> {
  const stamp = toCkanTimestamp(ctx.now);
  const version = plan.version + 1;
  await insertRevision(db, {
    id: newId(),
    plan_id: plan.id,
    version,
    kind: change.kind,
    date: change.date ?? jstDate(ctx.now),
    reason: change.reason,
    changes: JSON.stringify(change.changes),
    actor: ctx.actor.name,
    created: stamp,
  });
  await updatePlan(db, plan.id, { version, modified: stamp });
  return version;
}
