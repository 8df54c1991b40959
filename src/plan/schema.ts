import { z } from 'zod';
import { ckanInt, text } from '../core/ckan-params.ts';
import { QUALITATIVE_STATUSES } from './evaluate/evaluation-rule.ts';

/** The plan, by name or id; may be left out when the site has one plan. */
export const planParam = z.string().min(1).max(200).optional();

/** 年度, e.g. 2024 for April 2024 – March 2025. */
export const fiscalYearParam = ckanInt(1900, 2200);

/** A node or KPI by code or id. */
export const refParam = z.string({ error: 'Missing value' }).min(1, 'Missing value').max(200);

/** Why a change was made; recorded in the plan's history or the report's. */
export const reasonParam = text(2000).min(1, 'Missing value');

/** Input of `s5_kpi_value_upsert`: keys left out keep their stored value. */
export const kpiValueFields = z.strictObject({
  plan: planParam,
  fiscal_year: fiscalYearParam,
  kpi: refParam,
  actual_value: z
    .preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v === '' ? null : v),
      z.number({ error: 'must be a number' }).finite().nullable(),
    )
    .optional(),
  status: z.enum(QUALITATIVE_STATUSES).nullable().optional(),
  evidence_note: text(10_000).optional(),
  evidence_url: z
    .union([z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }), z.literal('')])
    .optional(),
  evidence_resource_id: z.string().max(100).nullable().optional(),
  comment: text(10_000).optional(),
});
export type KpiValueInput = z.output<typeof kpiValueFields>;
