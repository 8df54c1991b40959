import { defineAction } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { type FieldErrors, invalid, notFound } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { evaluateKpi } from '../evaluate/evaluate-kpi.ts';
import { fiscalYearOf } from '../fiscal-year.ts';
import { kpiDefinitionOf, kpiTargetsOf } from '../kpi-columns.ts';
import { checkFiscalYear, loadPlan, requireEditor } from '../load-plan.ts';
import { asStatus } from '../report/build-report-content.ts';
import { openDraft } from '../report/working-revision.ts';
import { findActiveResource } from '../repo/catalog-lookups.ts';
import { findKpi, type KpiRow } from '../repo/nodes.ts';
import { listValues, upsertValue } from '../repo/values.ts';
import { type KpiValueInput, kpiValueFields } from '../schema.ts';

export const kpiValueUpsert = defineAction({
  name: 's5_kpi_value_upsert',
  description:
    "Enter a KPI's actual value (実績値) for a fiscal year with its evidence and a comment " +
    '(editors and admins of the prefecture organization, sysadmins). Goes into the draft of the ' +
    "year's report (created on the first entry); a submitted or published year is refused. Keys " +
    'left out keep their value.\n\n' +
    ':param plan: plan name or id (optional when there is one plan)\n' +
    ':param fiscal_year: 年度, e.g. 2024\n:param kpi: KPI code or id\n' +
    ':param actual_value: number (quantitative manual KPIs; null clears it)\n' +
    ':param status: achieved, mostly_achieved, in_progress or not_started (qualitative KPIs)\n' +
    ':param evidence_note, evidence_url: the evidence (根拠)\n' +
    ':param evidence_resource_id: a catalog resource holding the evidence file (an attachment)\n' +
    ':param comment: コメント',
  input: kpiValueFields,
  readOnly: false,
  auth: 'authenticated',
  example: {
    fiscal_year: 2024,
    kpi: '3b-my-number-card-rate',
    actual_value: 73.2,
    evidence_url: 'https://www.soumu.go.jp/kojinbango_card/',
    evidence_note: '総務省公表の交付状況（2025年3月末）',
  },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const access = await loadPlan(ctx, input.plan, db);
      requireEditor(access);
      checkFiscalYear(access.plan, input.fiscal_year, fiscalYearOf(ctx.now));
      const kpi = await findKpi(db, access.plan.id, input.kpi);
      if (kpi?.state !== 'active') throw notFound('指標が見つかりません / KPI not found');
      const errors = checkValueFits(kpi, input);
      if (input.evidence_resource_id && !(await findActiveResource(db, input.evidence_resource_id)))
        errors.evidence_resource_id = ['リソースが見つかりません / Resource not found'];
      if (Object.keys(errors).length > 0) throw invalid(errors);
      const report = await openDraft(ctx, db, access, input.fiscal_year);
      const before = (await listValues(db, report.id)).find((v) => v.kpi_id === kpi.id);
      const stamp = toCkanTimestamp(ctx.now);
      const row = {
        report_id: report.id,
        kpi_id: kpi.id,
        actual_value: pick(input.actual_value, before?.actual_value, null),
        status: pick(input.status, asStatus(before?.status), null),
        evidence_note: pick(input.evidence_note, before?.evidence_note, ''),
        evidence_url: pick(input.evidence_url, before?.evidence_url, ''),
        evidence_resource_id: pick(input.evidence_resource_id, before?.evidence_resource_id, null),
        comment: pick(input.comment, before?.comment, ''),
        computed_at: null,
        updated: stamp,
        updated_by: ctx.actor.name,
      };
      await upsertValue(db, row);
      const def = kpiDefinitionOf(kpi);
      return {
        fiscal_year: input.fiscal_year,
        revision: report.revision,
        status: report.status,
        kpi: { id: kpi.id, code: kpi.code, name: kpi.name, unit: kpi.unit },
        value: {
          actual_value: row.actual_value,
          status: row.status,
          evidence_note: row.evidence_note,
          evidence_url: row.evidence_url,
          evidence_resource_id: row.evidence_resource_id,
          comment: row.comment,
          updated: row.updated,
          updated_by: row.updated_by,
        },
        evaluation:
          def.measurement === 'computed'
            ? null
            : evaluateKpi(
                kpiTargetsOf(def),
                input.fiscal_year,
                { value: row.actual_value, status: row.status, computable: true },
                access.rule,
              ),
      };
    }),
});

/** Which keys fit the KPI: s5 computes computed KPIs; quantitative take numbers, qualitative a status. */
function checkValueFits(kpi: KpiRow, input: KpiValueInput): FieldErrors {
  const errors: FieldErrors = {};
  const given = (v: unknown) => v !== undefined && v !== null;
  if (kpi.measurement === 'computed') {
    for (const key of ['actual_value', 'status'] as const)
      if (given(input[key]))
        errors[key] = ['この指標は s5 が自動算出します / s5 computes this KPI itself'];
    return errors;
  }
  if (kpi.kind === 'quantitative' && given(input.status))
    errors.status = ['定量指標には実績値を入力します / A quantitative KPI takes actual_value'];
  if (kpi.kind === 'qualitative' && given(input.actual_value))
    errors.actual_value = ['定性指標には達成状況を入力します / A qualitative KPI takes status'];
  return errors;
}

function pick<T>(given: T | undefined, stored: T | undefined, fallback: T): T {
  if (given !== undefined) return given;
  return stored === undefined ? fallback : stored;
}
