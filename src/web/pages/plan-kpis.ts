import type { PlanView, ReportView } from '../../plan/index.ts';

type ReportNode = ReportView['nodes'][number];
export type ReportKpi = ReportNode['kpis'][number];

/** Every KPI of a report in document order, each with the node it belongs to. */
export function reportKpis(
  nodes: readonly ReportNode[],
): Array<{ kpi: ReportKpi; node: ReportNode }> {
  const out: Array<{ kpi: ReportKpi; node: ReportNode }> = [];
  const walk = (list: readonly ReportNode[]) => {
    for (const node of list) {
      for (const kpi of node.kpis) out.push({ kpi, node });
      walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** The newest fiscal year with a published report, if any. */
export function latestPublishedYear(
  years: ReadonlyArray<{ fiscal_year: number; published_revision: number | null }>,
): number | undefined {
  const published = years.filter((y) => y.published_revision !== null).map((y) => y.fiscal_year);
  return published.length > 0 ? Math.max(...published) : undefined;
}

/** A value with its unit (`73.2%`, `120 市町村`), or a dash. */
export function withUnit(
  value: number | null | undefined,
  unit: string,
  num: (n: number) => string,
) {
  if (value === null || value === undefined) return '—';
  if (unit === '%' || unit === '％') return `${num(value)}%`;
  return unit ? `${num(value)} ${unit}` : num(value);
}

type PlanNode = PlanView['nodes'][number];
export type PlanKpi = PlanNode['kpis'][number];

/** A KPI of the plan by code or id, with its node and the pillar above it. */
export function findKpi(
  roots: readonly PlanNode[],
  ref: string,
): { kpi: PlanKpi; node: PlanNode; pillar: PlanNode } | undefined {
  const walk = (
    nodes: readonly PlanNode[],
    pillar: PlanNode | null,
  ): { kpi: PlanKpi; node: PlanNode; pillar: PlanNode } | undefined => {
    for (const node of nodes) {
      const kpi = node.kpis.find((k) => k.code === ref || k.id === ref);
      if (kpi) return { kpi, node, pillar: pillar ?? node };
      const found = walk(node.children, pillar ?? node);
      if (found) return found;
    }
    return undefined;
  };
  return walk(roots, null);
}
