import type { ActionContext } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { conflict } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Database } from '../../db/index.ts';
import type { PlanAccess } from '../load-plan.ts';
import { appendEvent, insertReport, listReports, type ReportRow } from '../repo/reports.ts';

/** Why a year cannot be edited, by the status of its newest revision. */
const LOCKED: Record<string, string> = {
  submitted:
    '提出済みのため編集できません。差し戻し（s5_report_return）後に編集してください / ' +
    'Submitted: it must be returned to draft (s5_report_return) before editing',
  reviewed:
    '審査済みのため編集できません。差し戻し（s5_report_return）後に編集してください / ' +
    'Reviewed: it must be returned to draft (s5_report_return) before editing',
  published:
    '公表済みの年度は変更できません。訂正は s5_report_correct で理由を添えて新しい版を作成してください / ' +
    'A published year is read-only: correct it with s5_report_correct, giving a reason',
};

/**
 * The draft revision of a year's report that edits go to, created (revision 1) on the first
 * edit of the year. Submitted, reviewed and published revisions are never edited.
 * @throws AppError conflict when the year's newest revision is not a draft.
 */
export async function openDraft(
  ctx: ActionContext,
  db: Database,
  access: PlanAccess,
  year: number,
): Promise<ReportRow> {
  const [latest] = await listReports(db, access.plan.id, year);
  if (latest?.status === 'draft') return latest;
  if (latest) throw conflict({ fiscal_year: [LOCKED[latest.status] ?? 'locked'] });
  const stamp = toCkanTimestamp(ctx.now);
  const row: ReportRow = {
    id: newId(),
    plan_id: access.plan.id,
    fiscal_year: year,
    revision: 1,
    status: 'draft',
    correction_reason: '',
    plan_version: null,
    snapshot: null,
    dataset_id: null,
    created: stamp,
    modified: stamp,
  };
  await insertReport(db, row);
  await appendEvent(db, {
    report_id: row.id,
    from_status: null,
    to_status: 'draft',
    actor: ctx.actor.name,
    note: '',
    at: stamp,
  });
  return row;
}
