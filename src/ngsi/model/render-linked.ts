import type { Projection } from '../query/query-params.ts';
import type { Entity } from './types.ts';

/** Relationship objects (single URIs) an entity points to, by attribute name. */
export function relationshipTargets(e: Entity): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, instances] of e.attrs)
    for (const a of instances.values())
      if (a.type === 'Relationship' && typeof a.value === 'string') out.push([name, a.value]);
  return out;
}

/** A linked entity to list with join=flat, and the projection it is shown with. */
export interface FlatLinked {
  entity: Entity;
  pick: Projection | undefined;
  omit: Projection | undefined;
}

/**
 * join=flat (clause 4.5.23): the entities the roots link to, `level` relationships deep, each
 * once, following only relationships the projection keeps, after the roots themselves.
 */
export function flatLinked(
  roots: readonly Entity[],
  linked: ReadonlyMap<string, Entity>,
  level: number,
  pick: Projection | undefined,
  omit: Projection | undefined,
): FlatLinked[] {
  const seen = new Set(roots.map((r) => r.id));
  const out: FlatLinked[] = [];
  const visit = (
    e: Entity,
    depth: number,
    p: Projection | undefined,
    o: Projection | undefined,
  ) => {
    if (depth < 1) return;
    for (const [name, target] of relationshipTargets(e)) {
      if (p && !p.has(name)) continue;
      if (o?.has(name) && o.get(name) === undefined) continue;
      const next = linked.get(target);
      if (!next || seen.has(next.id)) continue;
      seen.add(next.id);
      const np = p?.get(name);
      const no = o?.get(name);
      out.push({ entity: next, pick: np, omit: no });
      visit(next, depth - 1, np, no);
    }
  };
  for (const r of roots) visit(r, level, pick, omit);
  return out;
}
