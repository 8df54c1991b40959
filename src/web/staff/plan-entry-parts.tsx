import type { FieldErrors } from '../../core/errors.ts';
import type { ReportView } from '../../plan/index.ts';
import type { Ui } from '../i18n/ui.ts';
import { CsrfField, TextArea, TextField } from './form-parts.tsx';

type ReportNode = ReportView['nodes'][number];
type ReportKpi = ReportNode['kpis'][number];

/** 達成状況 of a qualitative KPI (src/plan's QUALITATIVE_STATUSES). */
const STATUSES = ['achieved', 'mostly_achieved', 'in_progress', 'not_started'] as const;

/** Steps of a year's report: draft → submitted → reviewed → published, or back to draft. */
export type Step = 'submit' | 'review' | 'publish' | 'return';

/** A KPI form submitted with errors: shown again with what was typed. */
export interface Pending {
  kpi?: string;
  node?: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The workflow buttons the report's state allows (review steps only for reviewers). */
export function Workflow(props: {
  ui: Ui;
  csrf: string;
  base: string;
  status: string;
  reviewer: boolean;
}) {
  const { ui, csrf, base, status, reviewer } = props;
  const steps: Step[] = [];
  if (status === 'draft') steps.push('submit');
  if (reviewer && status === 'submitted') steps.push('review', 'return');
  if (reviewer && status === 'reviewed') steps.push('publish', 'return');
  if (steps.length === 0) return null;
  return (
    <form class="staff-form" method="post" action={`${base}/step`}>
      <CsrfField token={csrf} />
      <TextField
        id="step-note"
        name="note"
        label={ui.t('workflowNote')}
        hint={ui.t('workflowNoteHint')}
      />
      <ul class="actions">
        {steps.map((s) => (
          <li>
            <button type="submit" name="step" value={s} class={s === 'return' ? 'secondary' : ''}>
              {ui.t(`reportStep_${s}`)}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}

/** A plan node: its evaluation form (or text once locked), its KPIs, then its children. */
export function NodeEntry(props: {
  ui: Ui;
  csrf: string;
  base: string;
  node: ReportNode;
  level: number;
  editable: boolean;
  pending: Pending | undefined;
}) {
  const { ui, csrf, base, node, level, editable, pending } = props;
  const Heading = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  const mine = pending?.node === node.code ? pending : undefined;
  const evaluation = mine?.values.text ?? node.evaluation?.text ?? '';
  return (
    <section aria-labelledby={`node-${node.code}`}>
      <Heading id={`node-${node.code}`}>{node.heading || `${node.label} ${node.title}`}</Heading>
      {editable ? (
        <form class="staff-form" method="post" action={`${base}/evaluation`}>
          <CsrfField token={csrf} />
          <input type="hidden" name="node" value={node.code} />
          <TextArea
            id={`eval-${node.code}`}
            name="text"
            label={ui.t('evaluationOf', { node: node.label })}
            value={evaluation}
            rows={3}
            error={mine?.errors.text}
          />
          <p>
            <button type="submit" class="secondary">
              {ui.t('saveEvaluation')}
            </button>
          </p>
        </form>
      ) : node.evaluation ? (
        <p>{node.evaluation.text}</p>
      ) : null}
      {node.kpis.map((k) => (
        <KpiEntry ui={ui} csrf={csrf} base={base} kpi={k} editable={editable} pending={pending} />
      ))}
      {node.children.map((child) => (
        <NodeEntry
          ui={ui}
          csrf={csrf}
          base={base}
          node={child}
          level={Math.min(level + 1, 4)}
          editable={editable}
          pending={pending}
        />
      ))}
    </section>
  );
}

/** One KPI's entry form (actual or status, evidence, comment); read-only when locked or computed. */
function KpiEntry(props: {
  ui: Ui;
  csrf: string;
  base: string;
  kpi: ReportKpi;
  editable: boolean;
  pending: Pending | undefined;
}) {
  const { ui, csrf, base, kpi, editable } = props;
  const mine = props.pending?.kpi === kpi.code ? props.pending : undefined;
  const a = kpi.actual;
  const id = `kpi-${kpi.code}`;
  const value = (field: string, stored: string) => mine?.values[field] ?? stored;
  const name = ui.pick(kpi.name, kpi.name_en);
  const shown = a.value === null ? (a.status_label ?? '—') : `${a.value}${kpi.unit}`;
  if (kpi.measurement === 'computed' || !editable) {
    return (
      <div class="kpi-entry" id={id}>
        <p>
          <strong>{name}</strong>
          {` ${ui.t('actual')}: ${shown}`}
          {kpi.measurement === 'computed' ? ` (${ui.t('measurementComputed')})` : ''}
        </p>
      </div>
    );
  }
  const err = mine?.errors;
  return (
    <form class="staff-form kpi-entry" id={id} method="post" action={`${base}/kpi`}>
      <CsrfField token={csrf} />
      <input type="hidden" name="kpi" value={kpi.code} />
      <p>
        <strong>{name}</strong>
        {` ${ui.t('target')}: ${kpi.target.value ?? '—'}${kpi.unit}`}
      </p>
      {kpi.kind === 'quantitative' ? (
        <TextField
          id={`${id}-value`}
          name="actual_value"
          type="number"
          step="any"
          label={`${ui.t('actual')}${kpi.unit ? `（${kpi.unit}）` : ''}`}
          value={value('actual_value', a.value === null ? '' : String(a.value))}
          error={err?.actual_value}
        />
      ) : (
        <p class="field">
          <label for={`${id}-status`}>{ui.t('achievementStatus')}</label>
          <select id={`${id}-status`} name="status">
            <option value="">—</option>
            {STATUSES.map((s) => (
              <option value={s} selected={value('status', a.status ?? '') === s}>
                {ui.t(`kpiStatus_${s}`)}
              </option>
            ))}
          </select>
        </p>
      )}
      <TextField
        id={`${id}-url`}
        name="evidence_url"
        type="url"
        label={ui.t('evidenceUrl')}
        value={value('evidence_url', a.evidence_url)}
        error={err?.evidence_url}
      />
      <TextField
        id={`${id}-note`}
        name="evidence_note"
        label={ui.t('evidenceNote')}
        value={value('evidence_note', a.evidence_note)}
        error={err?.evidence_note}
      />
      <TextField
        id={`${id}-comment`}
        name="comment"
        label={ui.t('comment')}
        value={value('comment', a.comment)}
        error={err?.comment}
      />
      <p>
        <button type="submit">
          {ui.t('save')}
          <span class="visually-hidden">{ui.t('saveKpiNamed', { name })}</span>
        </button>
      </p>
    </form>
  );
}
