import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notFound } from '../../core/errors.ts';
import { fiscalYearOf } from '../fiscal-year.ts';
import { checkFiscalYear, loadPlan } from '../load-plan.ts';
import { nestNodes } from '../node-tree.ts';
import { presentKpiDefinition } from '../present/present-plan.ts';
import { computeKpis, showReport } from '../report/load-report.ts';
import { listKpis, listNodes } from '../repo/nodes.ts';
import { fiscalYearParam, planParam, refParam } from '../schema.ts';

interface Place {
  id: string;
  code: string;
  label: string;
  title: string;
}

export const kpiList = defineAction({
  name: 's5_kpi_list',
  description:
    'List the KPIs (目標指標) of the plan in its order, each with its node and pillar. Without ' +
    'fiscal_year: the definitions, and for computed KPIs their value computed from the catalog ' +
    "now. With fiscal_year: that year's report rows (actual, rate, grade, series) as the caller " +
    'may see them.\n\n:param plan: plan name or id (optional when there is one plan)\n' +
    ':param fiscal_year: 年度 (optional)\n:param node: only KPIs under this node (code or id)\n' +
    ':param measurement: manual or computed',
  input: z.strictObject({
    plan: planParam,
    fiscal_year: fiscalYearParam.optional(),
    node: refParam.optional(),
    measurement: z.enum(['manual', 'computed']).optional(),
  }),
  readOnly: true,
  auth: 'anyone',
  example: { node: '4a', measurement: 'computed' },
  run: async (ctx, input) => {
    const access = await loadPlan(ctx, input.plan);
    const keep = (k: { measurement: string }) =>
      input.measurement === undefined || k.measurement === input.measurement;
    if (input.fiscal_year !== undefined) {
      checkFiscalYear(access.plan, input.fiscal_year, fiscalYearOf(ctx.now));
      const view = await showReport(ctx, access, input.fiscal_year);
      return placed(view.nodes, input.node).flatMap(({ node, pillar }) =>
        node.kpis.filter(keep).map((k) => ({ ...k, node: place(node), pillar: place(pillar) })),
      );
    }
    const [nodes, kpis, computed] = await Promise.all([
      listNodes(ctx.db, access.plan.id),
      listKpis(ctx.db, access.plan.id),
      computeKpis(ctx.db, access, ctx.now),
    ]);
    const tree = nestNodes(nodes, (n) => ({
      ...place(n),
      kpis: kpis.filter((k) => k.node_id === n.id),
    }));
    return placed(tree, input.node).flatMap(({ node, pillar }) =>
      node.kpis.filter(keep).map((k) => {
        const result = computed.results.get(k.id);
        return {
          ...presentKpiDefinition(k),
          node: place(node),
          pillar: place(pillar),
          current: result ? { ...result, computed_at: computed.at } : null,
        };
      }),
    );
  },
});

function place(n: Place): Place {
  return { id: n.id, code: n.code, label: n.label, title: n.title };
}

/**
 * Every node in document order with its top-level ancestor, limited to the subtree of `ref`.
 * @throws AppError not_found when `ref` names no node.
 */
function placed<T extends Place & { children: T[] }>(
  roots: readonly T[],
  ref: string | undefined,
): Array<{ node: T; pillar: T }> {
  const out: Array<{ node: T; pillar: T; inside: boolean }> = [];
  const walk = (nodes: readonly T[], pillar: T | null, inside: boolean) => {
    for (const n of nodes) {
      const here = inside || ref === undefined || n.code === ref || n.id === ref;
      out.push({ node: n, pillar: pillar ?? n, inside: here });
      walk(n.children, pillar ?? n, here);
    }
  };
  walk(roots, null, false);
  const selected = out.filter((x) => x.inside);
  if (ref !== undefined && selected.length === 0)
    throw notFound('ノードが見つかりません / Node not found');
  return selected;
}
