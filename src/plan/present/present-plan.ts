import { fiscalYearTitle } from '../fiscal-year.ts';
import { kpiDefinitionOf } from '../kpi-columns.ts';
import type { PlanAccess } from '../load-plan.ts';
import { nestNodes } from '../node-tree.ts';
import type { KpiRow, NodeRow } from '../repo/nodes.ts';
import type { PlanRevisionRow, PlanRow } from '../repo/plans.ts';

/** A plan as listed: who owns it, its period and version. */
export function presentPlanSummary(plan: PlanRow, org: PlanAccess['org']) {
  return {
    id: plan.id,
    name: plan.name,
    title: plan.title,
    title_en: plan.title_en,
    organization: org,
    period: {
      from: plan.period_from,
      to: plan.period_to,
      label: `${fiscalYearTitle(plan.period_from)}〜${fiscalYearTitle(plan.period_to)}`,
    },
    adopted: plan.adopted,
    version: plan.version,
    modified: plan.modified,
  };
}

/** A KPI definition as shown with the plan (no values: those belong to a year's report). */
export function presentKpiDefinition(row: KpiRow) {
  return {
    id: row.id,
    ...kpiDefinitionOf(row),
    origin: row.origin,
    state: row.state,
    modified: row.modified,
  };
}

/** One version of the plan: a 見直し (revision), the adoption, or a recorded change. */
export function presentRevision(r: PlanRevisionRow) {
  let changes: unknown = [];
  try {
    changes = JSON.parse(r.changes);
  } catch {
    changes = [];
  }
  return {
    version: r.version,
    kind: r.kind,
    date: r.date,
    reason: r.reason,
    changes,
    actor: r.actor,
    created: r.created,
  };
}

/** The whole plan: its text, structure with KPI definitions, evaluation rule and history. */
export function presentPlan(
  access: PlanAccess,
  nodes: readonly NodeRow[],
  kpis: readonly KpiRow[],
  revisions: readonly PlanRevisionRow[],
) {
  const { plan } = access;
  const kpisOf = new Map<string, KpiRow[]>();
  for (const k of kpis) kpisOf.set(k.node_id, [...(kpisOf.get(k.node_id) ?? []), k]);
  return {
    ...presentPlanSummary(plan, access.org),
    basic_principle: plan.basic_principle,
    description: plan.description,
    office: plan.office,
    source: plan.source,
    evaluation_rule: access.rule,
    revisions: revisions.map(presentRevision),
    kpi_count: kpis.length,
    nodes: nestNodes(nodes, (n) => ({
      id: n.id,
      code: n.code,
      kind: n.kind,
      label: n.label,
      title: n.title,
      heading: n.heading,
      body: n.body,
      kpis: (kpisOf.get(n.id) ?? []).map(presentKpiDefinition),
    })),
  };
}

/** What `s5_plan_show` returns. */
export type PlanView = ReturnType<typeof presentPlan>;
