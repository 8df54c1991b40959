import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { text } from '../../core/ckan-params.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { withTransaction } from '../../db/index.ts';
import { loadPlan, requireReviewer } from '../load-plan.ts';
import { kpisOf } from '../report/build-report-content.ts';
import { buildLiveContent, reportMeta } from '../report/load-report.ts';
import { publishReportDataset } from '../report/publish-dataset.ts';
import { moveReport } from '../report/transition.ts';
import { appendEvent, listReports, transitionReport, updateReport } from '../repo/reports.ts';
import { listValues, upsertValue } from '../repo/values.ts';
import { fiscalYearParam, planParam } from '../schema.ts';

export const reportPublish = defineAction({
  name: 's5_report_publish',
  description:
    "Publish a reviewed fiscal year's report (reviewed → published; reviewers: admins of the " +
    'prefecture organization, sysadmins). The report is frozen as it is now — computed KPIs ' +
    'with their values at this moment — and never changes afterwards; a correction is a new ' +
    'revision (s5_report_correct). It is also published as open data: a dataset of the ' +
    'prefecture organization, `<plan>-fy<year>`, with the KPI table as CSV (UTF-8 with BOM, ' +
    'and CP932) and the report as JSON, created or updated here.\n\n' +
    ':param plan: plan name or id (optional)\n:param fiscal_year: 年度\n:param note: a note',
  input: z.strictObject({
    plan: planParam,
    fiscal_year: fiscalYearParam,
    note: text(2000).default(''),
  }),
  readOnly: false,
  auth: 'authenticated',
  example: { fiscal_year: 2024 },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const access = await loadPlan(ctx, input.plan, db);
      requireReviewer(access);
      const stamp = toCkanTimestamp(ctx.now);
      const report = await moveReport(ctx, db, access, input.fiscal_year, {
        from: ['reviewed'],
        to: 'published',
        note: input.note,
      });
      for (const old of await listReports(db, access.plan.id, input.fiscal_year)) {
        if (old.id === report.id || old.status !== 'published') continue;
        await transitionReport(db, old.id, 'published', { status: 'superseded', modified: stamp });
        await appendEvent(db, {
          report_id: old.id,
          from_status: 'published',
          to_status: 'superseded',
          actor: ctx.actor.name,
          note: `第${report.revision}版で訂正 / Corrected by revision ${report.revision}`,
          at: stamp,
        });
      }
      const content = await buildLiveContent(db, access, input.fiscal_year, report, ctx.now, true);
      // Computed values are kept with the revision too, so the record does not live only in JSON.
      const stored = new Map((await listValues(db, report.id)).map((v) => [v.kpi_id, v]));
      for (const kpi of kpisOf(content.nodes)) {
        if (kpi.measurement !== 'computed') continue;
        const before = stored.get(kpi.id);
        await upsertValue(db, {
          report_id: report.id,
          kpi_id: kpi.id,
          actual_value: kpi.actual.value,
          status: null,
          evidence_note: before?.evidence_note ?? '',
          evidence_url: before?.evidence_url ?? '',
          evidence_resource_id: before?.evidence_resource_id ?? null,
          comment: before?.comment ?? '',
          computed_at: kpi.actual.computed_at,
          updated: stamp,
          updated_by: ctx.actor.name,
        });
      }
      const dataset = await publishReportDataset(
        { ...ctx, db },
        access,
        content,
        {
          revision: report.revision,
          correction_reason: report.correction_reason,
          published_at: stamp,
        },
        report.dataset_id,
      );
      const frozen = {
        ...report,
        snapshot: JSON.stringify(content),
        plan_version: access.plan.version,
        dataset_id: dataset.id,
      };
      await updateReport(db, report.id, {
        snapshot: frozen.snapshot,
        plan_version: frozen.plan_version,
        dataset_id: frozen.dataset_id,
      });
      const revisions = await listReports(db, access.plan.id, input.fiscal_year);
      return {
        fiscal_year: input.fiscal_year,
        ...(await reportMeta(db, frozen, revisions, access.mayEdit)),
        resources: dataset.resources,
      };
    }),
});
