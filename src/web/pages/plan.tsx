import type { PlanView } from '../../plan/index.ts';
import type { ReportListItem } from '../action-results.ts';
import type { Page, PageRequest } from '../http/page.ts';
import type { Ui } from '../i18n/ui.ts';

type PlanNode = PlanView['nodes'][number];

/** `/plan`: the plan's text, its tree of pillars → measures → initiatives with KPIs, and reports. */
export async function planPage(req: PageRequest): Promise<Page> {
  const { ui } = req;
  const [plan, reports] = await Promise.all([
    req.call<PlanView>('s5_plan_show', {}),
    req.call<ReportListItem[]>('s5_report_list', {}),
  ]);
  return {
    title: ui.pick(plan.title, plan.title_en),
    description: ui.t('planIntro'),
    body: (
      <div class="plan-page">
        <table class="meta-table">
          <caption class="visually-hidden">{ui.t('metadata')}</caption>
          <tbody>
            <tr>
              <th scope="row">{ui.t('planPeriod')}</th>
              <td>{plan.period.label}</td>
            </tr>
            <tr>
              <th scope="row">{ui.t('basicPrinciple')}</th>
              <td>{plan.basic_principle}</td>
            </tr>
            <tr>
              <th scope="row">{ui.t('publisher')}</th>
              <td>{`${plan.organization?.title ?? ''} ${plan.office}`}</td>
            </tr>
          </tbody>
        </table>
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading">{ui.t('reports')}</h2>
          <ul class="report-years">
            {reports.map((r) => (
              <li>
                {r.published_revision !== null ? (
                  <a href={`/plan/report/${r.fiscal_year}`}>
                    {`${ui.pick(r.fiscal_year_label.ja, r.fiscal_year_label.en)}（${r.fiscal_year_label.era}）`}
                  </a>
                ) : (
                  <span>{`${ui.pick(r.fiscal_year_label.ja, r.fiscal_year_label.en)}（${r.fiscal_year_label.era}）`}</span>
                )}
                <span class="muted">
                  {` ${r.published_revision !== null ? ui.t('reportPublished') : ui.t('reportNotPublished')}`}
                </span>
              </li>
            ))}
          </ul>
        </section>
        {plan.nodes.map((n) => (
          <PillarSection ui={ui} node={n} />
        ))}
      </div>
    ),
  };
}

function KpiLinks(props: { ui: Ui; node: PlanNode }) {
  const { ui, node } = props;
  if (node.kpis.length === 0) return null;
  return (
    <ul class="kpi-links">
      {node.kpis.map((k) => (
        <li>
          <span class="kpi-tag">{ui.t('kpi')}</span>
          <a href={`/plan/kpi/${encodeURIComponent(k.code)}`}>{ui.pick(k.name, k.name_en)}</a>
        </li>
      ))}
    </ul>
  );
}

function PillarSection(props: { ui: Ui; node: PlanNode }) {
  const { ui, node } = props;
  const id = `node-${node.code}`;
  return (
    <section aria-labelledby={id} class="pillar">
      <h2 id={id}>{`${node.label} ${node.title}`}</h2>
      {node.body ? <p>{node.body}</p> : null}
      <KpiLinks ui={ui} node={node} />
      {node.children.map((m) => (
        <div class="measure">
          <h3 id={`node-${m.code}`}>{`${m.label} ${m.title}`}</h3>
          {m.body ? <p>{m.body}</p> : null}
          <KpiLinks ui={ui} node={m} />
          {m.children.length > 0 ? (
            <ul class="initiatives">
              {m.children.map((i) => (
                <li>
                  {i.title}
                  <KpiLinks ui={ui} node={i} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}
