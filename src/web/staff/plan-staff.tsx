import { badRequest, notFound } from '../../core/errors.ts';
import type { ReportView } from '../../plan/index.ts';
import type { PrivatePage } from '../auth/send-private-page.tsx';
import type { StaffRequest, StaffResult } from '../auth/staff-route.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { DoneNote, FormErrors, fieldErrorsOf } from './form-parts.tsx';
import { NodeEntry, type Pending, type Step, Workflow } from './plan-entry-parts.tsx';
import type { PlanSummary, StaffReportListItem } from './staff-results.ts';

/** Workflow steps a form may ask for, and the action of each. */
const STEPS: Record<Step, string> = {
  submit: 's5_report_submit',
  review: 's5_report_review',
  publish: 's5_report_publish',
  return: 's5_report_return',
};

function isStep(step: string): step is Step {
  return Object.hasOwn(STEPS, step);
}

function statusKey(status: string): MessageKey {
  switch (status) {
    case 'draft':
      return 'reportDraft';
    case 'submitted':
      return 'reportSubmitted';
    case 'reviewed':
      return 'reportReviewed';
    case 'published':
      return 'reportPublished';
    case 'superseded':
      return 'reportSuperseded';
    default:
      return 'reportNotStarted';
  }
}

function yearOf(req: StaffRequest): number {
  const year = Number(req.param('year'));
  if (!Number.isInteger(year)) throw notFound('年度が正しくありません / Not a fiscal year');
  return year;
}

/** Reviewers: sysadmins and admins of the plan's organization (as src/plan/policy.ts says). */
function mayReview(req: StaffRequest, orgId: string | undefined): boolean {
  return (
    req.actor.sysadmin || (orgId !== undefined && req.actor.memberships.get(orgId) === 'admin')
  );
}

/** `/staff/plan`: the plan's fiscal years with the state of each year's report. */
export async function planYearsPage(req: StaffRequest): Promise<StaffResult> {
  const { ui } = req;
  const [plans, years] = await Promise.all([
    req.call<PlanSummary[]>('s5_plan_list', {}),
    req.call<StaffReportListItem[]>('s5_report_list', {}),
  ]);
  const plan = plans[0];
  if (!years.some((y) => 'working_revision' in y))
    return {
      title: ui.t('planStaff'),
      status: 403,
      body: <p>{ui.t('planNoRights')}</p>,
    };
  return {
    title: ui.t('planStaff'),
    breadcrumbs: [{ href: '/staff', label: ui.t('staffHome') }],
    body: (
      <div>
        {plan ? <p>{ui.pick(plan.title, plan.title_en)}</p> : null}
        <table class="data-table">
          <caption>{ui.t('reports')}</caption>
          <thead>
            <tr>
              <th scope="col">{ui.t('fiscalYear')}</th>
              <th scope="col">{ui.t('status')}</th>
              <th scope="col">{ui.t('publishedRevision')}</th>
            </tr>
          </thead>
          <tbody>
            {[...years].reverse().map((y) => (
              <tr>
                <td>
                  <a href={`/staff/plan/${y.fiscal_year}`}>
                    {ui.pick(y.fiscal_year_label.ja, y.fiscal_year_label.en)}
                  </a>
                </td>
                <td>{ui.t(statusKey(y.status))}</td>
                <td>
                  {y.published_revision === null ? (
                    '—'
                  ) : (
                    <a href={`/plan/report/${y.fiscal_year}`}>
                      {ui.t('revisionN', { n: y.published_revision })}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ),
  };
}

async function entryPage(req: StaffRequest, pending?: Pending): Promise<PrivatePage> {
  const { ui } = req;
  const year = yearOf(req);
  const report = await req.call<ReportView>('s5_report_show', { fiscal_year: year });
  const editable = report.status === 'not_started' || report.status === 'draft';
  const reviewer = mayReview(req, report.plan.organization?.id);
  const label = ui.pick(report.fiscal_year_label.ja, report.fiscal_year_label.en);
  const base = `/staff/plan/${year}`;
  return {
    title: ui.t('planEntryTitle', { year: label }),
    status: pending ? 400 : 200,
    breadcrumbs: [
      { href: '/staff', label: ui.t('staffHome') },
      { href: '/staff/plan', label: ui.t('planStaff') },
    ],
    body: (
      <div>
        <DoneNote
          ui={ui}
          done={req.query('done')}
          messages={{
            kpi: ui.t('kpiSaved'),
            evaluation: ui.t('evaluationSaved'),
            submit: ui.t('reportStepDone_submit'),
            review: ui.t('reportStepDone_review'),
            publish: ui.t('reportStepDone_publish'),
            return: ui.t('reportStepDone_return'),
          }}
        />
        {pending ? <FormErrors ui={ui} errors={pending.errors} /> : null}
        <section aria-labelledby="workflow-heading">
          <h2 id="workflow-heading">{ui.t('workflow')}</h2>
          <p>
            {`${ui.t('status')}: ${ui.t(statusKey(report.status))}`}
            {report.revision ? ` (${ui.t('revisionN', { n: report.revision })})` : ''}
          </p>
          <Workflow
            ui={ui}
            csrf={req.csrf}
            base={base}
            status={report.status}
            reviewer={reviewer}
          />
          {report.status === 'published' ? (
            <p>
              <a href={`/plan/report/${year}`}>{ui.t('viewPublishedReport')}</a>
            </p>
          ) : null}
        </section>
        {editable ? <p>{ui.t('planEntryIntro')}</p> : <p>{ui.t('planLocked')}</p>}
        {report.nodes.map((n) => (
          <NodeEntry
            ui={ui}
            csrf={req.csrf}
            base={base}
            node={n}
            level={2}
            editable={editable}
            pending={pending}
          />
        ))}
      </div>
    ),
  };
}

/** `GET /staff/plan/:year`: enter KPI actuals and evaluations; move the year through review. */
export function planEntryGet(req: StaffRequest): Promise<StaffResult> {
  return entryPage(req);
}

/** `POST /staff/plan/:year/kpi`: s5_kpi_value_upsert of one KPI. */
export async function kpiValueSave(req: StaffRequest): Promise<StaffResult> {
  const year = yearOf(req);
  const kpi = req.field('kpi');
  const values: Record<string, string> = {};
  for (const key of ['actual_value', 'status', 'evidence_url', 'evidence_note', 'comment'])
    if (key in req.form) values[key] = req.field(key);
  try {
    await req.call('s5_kpi_value_upsert', {
      fiscal_year: year,
      kpi,
      ...values,
      ...('status' in values ? { status: values.status === '' ? null : values.status } : {}),
    });
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    return entryPage(req, { kpi, values, errors });
  }
  return { redirect: `/staff/plan/${year}?done=kpi#kpi-${encodeURIComponent(kpi)}` };
}

/** `POST /staff/plan/:year/evaluation`: s5_evaluation_update of one node. */
export async function evaluationSave(req: StaffRequest): Promise<StaffResult> {
  const year = yearOf(req);
  const node = req.field('node');
  const text = typeof req.form.text === 'string' ? req.form.text : '';
  try {
    await req.call('s5_evaluation_update', { fiscal_year: year, node, text });
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    return entryPage(req, { node, values: { text }, errors });
  }
  return { redirect: `/staff/plan/${year}?done=evaluation#node-${encodeURIComponent(node)}` };
}

/** `POST /staff/plan/:year/step`: submit, review, publish or return the year's report. */
export async function reportStep(req: StaffRequest): Promise<StaffResult> {
  const year = yearOf(req);
  const step = req.field('step');
  if (!isStep(step)) throw badRequest('Unknown step');
  const action = STEPS[step];
  try {
    await req.call(action, { fiscal_year: year, note: req.field('note') });
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    return entryPage(req, { values: {}, errors });
  }
  return { redirect: `/staff/plan/${year}?done=${step}` };
}
