import type { ActionContext } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import type { PlanAccess } from '../load-plan.ts';
import { appendEvent, listReports, type ReportRow, transitionReport } from '../repo/reports.ts';

/** A step of the workflow draft → submitted → reviewed → published (and back to draft). */
export interface Transition {
  from: readonly string[];
  to: string;
  note: string;
}

const STATUS_JA: Record<string, string> = {
  draft: '作成中',
  submitted: '提出済み',
  reviewed: '審査済み',
  published: '公表済み',
};

/**
 * Moves the newest revision of a year along the workflow and records who did it and when.
 * @throws AppError not_found when the year has no report; conflict when it is in another status.
 */
export async function moveReport(
  ctx: ActionContext,
  db: Database,
  access: PlanAccess,
  year: number,
  step: Transition,
): Promise<ReportRow> {
  const [latest] = await listReports(db, access.plan.id, year);
  if (!latest)
    throw notFound('この年度の報告はまだありません / There is no report for this year yet');
  const refuse = () =>
    conflict({
      status: [
        `現在の状態（${STATUS_JA[latest.status] ?? latest.status}）からは実行できません / ` +
          `Not possible while the report is ${latest.status}`,
      ],
    });
  if (!step.from.includes(latest.status)) throw refuse();
  const stamp = toCkanTimestamp(ctx.now);
  if (!(await transitionReport(db, latest.id, latest.status, { status: step.to, modified: stamp })))
    throw refuse();
  await appendEvent(db, {
    report_id: latest.id,
    from_status: latest.status,
    to_status: step.to,
    actor: ctx.actor.name,
    note: step.note,
    at: stamp,
  });
  return { ...latest, status: step.to, modified: stamp };
}
