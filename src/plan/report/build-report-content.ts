import { evaluateKpi } from '../evaluate/evaluate-kpi.ts';
import {
  type EvaluationRule,
  QUALITATIVE_STATUS_LABELS,
  QUALITATIVE_STATUSES,
  type QualitativeStatus,
} from '../evaluate/evaluation-rule.ts';
import { fiscalYearDates, fiscalYearLabels } from '../fiscal-year.ts';
import { kpiDefinitionOf, kpiTargetsOf } from '../kpi-columns.ts';
import { nestNodes } from '../node-tree.ts';
import type { KpiRow, NodeRow } from '../repo/nodes.ts';
import type { PlanRow } from '../repo/plans.ts';
import type { EvaluationRow, KpiValueRow } from '../repo/values.ts';
import type {
  ComputedValues,
  ReportActual,
  ReportContent,
  ReportKpi,
  ReportNode,
  TrendPoint,
} from './report-types.ts';

/** Everything the content of one year's report is made of. */
export interface ContentInputs {
  plan: PlanRow;
  organization: { id: string; name: string; title: string } | null;
  rule: EvaluationRule;
  fiscalYear: number;
  nodes: readonly NodeRow[];
  kpis: readonly KpiRow[];
  values: ReadonlyMap<string, KpiValueRow>;
  evaluations: ReadonlyMap<string, EvaluationRow>;
  computed: ComputedValues;
  /** Published points of earlier years: fiscal year → KPI id → point. */
  history: ReadonlyMap<number, ReadonlyMap<string, TrendPoint>>;
  /** Whether this content is being frozen for publication (marks its own trend point). */
  publishing: boolean;
}

/** A stored status, if it is one of the qualitative statuses. */
export function asStatus(value: string | null | undefined): QualitativeStatus | null {
  return QUALITATIVE_STATUSES.find((s) => s === value) ?? null;
}

/**
 * Assembles a year's report: the plan's tree (pillar → measure → initiative) with each node's
 * evaluation and each KPI's actual, grade and series. Pure: values in, report out.
 */
export function buildReportContent(input: ContentInputs): ReportContent {
  const kpisByNode = new Map<string, ReportKpi[]>();
  const summary: ReportContent['summary'] = { total: 0, grades: {}, not_evaluable: 0 };
  for (const g of [...input.rule.grades.map((x) => x.grade), input.rule.lowest_grade.grade])
    summary.grades[g] = 0;
  for (const row of input.kpis) {
    const kpi = reportKpi(row, input);
    summary.total += 1;
    if (kpi.evaluation.grade === null) summary.not_evaluable += 1;
    else summary.grades[kpi.evaluation.grade] = (summary.grades[kpi.evaluation.grade] ?? 0) + 1;
    kpisByNode.set(row.node_id, [...(kpisByNode.get(row.node_id) ?? []), kpi]);
  }
  const nodes = nestNodes(input.nodes, (n): Omit<ReportNode, 'children'> => {
    const e = input.evaluations.get(n.id);
    return {
      id: n.id,
      code: n.code,
      kind: n.kind,
      label: n.label,
      title: n.title,
      heading: n.heading,
      body: n.body,
      evaluation: e ? { text: e.text, updated: e.updated, updated_by: e.updated_by } : null,
      kpis: kpisByNode.get(n.id) ?? [],
    };
  });
  const { plan } = input;
  return {
    plan: {
      id: plan.id,
      name: plan.name,
      title: plan.title,
      title_en: plan.title_en,
      period: { from: plan.period_from, to: plan.period_to },
      basic_principle: plan.basic_principle,
      office: plan.office,
      organization: input.organization,
      version: plan.version,
    },
    fiscal_year: input.fiscalYear,
    fiscal_year_label: fiscalYearLabels(input.fiscalYear),
    dates: fiscalYearDates(input.fiscalYear),
    rule: input.rule,
    computed_at: input.computed.at,
    summary,
    nodes,
  };
}

function reportKpi(row: KpiRow, input: ContentInputs): ReportKpi {
  const def = kpiDefinitionOf(row);
  const actual = actualOf(row, input);
  const evaluation = evaluateKpi(
    kpiTargetsOf(def),
    input.fiscalYear,
    { value: actual.value, status: actual.status, computable: actual.computable },
    input.rule,
  );
  const trend: TrendPoint[] = [];
  for (let year = input.plan.period_from; year < input.fiscalYear; year++) {
    const point = input.history.get(year)?.get(row.id);
    trend.push(point ?? emptyPoint(year));
  }
  trend.push({
    fiscal_year: input.fiscalYear,
    actual: actual.value,
    status: actual.status,
    target: evaluation.target_for_year,
    rate_percent: evaluation.rate_percent,
    grade: evaluation.grade,
    published: input.publishing,
  });
  return { ...def, id: row.id, actual, evaluation, trend };
}

function actualOf(row: KpiRow, input: ContentInputs): ReportActual {
  const v = input.values.get(row.id);
  const status = row.kind === 'qualitative' ? asStatus(v?.status) : null;
  const base = {
    status,
    status_label: status ? QUALITATIVE_STATUS_LABELS[status] : null,
    evidence_note: v?.evidence_note ?? '',
    evidence_url: v?.evidence_url ?? '',
    evidence_resource_id: v?.evidence_resource_id ?? null,
    comment: v?.comment ?? '',
    updated: v?.updated ?? null,
    updated_by: v?.updated_by ?? null,
  };
  if (row.measurement !== 'computed')
    return {
      ...base,
      value: row.kind === 'qualitative' ? null : (v?.actual_value ?? null),
      computed_at: null,
      computable: true,
      not_computable_reason: null,
      detail: null,
    };
  const result = input.computed.results.get(row.id);
  if (!result?.computable)
    return {
      ...base,
      value: null,
      computed_at: input.computed.at,
      computable: false,
      not_computable_reason: result?.reason ?? null,
      detail: null,
    };
  return {
    ...base,
    value: result.value,
    computed_at: input.computed.at,
    computable: true,
    not_computable_reason: null,
    detail: result.detail ?? null,
  };
}

function emptyPoint(year: number): TrendPoint {
  return {
    fiscal_year: year,
    actual: null,
    status: null,
    target: null,
    rate_percent: null,
    grade: null,
    published: false,
  };
}

/** The trend points a published report contributes to later years' series, by KPI id. */
export function trendPointsOf(content: ReportContent): Map<string, TrendPoint> {
  const out = new Map<string, TrendPoint>();
  const walk = (nodes: readonly ReportNode[]) => {
    for (const n of nodes) {
      for (const k of n.kpis)
        out.set(k.id, {
          fiscal_year: content.fiscal_year,
          actual: k.actual.value,
          status: k.actual.status,
          target: k.evaluation.target_for_year,
          rate_percent: k.evaluation.rate_percent,
          grade: k.evaluation.grade,
          published: true,
        });
      walk(n.children);
    }
  };
  walk(content.nodes);
  return out;
}

/** Every KPI of a report, in the plan's order. */
export function kpisOf(nodes: readonly ReportNode[]): ReportKpi[] {
  return nodes.flatMap((n) => [...n.kpis, ...kpisOf(n.children)]);
}
