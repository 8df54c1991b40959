import type { ActionContext } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import type { ComputedResult } from '../computed-queries.ts';
import type { PlanAccess } from '../load-plan.ts';
import { canReadReport } from '../policy.ts';
import { findDatasetName } from '../repo/catalog-lookups.ts';
import { runComputedQuery } from '../repo/computed-kpis.ts';
import { listKpis, listNodes } from '../repo/nodes.ts';
import { listEvents, listReports, type ReportRow } from '../repo/reports.ts';
import { listEvaluations, listValues } from '../repo/values.ts';
import { buildReportContent, trendPointsOf } from './build-report-content.ts';
import type {
  ComputedValues,
  ReportContent,
  ReportMeta,
  ReportView,
  TrendPoint,
} from './report-types.ts';

/** Runs each computed KPI's query once, as of `now`. */
export async function computeKpis(
  db: Database,
  access: PlanAccess,
  now: Date,
): Promise<ComputedValues> {
  const byQuery = new Map<string, ComputedResult>();
  const results = new Map<string, ComputedResult>();
  for (const kpi of await listKpis(db, access.plan.id)) {
    if (kpi.measurement !== 'computed' || kpi.query === null) continue;
    let result = byQuery.get(kpi.query);
    if (!result) {
      result = await runComputedQuery(db, kpi.query, {
        prefectureCode: access.plan.org_code,
        asOf: now,
      });
      byQuery.set(kpi.query, result);
    }
    results.set(kpi.id, result);
  }
  return { at: toCkanTimestamp(now), results };
}

/** Published points of the years before `year`, from their frozen reports. */
async function publishedHistory(db: Database, planId: string, year: number) {
  const history = new Map<number, Map<string, TrendPoint>>();
  for (const r of await listReports(db, planId)) {
    if (r.fiscal_year >= year || r.status !== 'published' || r.snapshot === null) continue;
    history.set(r.fiscal_year, trendPointsOf(parseSnapshot(r.snapshot)));
  }
  return history;
}

/** A snapshot s5 itself wrote at publication. */
export function parseSnapshot(json: string): ReportContent {
  const content: ReportContent = JSON.parse(json);
  return content;
}

/**
 * The current content of a year's report revision (or of a year with no report yet), with
 * computed KPIs computed now and the published series of earlier years.
 */
export async function buildLiveContent(
  db: Database,
  access: PlanAccess,
  year: number,
  report: ReportRow | null,
  now: Date,
  publishing = false,
): Promise<ReportContent> {
  const [nodes, kpis, values, evaluations] = await Promise.all([
    listNodes(db, access.plan.id),
    listKpis(db, access.plan.id),
    report ? listValues(db, report.id) : [],
    report ? listEvaluations(db, report.id) : [],
  ]);
  return buildReportContent({
    plan: access.plan,
    organization: access.org,
    rule: access.rule,
    fiscalYear: year,
    nodes,
    kpis,
    values: new Map(values.map((v) => [v.kpi_id, v])),
    evaluations: new Map(evaluations.map((e) => [e.node_id, e])),
    computed: await computeKpis(db, access, now),
    history: await publishedHistory(db, access.plan.id, year),
    publishing,
  });
}

/** The workflow state of a revision among the year's revisions (newest first). */
export async function reportMeta(
  db: Database,
  report: ReportRow | null,
  yearRevisions: readonly ReportRow[],
  mayEdit: boolean,
): Promise<ReportMeta> {
  const events = report ? await listEvents(db, [report.id]) : [];
  const publishedAt = new Map<string, string>();
  for (const e of await listEvents(
    db,
    yearRevisions.map((r) => r.id),
  ))
    if (e.to_status === 'published') publishedAt.set(e.report_id, e.at);
  const datasetName = report?.dataset_id ? await findDatasetName(db, report.dataset_id) : undefined;
  return {
    revision: report?.revision ?? null,
    status: report ? statusOf(report.status) : 'not_started',
    correction_reason: report?.correction_reason ?? '',
    frozen: report?.snapshot !== null && report?.snapshot !== undefined,
    history: events.map((e) => ({
      from_status: e.from_status,
      to_status: e.to_status,
      actor: e.actor,
      note: e.note,
      at: e.at,
    })),
    revisions: yearRevisions
      .filter((r) => canReadReport(r.status, mayEdit))
      .map((r) => ({
        revision: r.revision,
        status: r.status,
        correction_reason: r.correction_reason,
        published_at: publishedAt.get(r.id) ?? null,
      })),
    dataset:
      report?.dataset_id && datasetName ? { id: report.dataset_id, name: datasetName } : null,
  };
}

function statusOf(status: string): ReportMeta['status'] {
  const known = ['draft', 'submitted', 'reviewed', 'published', 'superseded'] as const;
  return known.find((s) => s === status) ?? 'draft';
}

/**
 * Picks the revision a caller sees: the one asked for, else (editors) the newest, else the
 * newest published. @throws AppError not_found when the caller may not see any.
 */
export function pickRevision(
  yearRevisions: readonly ReportRow[],
  mayEdit: boolean,
  revision: number | undefined,
): ReportRow | null {
  const visible = yearRevisions.filter((r) => canReadReport(r.status, mayEdit));
  if (revision !== undefined) {
    const r = visible.find((x) => x.revision === revision);
    if (!r) throw notFound('指定の版は見つかりません / No such revision of the report');
    return r;
  }
  const newest = [...visible].sort((a, b) => b.revision - a.revision);
  if (mayEdit) return newest[0] ?? null;
  const published = newest.find((r) => r.status === 'published');
  if (!published)
    throw notFound(
      'この年度の点検・評価結果はまだ公表されていません / No published report for this year',
    );
  return published;
}

/**
 * The report of a fiscal year as the caller may see it: a published revision exactly as it was
 * frozen, or (for editors) the working revision computed now.
 * @throws AppError not_found
 */
export async function showReport(
  ctx: ActionContext,
  access: PlanAccess,
  year: number,
  revision?: number,
): Promise<ReportView> {
  const yearRevisions = await listReports(ctx.db, access.plan.id, year);
  const report = pickRevision(yearRevisions, access.mayEdit, revision);
  const content =
    report?.snapshot != null
      ? parseSnapshot(report.snapshot)
      : await buildLiveContent(ctx.db, access, year, report, ctx.now);
  return { ...content, ...(await reportMeta(ctx.db, report, yearRevisions, access.mayEdit)) };
}
