import { notFound } from '../../core/errors.ts';
import type { ReportView } from '../../plan/index.ts';
import type { Page, PageRequest } from '../http/page.ts';
import type { Ui } from '../i18n/ui.ts';
import { Grade } from './kpi.tsx';
import { withUnit } from './plan-kpis.ts';

type ReportNode = ReportView['nodes'][number];

/**
 * `/plan/report/:year`: the published yearly report (点検・評価結果): grade summary, then per
 * pillar and measure the narrative evaluation and the KPI table. Printable on A4: the layout's
 * print stylesheet (print.css) shapes it.
 * @throws AppError not_found for a year without a published report.
 */
export async function reportPage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const year = Number(req.param('year'));
  if (!Number.isInteger(year)) throw notFound('年度が正しくありません / Not a fiscal year');
  const report = await req.call<ReportView>('s5_report_show', { fiscal_year: year });
  const label = ui.pick(report.fiscal_year_label.ja, report.fiscal_year_label.en);
  const grades = Object.entries(report.summary.grades);
  return {
    title: `${ui.pick(report.plan.title, report.plan.title_en)} ${label}${ui.t('report')}`,
    breadcrumbs: [{ href: '/plan', label: ui.t('plan') }],
    body: (
      <article class="report">
        <p class="print-hint">{ui.t('printHint')}</p>
        <p>{`${report.fiscal_year_label.era}（${report.dates.start} 〜 ${report.dates.end}）`}</p>
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{ui.t('reportSummary')}</h2>
          <table class="data-table summary-table">
            <caption>{`${ui.t('grade')}（${ui.t('kpis')} ${ui.num(report.summary.total)}）`}</caption>
            <thead>
              <tr>
                {grades.map(([g]) => (
                  <th scope="col">{g}</th>
                ))}
                <th scope="col">{ui.t('notEvaluable')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                {grades.map(([, n]) => (
                  <td>{ui.num(n)}</td>
                ))}
                <td>{ui.num(report.summary.not_evaluable)}</td>
              </tr>
            </tbody>
          </table>
          <ul class="rule">
            {report.rule.grades.map((g) => (
              <li>{`${g.grade}: ${g.label}`}</li>
            ))}
            <li>{`${report.rule.lowest_grade.grade}: ${report.rule.lowest_grade.label}`}</li>
          </ul>
        </section>
        {report.nodes
          .filter((n) => hasContent(n))
          .map((n) => (
            <NodeSection ui={ui} node={n} level={2} />
          ))}
        {report.dataset ? (
          <p>
            {`${ui.t('reportDataset')}: `}
            <a href={`/dataset/${encodeURIComponent(report.dataset.name)}`}>
              {report.dataset.name}
            </a>
          </p>
        ) : null}
      </article>
    ),
  };
}

/** A node is worth printing when it or a descendant has a KPI or an evaluation. */
function hasContent(n: ReportNode): boolean {
  return n.kpis.length > 0 || n.evaluation !== null || n.children.some(hasContent);
}

function NodeSection(props: { ui: Ui; node: ReportNode; level: 2 | 3 | 4 }) {
  const { ui, node, level } = props;
  const H = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  const id = `r-${node.code}`;
  const next = level === 2 ? 3 : 4;
  return (
    <section aria-labelledby={id} class="report-node">
      <H id={id}>{`${node.label} ${node.title}`}</H>
      {node.evaluation ? (
        <div class="evaluation">
          <p class="evaluation-label">{ui.t('evaluation')}</p>
          <p>{node.evaluation.text}</p>
        </div>
      ) : null}
      {node.kpis.length > 0 ? <KpiTable ui={ui} node={node} /> : null}
      {node.children.filter(hasContent).map((c) => (
        <NodeSection ui={ui} node={c} level={next} />
      ))}
    </section>
  );
}

function KpiTable(props: { ui: Ui; node: ReportNode }) {
  const { ui, node } = props;
  const num = (n: number) => ui.num(n);
  return (
    <table class="data-table kpi-table">
      <caption>{`${ui.t('kpis')}: ${node.label} ${node.title}`}</caption>
      <thead>
        <tr>
          <th scope="col">{ui.t('kpi')}</th>
          <th scope="col">{ui.t('baseline')}</th>
          <th scope="col">{ui.t('target')}</th>
          <th scope="col">{ui.t('actual')}</th>
          <th scope="col">{ui.t('grade')}</th>
        </tr>
      </thead>
      <tbody>
        {node.kpis.map((k) => (
          <tr>
            <th scope="row">
              <a href={`/plan/kpi/${encodeURIComponent(k.code)}`}>{ui.pick(k.name, k.name_en)}</a>
            </th>
            <td>
              {withUnit(k.baseline.value, k.unit, num)}
              {k.baseline.year ? `（${k.baseline.year}）` : ''}
            </td>
            <td>
              {k.kind === 'qualitative'
                ? k.target.state || '—'
                : withUnit(k.evaluation.target_for_year ?? k.target.value, k.unit, num)}
            </td>
            <td>
              {k.actual.value !== null
                ? withUnit(k.actual.value, k.unit, num)
                : (k.actual.status_label ?? '—')}
            </td>
            <td>
              <Grade ui={ui} kpi={k} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
