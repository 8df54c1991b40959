import type { Actor } from '../core/action.ts';

/**
 * Who may do what with a plan. The plan reuses the catalog's users and the memberships of the
 * prefecture organization (found by the plan's 全国地方公共団体コード, never by name):
 * - enter values and evaluations, submit, create KPIs: sysadmins, admins and editors of it;
 * - review, return, publish, correct a published year, record a 見直し: sysadmins and its admins;
 * - read drafts: those who may edit; read published reports and the plan itself: everyone.
 */
export function canEditPlan(actor: Actor, prefectureOrgId: string | null): boolean {
  if (actor.sysadmin) return true;
  if (prefectureOrgId === null) return false;
  const capacity = actor.memberships.get(prefectureOrgId);
  return capacity === 'admin' || capacity === 'editor';
}

/** May review and publish (see `canEditPlan`). */
export function canReviewPlan(actor: Actor, prefectureOrgId: string | null): boolean {
  if (actor.sysadmin) return true;
  return prefectureOrgId !== null && actor.memberships.get(prefectureOrgId) === 'admin';
}

/** May see a report revision in this status. */
export function canReadReport(status: string, mayEdit: boolean): boolean {
  return mayEdit || status === 'published' || status === 'superseded';
}
