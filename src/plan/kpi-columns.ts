import type { KpiTargets } from './evaluate/evaluate-kpi.ts';
import type { KpiDefinition } from './kpi-definition.ts';
import type { KpiRow } from './repo/nodes.ts';

/** The stored columns of a KPI definition (everything but ids, node, position and bookkeeping). */
export function kpiColumns(def: KpiDefinition) {
  const interim = Object.fromEntries(
    Object.entries(def.interim_targets).sort(([a], [b]) => a.localeCompare(b)),
  );
  return {
    code: def.code,
    name: def.name,
    name_en: def.name_en,
    unit: def.unit,
    direction: def.direction,
    kind: def.kind,
    measurement: def.measurement,
    query: def.query,
    baseline_year: def.baseline.year,
    baseline_value: def.baseline.value,
    target_year: def.target.year,
    target_value: def.target.value,
    target_state: def.target.state,
    target_note: def.target.note,
    interim_targets: JSON.stringify(interim),
    data_source: def.data_source,
    basis: def.basis,
    note: def.note,
  };
}

/** The definition a stored KPI row holds. */
export function kpiDefinitionOf(row: KpiRow): KpiDefinition {
  return {
    code: row.code,
    name: row.name,
    name_en: row.name_en,
    unit: row.unit,
    direction: row.direction === 'lower' ? 'lower' : 'higher',
    kind: row.kind === 'qualitative' ? 'qualitative' : 'quantitative',
    measurement: row.measurement === 'computed' ? 'computed' : 'manual',
    query: row.query,
    baseline: { year: numOrNull(row.baseline_year), value: numOrNull(row.baseline_value) },
    target: {
      year: numOrNull(row.target_year),
      value: numOrNull(row.target_value),
      state: row.target_state,
      note: row.target_note,
    },
    interim_targets: parseInterim(row.interim_targets),
    data_source: row.data_source,
    basis: row.basis,
    note: row.note,
  };
}

/** What grading needs from a definition. */
export function kpiTargetsOf(def: KpiDefinition): KpiTargets {
  return {
    kind: def.kind,
    direction: def.direction,
    baseline_year: def.baseline.year,
    baseline_value: def.baseline.value,
    target_year: def.target.year,
    target_value: def.target.value,
    interim_targets: def.interim_targets,
  };
}

/** Names of the columns whose stored value differs from the definition's. */
export function changedKpiColumns(row: KpiRow, def: KpiDefinition): string[] {
  const wanted = kpiColumns(def);
  const stored = kpiColumns(kpiDefinitionOf(row));
  return (Object.keys(wanted) as Array<keyof typeof wanted>).filter((k) => wanted[k] !== stored[k]);
}

function numOrNull(v: number | null): number | null {
  return v === null ? null : Number(v);
}

function parseInterim(json: string): Record<string, number> {
  const parsed: unknown = JSON.parse(json);
  const out: Record<string, number> = {};
  if (typeof parsed === 'object' && parsed !== null)
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number') out[k] = v;
  return out;
}
