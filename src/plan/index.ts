/**
 * The plan capability: a prefecture's plan (pillars, measures, KPIs) as data, the yearly
 * check → evaluate → publish cycle, and the published reports. Other folders import only here.
 */
import type { AnyAction } from '../core/action.ts';
import { evaluationUpdate } from './actions/evaluation-update.ts';
import { kpiCreate } from './actions/kpi-create.ts';
import { kpiList } from './actions/kpi-list.ts';
import { kpiUpdate } from './actions/kpi-update.ts';
import { kpiValueUpsert } from './actions/kpi-value-upsert.ts';
import { planList } from './actions/plan-list.ts';
import { planRevisionCreate } from './actions/plan-revision-create.ts';
import { planRuleUpdate } from './actions/plan-rule-update.ts';
import { planShow } from './actions/plan-show.ts';
import { reportCorrect } from './actions/report-correct.ts';
import { reportList } from './actions/report-list.ts';
import { reportPublish } from './actions/report-publish.ts';
import { reportReturn } from './actions/report-return.ts';
import { reportReview } from './actions/report-review.ts';
import { reportShow } from './actions/report-show.ts';
import { reportSubmit } from './actions/report-submit.ts';

/** Every plan action, registered with the catalog's in `src/platform/registry.ts`. */
export const planActions: readonly AnyAction[] = [
  planList,
  planShow,
  planRevisionCreate,
  planRuleUpdate,
  kpiList,
  kpiCreate,
  kpiUpdate,
  kpiValueUpsert,
  evaluationUpdate,
  reportList,
  reportShow,
  reportSubmit,
  reportReview,
  reportReturn,
  reportPublish,
  reportCorrect,
];

export { fiscalYearOf, fiscalYearTitle } from './fiscal-year.ts';
export type { PlanView } from './present/present-plan.ts';
export { renderPlanText, renderReportText } from './present/render-text.ts';
export { kpiTableCsv } from './report/encode-table.ts';
export { kpiTable } from './report/report-table.ts';
export type { ReportView } from './report/report-types.ts';
export { noPlanExists } from './repo/plans.ts';
export { type PlanSeedSummary, seedPlan } from './seed/seed-plan.ts';
