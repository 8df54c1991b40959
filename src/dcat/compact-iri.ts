import { NAMESPACES, type Prefix, type Property, type Term } from './terms.ts';

const ENTRIES = Object.entries(NAMESPACES) as Array<[Prefix, string]>;
// A local name every format accepts: a Turtle PN_LOCAL, an XML NCName and a JSON-LD suffix.
const SAFE_LOCAL = /^[A-Za-z_][A-Za-z0-9_-]*$/;

// Vocabulary terms repeat in every node: remember them. Only terms inside the known namespaces
// are kept, so the cache stays as small as the vocabularies whatever the catalog's size.
const known = new Map<string, readonly [Prefix, string]>();

/** `http://purl.org/dc/terms/title` → `['dct', 'title']`, or null outside the known vocabularies. */
export function compactIri(value: string): readonly [Prefix, string] | null {
  const hit = known.get(value);
  if (hit) return hit;
  for (const [prefix, ns] of ENTRIES) {
    if (value.startsWith(ns)) {
      const local = value.slice(ns.length);
      if (!SAFE_LOCAL.test(local)) return null;
      const pair = [prefix, local] as const;
      if (known.size < 1000) known.set(value, pair);
      return pair;
    }
  }
  return null;
}

/** Objects grouped by predicate, predicates in order of first appearance. */
export function groupByPredicate(props: readonly Property[]): Array<[string, Term[]]> {
  const groups = new Map<string, Term[]>();
  for (const [predicate, object] of props) {
    const list = groups.get(predicate);
    if (list) list.push(object);
    else groups.set(predicate, [object]);
  }
  return [...groups];
}
