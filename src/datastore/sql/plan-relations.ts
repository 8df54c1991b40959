/** A relation a query plan reads. */
export interface PlannedRelation {
  readonly schema: string;
  readonly name: string;
}

/** What a PostgreSQL plan (EXPLAIN VERBOSE, FORMAT JSON) reads and which nodes it has. */
export interface PlanFacts {
  readonly relations: PlannedRelation[];
  readonly functions: PlannedRelation[];
  readonly nodeTypes: string[];
}

/** Walks every node of an EXPLAIN (FORMAT JSON) result, including init plans and sub plans. */
export function planFacts(explain: unknown): PlanFacts {
  const facts: PlanFacts = { relations: [], functions: [], nodeTypes: [] };
  const roots = Array.isArray(explain) ? explain : [explain];
  for (const root of roots) visit(record(root)?.Plan, facts);
  return facts;
}

function visit(node: unknown, facts: PlanFacts): void {
  const n = record(node);
  if (!n) return;
  const type = n['Node Type'];
  if (typeof type === 'string') facts.nodeTypes.push(type);
  const schema = typeof n.Schema === 'string' ? n.Schema : '';
  if (typeof n['Relation Name'] === 'string') {
    facts.relations.push({ schema, name: n['Relation Name'] });
  }
  if (typeof n['Function Name'] === 'string') {
    facts.functions.push({ schema, name: n['Function Name'] });
  }
  const children = n.Plans;
  if (Array.isArray(children)) for (const child of children) visit(child, facts);
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : null;
}
