import type { ActionContext } from '../core/action.ts';
import { invalid, notAuthorized, notFound } from '../core/errors.ts';
import type { Database } from '../db/index.ts';
import { type EvaluationRule, parseEvaluationRule } from './evaluate/evaluation-rule.ts';
import { canEditPlan, canReviewPlan } from './policy.ts';
import { findOrganizationByCode } from './repo/catalog-lookups.ts';
import { findPlan, listPlans, type PlanRow } from './repo/plans.ts';

/** A plan as an action sees it: the row, its rule, its prefecture and what the caller may do. */
export interface PlanAccess {
  plan: PlanRow;
  rule: EvaluationRule;
  org: { id: string; name: string; title: string } | null;
  mayEdit: boolean;
  mayReview: boolean;
}

/**
 * Finds the plan named by `ref`, or the only plan when `ref` is omitted.
 * @throws AppError not_found; validation when `ref` is omitted and there are several plans.
 */
export async function loadPlan(
  ctx: ActionContext,
  ref: string | undefined,
  db: Database = ctx.db,
): Promise<PlanAccess> {
  let plan: PlanRow | undefined;
  if (ref !== undefined) plan = await findPlan(db, ref);
  else {
    const all = await listPlans(db);
    if (all.length > 1)
      throw invalid({ plan: ['計画を指定してください / Name the plan: there are several'] });
    plan = all[0];
  }
  if (!plan) throw notFound('計画が見つかりません / Plan not found');
  const org = (await findOrganizationByCode(db, plan.org_code)) ?? null;
  return {
    plan,
    rule: parseEvaluationRule(plan.evaluation_rule),
    org,
    mayEdit: canEditPlan(ctx.actor, org?.id ?? null),
    mayReview: canReviewPlan(ctx.actor, org?.id ?? null),
  };
}

/** @throws AppError not_authorized unless the caller may enter values and evaluations. */
export function requireEditor(access: PlanAccess): void {
  if (!access.mayEdit)
    throw notAuthorized(
      '計画の実績を入力できるのは、都道府県組織の管理者・編集者とシステム管理者です / ' +
        'Only editors and admins of the prefecture organization, or sysadmins, may edit plan progress',
    );
}

/** @throws AppError not_authorized unless the caller is a reviewer. */
export function requireReviewer(access: PlanAccess): void {
  if (!access.mayReview)
    throw notAuthorized(
      '審査・公表できるのは、都道府県組織の管理者とシステム管理者です / ' +
        'Only admins of the prefecture organization, or sysadmins, may review and publish',
    );
}

/**
 * @throws AppError validation when the fiscal year lies outside the plan period or in the future.
 */
export function checkFiscalYear(plan: PlanRow, year: number, currentYear: number): void {
  if (year < plan.period_from || year > plan.period_to)
    throw invalid({
      fiscal_year: [
        `計画期間（${plan.period_from}〜${plan.period_to}年度）外の年度です / ${year} is outside the plan period`,
      ],
    });
  if (year > currentYear)
    throw invalid({
      fiscal_year: [`まだ始まっていない年度です / Fiscal year ${year} has not begun`],
    });
}
