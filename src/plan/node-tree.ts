import type { NodeRow } from './repo/nodes.ts';

/** A node with its children, as nested output. */
export type Tree<T> = T & { children: Array<Tree<T>> };

/**
 * Nests the plan's nodes under their parents, siblings by position. A node whose parent is
 * not among `nodes` (retired) is shown at the top rather than lost.
 */
export function nestNodes<T>(
  nodes: readonly NodeRow[],
  present: (n: NodeRow) => T,
): Array<Tree<T>> {
  const ids = new Set(nodes.map((n) => n.id));
  const childrenOf = new Map<string | null, NodeRow[]>();
  for (const n of nodes) {
    const parent = n.parent_id !== null && ids.has(n.parent_id) ? n.parent_id : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), n]);
  }
  const tree = (parent: string | null): Array<Tree<T>> =>
    [...(childrenOf.get(parent) ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((n) => ({ ...present(n), children: tree(n.id) }));
  return tree(null);
}
