/**
 * The named queries a computed KPI may use. Each is implemented and tested in
 * `repo/computed-kpis.ts`; a KPI names one in its `query` field.
 */
export const COMPUTED_QUERY_NAMES = [
  'municipalities_publishing',
  'municipalities_publishing_share',
  'standard_dataset_publishers',
  'standard_dataset_conforming',
  'datasets_published',
  'resources_published',
  'datasets_fresh_share',
] as const;
export type ComputedQueryName = (typeof COMPUTED_QUERY_NAMES)[number];

/** True when `name` is one of the computed queries. */
export function isComputedQueryName(name: string): name is ComputedQueryName {
  return (COMPUTED_QUERY_NAMES as readonly string[]).includes(name);
}

/** What a computed query says: a value (optionally broken down), or why it cannot say yet. */
export type ComputedResult =
  | {
      computable: true;
      value: number;
      /** Numerator and denominator of a share, or a per-item breakdown. */
      detail?: Record<string, number>;
    }
  | { computable: false; reason: string };
