import { z } from 'zod';
import { EvaluationRule } from '../evaluate/evaluation-rule.ts';
import { KpiDefinitionInput, planCode } from '../kpi-definition.ts';

/** Kinds of plan node: 施策の柱, 喫緊の取組 (a group outside the pillars), 施策, 主な取組. */
export const NODE_KINDS = ['pillar', 'urgent', 'measure', 'initiative'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** A node of the plan file, with its KPIs and children; documented in seed/README.md ("Plan"). */
export interface NodeSeed {
  code: string;
  kind: NodeKind;
  label?: string | undefined;
  title: string;
  heading?: string | undefined;
  body?: string | undefined;
  kpis?: KpiDefinitionInput[] | undefined;
  children?: NodeSeed[] | undefined;
}

export const NodeSeed: z.ZodType<NodeSeed> = z.lazy(() =>
  z.strictObject({
    code: planCode,
    kind: z.enum(NODE_KINDS),
    label: z.string().max(50).optional(),
    title: z.string().min(1).max(1000),
    heading: z.string().max(1000).optional(),
    body: z.string().max(20_000).optional(),
    kpis: z.array(KpiDefinitionInput).optional(),
    children: z.array(NodeSeed).optional(),
  }),
);

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/** `seed/<prefecture>/plan/*.json`: one plan, named from seed.json's `plan` key. */
export const PlanSeed = z
  .strictObject({
    $comment: z.string().optional(),
    name: z.string().regex(/^[a-z0-9_-]{2,80}$/),
    title: z.string().min(1).max(500),
    title_en: z.string().max(500).default(''),
    period: z.strictObject({ from: z.number().int(), to: z.number().int() }),
    adopted: date.optional(),
    basic_principle: z.string().max(2000).default(''),
    description: z.string().max(20_000).default(''),
    office: z.string().max(500).default(''),
    source: z.string().max(2000).default(''),
    /** 見直し: the adoption and each later revision, oldest first. */
    revisions: z
      .array(
        z.strictObject({
          kind: z.enum(['adopted', 'revision']),
          date,
          reason: z.string().min(1).max(2000),
        }),
      )
      .default([]),
    evaluation_rule: EvaluationRule.optional(),
    nodes: z.array(NodeSeed).min(1),
  })
  .superRefine((plan, ctx) => {
    if (plan.period.to < plan.period.from)
      ctx.addIssue({
        code: 'custom',
        path: ['period'],
        message: 'period.to is before period.from',
      });
    const nodes = new Set<string>();
    const kpis = new Set<string>();
    for (const n of flattenNodeSeeds(plan.nodes)) {
      if (nodes.has(n.node.code))
        ctx.addIssue({ code: 'custom', path: ['nodes'], message: `duplicate node ${n.node.code}` });
      nodes.add(n.node.code);
      for (const k of n.node.kpis ?? []) {
        if (kpis.has(k.code))
          ctx.addIssue({ code: 'custom', path: ['nodes'], message: `duplicate KPI ${k.code}` });
        kpis.add(k.code);
      }
    }
  });
export type PlanSeed = z.output<typeof PlanSeed>;

/** Nodes in document order, each with its parent's code and its position among siblings. */
export function flattenNodeSeeds(
  nodes: readonly NodeSeed[],
  parent: string | null = null,
): Array<{ node: NodeSeed; parent: string | null; position: number }> {
  return nodes.flatMap((node, position) => [
    { node, parent, position },
    ...flattenNodeSeeds(node.children ?? [], node.code),
  ]);
}
