import { kpiTable } from '../report/report-table.ts';
import type { ReportView } from '../report/report-types.ts';
import type { PlanView } from './present-plan.ts';

type PlanNodeView = PlanView['nodes'][number];

const STATUS_JA: Record<ReportView['status'], string> = {
  not_started: '未着手',
  draft: '作成中',
  submitted: '提出済み',
  reviewed: '審査済み',
  published: '公表済み',
  superseded: '訂正前の版',
};

/** The plan as indented text for the terminal: nodes, initiatives and KPI definitions. */
export function renderPlanText(plan: PlanView): string {
  const lines = [
    `${plan.title} (${plan.name})  ${plan.period.label}  version ${plan.version}`,
    `基本理念: ${plan.basic_principle}`,
    '',
  ];
  const walk = (nodes: readonly PlanNodeView[], depth: number) => {
    for (const n of nodes) {
      const pad = '  '.repeat(depth);
      const mark = n.kind === 'initiative' ? '- ' : '';
      lines.push(`${pad}${mark}${`${n.label} ${n.title}`.trim()}`);
      for (const k of n.kpis) {
        const target = k.target.value ?? (k.target.state || '数値目標なし / no figure');
        lines.push(
          `${pad}  [KPI ${k.code}] ${k.name}${k.unit ? `（${k.unit}）` : ''} ${k.measurement}: 目標 ${target}`,
        );
      }
      walk(n.children, depth + 1);
    }
  };
  walk(plan.nodes, 0);
  return `${lines.join('\n')}\n`;
}

/** A year's report as a text table: one line per KPI with actual, rate and grade. */
export function renderReportText(view: ReportView): string {
  const status = `${STATUS_JA[view.status]}${view.revision ? ` 第${view.revision}版` : ''}`;
  const lines = [
    `${view.plan.title} ${view.fiscal_year_label.ja}（${view.fiscal_year_label.era}） ${status}`,
    ...(view.correction_reason ? [`訂正理由: ${view.correction_reason}`] : []),
    '',
  ];
  for (const r of kpiTable(view, view)) {
    const actual = r.actual_value ?? (r.status || '—');
    const rate = r.rate_percent === null ? '' : ` ${r.rate_percent}%`;
    lines.push(
      `${(r.grade || '評価不能').padEnd(4)} ${r.kpi_code}  ${r.kpi_name}: ${actual}${rate}`,
    );
  }
  const s = view.summary;
  const grades = Object.entries(s.grades).map(([g, n]) => `${g} ${n}`);
  lines.push('', `${grades.join(' / ')} / 評価不能 ${s.not_evaluable}（全 ${s.total} 指標）`);
  return `${lines.join('\n')}\n`;
}
