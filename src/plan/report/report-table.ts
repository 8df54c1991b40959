import type { ReportContent, ReportKpi, ReportMeta, ReportNode } from './report-types.ts';

/** One row of the KPI table (目標指標一覧): what the CSV files and `s5_kpi_list` carry. */
export interface KpiTableRow {
  fiscal_year: number;
  fiscal_year_era: string;
  revision: number | null;
  pillar: string;
  measure: string;
  kpi_code: string;
  kpi_name: string;
  unit: string;
  kind: string;
  direction: string;
  measurement: string;
  baseline_year: number | null;
  baseline_value: number | null;
  target_year: number | null;
  target_value: number | null;
  target_state: string;
  target_note: string;
  target_for_year: number | null;
  actual_value: number | null;
  status: string;
  rate_percent: number | null;
  grade: string;
  not_evaluable_reason: string;
  evidence_note: string;
  evidence_url: string;
  comment: string;
  computed_at: string;
  data_source: string;
}

/** Japanese column headers of the CSV files, in column order. */
export const KPI_TABLE_HEADERS: Record<keyof KpiTableRow, string> = {
  fiscal_year: '年度',
  fiscal_year_era: '年度（和暦）',
  revision: '版',
  pillar: '施策の柱',
  measure: '施策',
  kpi_code: '指標コード',
  kpi_name: '指標名',
  unit: '単位',
  kind: '種別',
  direction: '方向',
  measurement: '測定方法',
  baseline_year: '基準年度',
  baseline_value: '基準値',
  target_year: '目標年度',
  target_value: '目標値',
  target_state: '目標とする状態',
  target_note: '目標に関する注記',
  target_for_year: '当該年度の目標値',
  actual_value: '実績値',
  status: '達成状況',
  rate_percent: '達成率（%）',
  grade: '評価',
  not_evaluable_reason: '評価できない理由',
  evidence_note: '根拠',
  evidence_url: '根拠URL',
  comment: 'コメント',
  computed_at: '算出日時（UTC）',
  data_source: '出典',
};

const KIND = { quantitative: '定量', qualitative: '定性' } as const;
const DIRECTION = { higher: '高いほど良い', lower: '低いほど良い' } as const;
const MEASUREMENT = { manual: '手入力', computed: '自動算出' } as const;

/** Flattens a report into KPI rows, in the plan's order. */
export function kpiTable(
  content: ReportContent,
  meta: Pick<ReportMeta, 'revision'>,
): KpiTableRow[] {
  const rows: KpiTableRow[] = [];
  const walk = (nodes: readonly ReportNode[], path: readonly ReportNode[]) => {
    for (const node of nodes) {
      const here = [...path, node];
      for (const kpi of node.kpis) rows.push(rowOf(content, meta, here, kpi));
      walk(node.children, here);
    }
  };
  walk(content.nodes, []);
  return rows;
}

function rowOf(
  content: ReportContent,
  meta: Pick<ReportMeta, 'revision'>,
  path: readonly ReportNode[],
  kpi: ReportKpi,
): KpiTableRow {
  const name = (n: ReportNode | undefined) => (n ? `${n.label} ${n.title}`.trim() : '');
  const top = path[0];
  const own = path.length > 1 ? path[path.length - 1] : undefined;
  return {
    fiscal_year: content.fiscal_year,
    fiscal_year_era: content.fiscal_year_label.era,
    revision: meta.revision,
    pillar: name(top),
    measure: name(own),
    kpi_code: kpi.code,
    kpi_name: kpi.name,
    unit: kpi.unit,
    kind: KIND[kpi.kind],
    direction: DIRECTION[kpi.direction],
    measurement: MEASUREMENT[kpi.measurement],
    baseline_year: kpi.baseline.year,
    baseline_value: kpi.baseline.value,
    target_year: kpi.target.year,
    target_value: kpi.target.value,
    target_state: kpi.target.state,
    target_note: kpi.target.note,
    target_for_year: kpi.evaluation.target_for_year,
    actual_value: kpi.actual.value,
    status: kpi.actual.status_label ?? '',
    rate_percent: kpi.evaluation.rate_percent,
    grade: kpi.evaluation.grade ?? '',
    not_evaluable_reason: [kpi.evaluation.reason_message, kpi.actual.not_computable_reason]
      .filter((x) => x)
      .join('; '),
    evidence_note: kpi.actual.evidence_note,
    evidence_url: kpi.actual.evidence_url,
    comment: kpi.actual.comment,
    computed_at: kpi.actual.computed_at ?? '',
    data_source: kpi.data_source,
  };
}
