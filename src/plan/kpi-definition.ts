import { z } from 'zod';
import { text } from '../core/ckan-params.ts';
import type { FieldErrors } from '../core/errors.ts';
import { isComputedQueryName } from './computed-queries.ts';

const fiscalYear = z.number().int('must be a whole year').min(1900).max(2200);
const amount = z.number({ error: 'must be a number' }).finite();

/** Stable code of a KPI or node: letters, digits, `.`, `-`, `_` (e.g. `4a-datasets-published`). */
export const planCode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'must be letters, digits, ".", "-" or "_"');

/** The fields of a KPI definition, all optional: the shape of `s5_kpi_update`. */
export const KpiFields = z.strictObject({
  name: text(500).min(1, 'Missing value'),
  name_en: text(500),
  unit: text(50),
  direction: z.enum(['higher', 'lower']),
  kind: z.enum(['quantitative', 'qualitative']),
  measurement: z.enum(['manual', 'computed']),
  query: text(100).nullable(),
  baseline: z.strictObject({
    year: fiscalYear.nullable().optional(),
    value: amount.nullable().optional(),
  }),
  target: z.strictObject({
    year: fiscalYear.nullable().optional(),
    value: amount.nullable().optional(),
    /** Qualitative KPIs: the state to reach. */
    state: text(1000).optional(),
    /** Why there is no figure, shown on the page (e.g. the plan names none). */
    note: text(2000).optional(),
  }),
  interim_targets: z.record(z.string().regex(/^\d{4}$/, 'must be a fiscal year'), amount),
  data_source: text(1000),
  basis: text(2000),
  note: text(2000),
});
export type KpiFields = z.output<typeof KpiFields>;

/** A KPI as given in a seed file or to `s5_kpi_create`: a code, a name, anything else optional. */
export const KpiDefinitionInput = KpiFields.partial().extend({
  code: planCode,
  name: text(500).min(1, 'Missing value'),
});
export type KpiDefinitionInput = z.output<typeof KpiDefinitionInput>;

/** A complete KPI definition (defaults filled in). */
export interface KpiDefinition {
  code: string;
  name: string;
  name_en: string;
  unit: string;
  direction: 'higher' | 'lower';
  kind: 'quantitative' | 'qualitative';
  measurement: 'manual' | 'computed';
  query: string | null;
  baseline: { year: number | null; value: number | null };
  target: { year: number | null; value: number | null; state: string; note: string };
  interim_targets: Record<string, number>;
  data_source: string;
  basis: string;
  note: string;
}

/** Fills the defaults of a KPI definition: manual, quantitative, higher is better, no figures. */
export function completeKpiDefinition(input: KpiDefinitionInput): KpiDefinition {
  return {
    code: input.code,
    name: input.name,
    name_en: input.name_en ?? '',
    unit: input.unit ?? '',
    direction: input.direction ?? 'higher',
    kind: input.kind ?? 'quantitative',
    measurement: input.measurement ?? 'manual',
    query: input.query ?? null,
    baseline: { year: input.baseline?.year ?? null, value: input.baseline?.value ?? null },
    target: {
      year: input.target?.year ?? null,
      value: input.target?.value ?? null,
      state: input.target?.state ?? '',
      note: input.target?.note ?? '',
    },
    interim_targets: input.interim_targets ?? {},
    data_source: input.data_source ?? '',
    basis: input.basis ?? '',
    note: input.note ?? '',
  };
}

/**
 * Rules across fields, as CKAN-style field errors (empty when the definition is sound): a
 * computed KPI names a known query, a manual one none; a qualitative KPI has no figures; interim
 * targets and years lie in the plan period.
 */
export function checkKpiDefinition(
  def: KpiDefinition,
  period: { from: number; to: number },
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  if (def.measurement === 'computed' && !(def.query && isComputedQueryName(def.query)))
    add('query', `unknown computed query: ${def.query ?? '(none)'}`);
  if (def.measurement === 'manual' && def.query !== null)
    add('query', 'only computed KPIs name a query');
  if (def.kind === 'qualitative') {
    if (def.baseline.value !== null || def.target.value !== null)
      add('kind', 'a qualitative KPI has a target state, not figures');
    if (Object.keys(def.interim_targets).length > 0)
      add('interim_targets', 'a qualitative KPI has no interim figures');
  }
  for (const year of Object.keys(def.interim_targets).map(Number))
    if (year < period.from || year > period.to)
      add('interim_targets', `${year} is outside the plan period ${period.from}–${period.to}`);
  if (def.target.year !== null && (def.target.year < period.from || def.target.year > period.to))
    add('target', `target year ${def.target.year} is outside the plan period`);
  if (def.baseline.value !== null && def.baseline.year === null)
    add('baseline', 'a baseline value needs its year');
  return errors;
}
