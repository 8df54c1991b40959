import { notFound } from '../../core/errors.ts';
import type { PlanView, ReportView } from '../../plan/index.ts';
import type { KpiListItem, ReportListItem } from '../action-results.ts';
import { LineChart } from '../components/line-chart.tsx';
import type { Page, PageRequest } from '../http/page.ts';
import type { Ui } from '../i18n/ui.ts';
import {
  findKpi,
  latestPublishedYear,
  type PlanKpi,
  type ReportKpi,
  reportKpis,
  withUnit,
} from './plan-kpis.ts';

/**
 * `/plan/kpi/:id`: a KPI's definition, baseline → actual → target with its grade (from the
 * newest published report), its value computed now (computed KPIs), and the yearly trend as an
 * SVG chart with the same numbers in a table.
 * @throws AppError not_found for an unknown KPI code or id.
 */
export async function kpiPage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const ref = req.param('id');
  const [plan, years] = await Promise.all([
    req.call<PlanView>('s5_plan_show', {}),
    req.call<ReportListItem[]>('s5_report_list', {}),
  ]);
  const found = findKpi(plan.nodes, ref);
  if (!found) throw notFound('目標指標が見つかりません / KPI not found');
  const { kpi, node, pillar } = found;
  // Only a computed KPI has a value "now"; computing it is the costly part of s5_kpi_list.
  const current =
    kpi.measurement === 'computed'
      ? (
          await req.call<KpiListItem[]>('s5_kpi_list', {
            node: node.code,
            measurement: 'computed',
          })
        ).find((k) => k.code === kpi.code)?.current
      : undefined;
  const year = latestPublishedYear(years);
  const report =
    year === undefined
      ? undefined
      : await req.call<ReportView>('s5_report_show', { fiscal_year: year });
  const row = report
    ? reportKpis(report.nodes).find((x) => x.kpi.code === kpi.code)?.kpi
    : undefined;
  const num = (n: number) => ui.num(n);
  const published = (row?.trend ?? []).filter((t) => t.published);
  const plotted = published.filter((t) => t.actual !== null);
  return {
    title: ui.pick(kpi.name, kpi.name_en),
    breadcrumbs: [{ href: '/plan', label: ui.t('plan') }],
    body: (
      <div class="kpi-page">
        <p class="muted">{`${pillar.label} ${pillar.title} › ${node.label} ${node.title}`}</p>
        <ol
          class="kpi-steps"
          aria-label={`${ui.t('baseline')} → ${ui.t('actual')} → ${ui.t('target')}`}
        >
          <li>
            <span class="step-label">{ui.t('baseline')}</span>
            <span class="step-value">{withUnit(kpi.baseline.value, kpi.unit, num)}</span>
            <span class="muted">
              {kpi.baseline.year ? `${kpi.baseline.year}${ui.t('fiscalYear')}` : ''}
            </span>
          </li>
          <li>
            <span class="step-label">
              {row && year ? `${ui.t('actual')}（${year}${ui.t('fiscalYear')}）` : ui.t('actual')}
            </span>
            <span class="step-value">{actualText(row, kpi, num)}</span>
            {row ? <Grade ui={ui} kpi={row} /> : null}
          </li>
          <li>
            <span class="step-label">{ui.t('target')}</span>
            <span class="step-value">
              {kpi.kind === 'qualitative'
                ? kpi.target.state || '—'
                : withUnit(kpi.target.value, kpi.unit, num)}
            </span>
            <span class="muted">
              {kpi.target.year ? `${kpi.target.year}${ui.t('fiscalYear')}` : ''}
            </span>
          </li>
        </ol>
        {current ? (
          <p>
            {`${ui.t('currentValue')}: `}
            <strong>{withUnit(current.value ?? null, kpi.unit, num)}</strong>
            {` （${ui.t('computedAt')}: ${ui.date(current.computed_at)}）`}
          </p>
        ) : null}
        <section aria-labelledby="trend-heading">
          <h2 id="trend-heading">{ui.t('trend')}</h2>
          {plotted.length === 0 || kpi.kind === 'qualitative' ? (
            <p>{ui.t('trendNone')}</p>
          ) : (
            <LineChart
              years={(row?.trend ?? []).map((t) => t.fiscal_year)}
              actual={plotted.map((t) => ({ x: t.fiscal_year, y: t.actual }))}
              target={kpi.target.value}
              baseline={
                kpi.baseline.year !== null ? { x: kpi.baseline.year, y: kpi.baseline.value } : null
              }
              labels={{
                actual: ui.t('actual'),
                target: ui.t('target'),
                baseline: ui.t('baseline'),
                fiscalYear: ui.t('fiscalYear'),
              }}
              describedBy="trend-table-caption"
              format={num}
            />
          )}
          {published.length > 0 ? (
            <table class="data-table">
              <caption id="trend-table-caption">
                {ui.t('trendCaption', { name: ui.pick(kpi.name, kpi.name_en) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{ui.t('fiscalYear')}</th>
                  <th scope="col">{ui.t('actual')}</th>
                  <th scope="col">{ui.t('target')}</th>
                  <th scope="col">{ui.t('rate')}</th>
                  <th scope="col">{ui.t('grade')}</th>
                </tr>
              </thead>
              <tbody>
                {kpi.baseline.year !== null ? (
                  <tr>
                    <th scope="row">{`${kpi.baseline.year}（${ui.t('baseline')}）`}</th>
                    <td>{withUnit(kpi.baseline.value, kpi.unit, num)}</td>
                    <td>—</td>
                    <td>—</td>
                    <td>—</td>
                  </tr>
                ) : null}
                {published.map((t) => (
                  <tr>
                    <th scope="row">{String(t.fiscal_year)}</th>
                    <td>
                      {t.actual === null ? (t.status ?? '—') : withUnit(t.actual, kpi.unit, num)}
                    </td>
                    <td>{withUnit(t.target, kpi.unit, num)}</td>
                    <td>{t.rate_percent === null ? '—' : `${num(t.rate_percent)}%`}</td>
                    <td>{t.grade ?? ui.t('notEvaluable')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
        <section aria-labelledby="def-heading">
          <h2 id="def-heading">{ui.t('metadata')}</h2>
          <table class="meta-table">
            <caption class="visually-hidden">{ui.t('metadata')}</caption>
            <tbody>
              <tr>
                <th scope="row">{ui.t('unit')}</th>
                <td>{kpi.unit || '—'}</td>
              </tr>
              <tr>
                <th scope="row">{ui.t('measurement')}</th>
                <td>
                  {kpi.measurement === 'computed'
                    ? ui.t('measurementComputed')
                    : ui.t('measurementManual')}
                  {`（${kpi.direction === 'higher' ? ui.t('directionHigher') : ui.t('directionLower')}）`}
                </td>
              </tr>
              <tr>
                <th scope="row">{ui.t('dataSource')}</th>
                <td>{kpi.data_source || '—'}</td>
              </tr>
              <tr>
                <th scope="row">{ui.t('basis')}</th>
                <td>{kpi.basis || '—'}</td>
              </tr>
              {kpi.target.note || kpi.note ? (
                <tr>
                  <th scope="row">{ui.t('note')}</th>
                  <td>{[kpi.target.note, kpi.note].filter((x) => x).join(' ')}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </section>
        <p class="muted">
          <a href={`/api/3/action/s5_kpi_list?node=${encodeURIComponent(node.code)}`}>
            s5_kpi_list (API)
          </a>
        </p>
      </div>
    ),
  };
}

function actualText(row: ReportKpi | undefined, kpi: PlanKpi, num: (n: number) => string) {
  if (!row) return '—';
  if (row.actual.value !== null) return withUnit(row.actual.value, kpi.unit, num);
  return row.actual.status_label ?? '—';
}

/** The grade, or 評価不能 with its reason. */
export function Grade(props: { ui: Ui; kpi: ReportKpi }) {
  const e = props.kpi.evaluation;
  return e.grade ? (
    <span class={`grade grade-${e.grade.toLowerCase()}`}>
      {`${props.ui.t('grade')} ${e.grade}`}
      {e.rate_percent === null ? '' : `（${props.ui.t('rate')} ${props.ui.num(e.rate_percent)}%）`}
    </span>
  ) : (
    <span class="grade grade-none">
      {props.ui.t('notEvaluable')}
      {e.reason_message ? `：${e.reason_message}` : ''}
    </span>
  );
}
