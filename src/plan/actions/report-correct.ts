import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { withTransaction } from '../../db/index.ts';
import { loadPlan, requireReviewer } from '../load-plan.ts';
import { reportMeta } from '../report/load-report.ts';
import { appendEvent, insertReport, listReports, type ReportRow } from '../repo/reports.ts';
import { copyEntries } from '../repo/values.ts';
import { fiscalYearParam, planParam, reasonParam } from '../schema.ts';

export const reportCorrect = defineAction({
  name: 's5_report_correct',
  description:
    'Start a correction (訂正) of a published year: a new revision, in draft, holding the ' +
    "published revision's values and evaluations, with the reason shown on the report. The " +
    'published revision stays as it is and public until the correction is published; then it ' +
    'is kept as superseded (reviewers).\n\n' +
    ':param plan: plan name or id (optional)\n:param fiscal_year: 年度\n:param reason: why it is corrected',
  input: z.strictObject({ plan: planParam, fiscal_year: fiscalYearParam, reason: reasonParam }),
  readOnly: false,
  auth: 'authenticated',
  example: { fiscal_year: 2023, reason: '指標3bの実績値に転記誤りがあったため訂正' },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const access = await loadPlan(ctx, input.plan, db);
      requireReviewer(access);
      const revisions = await listReports(db, access.plan.id, input.fiscal_year);
      const [latest] = revisions;
      if (!latest)
        throw notFound('この年度の報告はまだありません / There is no report for this year yet');
      if (latest.status !== 'published')
        throw conflict({
          fiscal_year: [
            '訂正できるのは公表済みの年度だけです（作業中の版があります） / Only a published year can be corrected; a revision is already in progress',
          ],
        });
      const stamp = toCkanTimestamp(ctx.now);
      const row: ReportRow = {
        ...latest,
        id: newId(),
        revision: latest.revision + 1,
        status: 'draft',
        correction_reason: input.reason,
        plan_version: null,
        snapshot: null,
        created: stamp,
        modified: stamp,
      };
      await insertReport(db, row);
      await copyEntries(db, latest.id, row.id);
      await appendEvent(db, {
        report_id: row.id,
        from_status: null,
        to_status: 'draft',
        actor: ctx.actor.name,
        note: input.reason,
        at: stamp,
      });
      return {
        fiscal_year: input.fiscal_year,
        ...(await reportMeta(db, row, [row, ...revisions], access.mayEdit)),
      };
    }),
});
