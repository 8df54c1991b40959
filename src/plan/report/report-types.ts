import type { ComputedResult } from '../computed-queries.ts';
import type { KpiEvaluation } from '../evaluate/evaluate-kpi.ts';
import type { EvaluationRule, QualitativeStatus } from '../evaluate/evaluation-rule.ts';
import type { KpiDefinition } from '../kpi-definition.ts';

/** One year of a KPI's series, for charts: what was published for that year. */
export interface TrendPoint {
  fiscal_year: number;
  actual: number | null;
  status: QualitativeStatus | null;
  target: number | null;
  rate_percent: number | null;
  grade: string | null;
  /** True for a published year; false for the report being viewed while it is not published. */
  published: boolean;
}

/** 実績: what was entered (or computed) for a KPI in the report's year. */
export interface ReportActual {
  value: number | null;
  status: QualitativeStatus | null;
  status_label: string | null;
  evidence_note: string;
  evidence_url: string;
  evidence_resource_id: string | null;
  comment: string;
  updated: string | null;
  updated_by: string | null;
  /** For computed KPIs: the moment of computation, and whether s5 can compute it yet. */
  computed_at: string | null;
  computable: boolean;
  not_computable_reason: string | null;
  detail: Record<string, number> | null;
}

/** A KPI row of the report: its definition, the year's actual, its grade and its series. */
export type ReportKpi = Omit<KpiDefinition, 'query'> & {
  id: string;
  query: string | null;
  actual: ReportActual;
  evaluation: KpiEvaluation;
  trend: TrendPoint[];
};

/** A node of the plan in the report, with its narrative evaluation (点検・評価). */
export interface ReportNode {
  id: string;
  code: string;
  kind: string;
  label: string;
  title: string;
  heading: string;
  body: string;
  evaluation: { text: string; updated: string; updated_by: string | null } | null;
  kpis: ReportKpi[];
  children: ReportNode[];
}

/** The part of a report frozen at publication: it never changes afterwards. */
export interface ReportContent {
  plan: {
    id: string;
    name: string;
    title: string;
    title_en: string;
    period: { from: number; to: number };
    basic_principle: string;
    office: string;
    organization: { id: string; name: string; title: string } | null;
    version: number;
  };
  fiscal_year: number;
  fiscal_year_label: { ja: string; era: string; en: string };
  dates: { start: string; end: string };
  rule: EvaluationRule;
  computed_at: string;
  summary: { total: number; grades: Record<string, number>; not_evaluable: number };
  nodes: ReportNode[];
}

/** The live part of a report: its workflow state and history. */
export interface ReportMeta {
  /** Null when nothing has been entered for the year yet. */
  revision: number | null;
  status: 'not_started' | 'draft' | 'submitted' | 'reviewed' | 'published' | 'superseded';
  correction_reason: string;
  /** True when the content is the snapshot frozen at publication. */
  frozen: boolean;
  history: Array<{
    from_status: string | null;
    to_status: string;
    actor: string | null;
    note: string;
    at: string;
  }>;
  revisions: Array<{
    revision: number;
    status: string;
    correction_reason: string;
    published_at: string | null;
  }>;
  dataset: { id: string; name: string } | null;
}

/** 点検・評価結果: what `s5_report_show` returns and the portal renders. */
export type ReportView = ReportContent & ReportMeta;

/** Computed results by KPI id, with when they were computed. */
export interface ComputedValues {
  at: string;
  results: ReadonlyMap<string, ComputedResult>;
}
