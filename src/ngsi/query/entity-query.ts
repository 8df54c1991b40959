import type { Geometry } from '../model/geojson.ts';
import type { Entity } from '../model/types.ts';
import type { GeoQuery } from './geo-query.ts';
import { geoMatches } from './geo-match.ts';
import type { QNode } from './q-ast.ts';
import { evaluateQ } from './q-eval.ts';

/** A resolved entity query: every name is an expanded IRI. */
export interface EntityQuery {
  ids?: string[];
  idPattern?: RegExp;
  /** Alternatives, each a set of types the entity must all have (`A;B|C`). */
  types?: string[][];
  /** The entity must have at least one of these attributes. */
  attrs?: string[];
  q?: QNode;
  geo?: GeoQuery & { propertyIri: string };
  /** scopeQ alternatives, each a list of scope patterns that must all match. */
  scopeQ?: string[][];
  /** Anonymous callers see only entities all of whose types are public. */
  publicOnly: boolean;
}

/** Whether a query needs code to confirm what SQL selected (patterns, geometry, idPattern…). */
export function needsCodeFilter(q: EntityQuery, sqlExact: boolean): boolean {
  return !sqlExact || q.idPattern !== undefined || q.geo !== undefined || q.scopeQ !== undefined;
}

/** The checks SQL cannot do exactly, run on a loaded candidate entity. */
export function matchesInCode(e: Entity, q: EntityQuery): boolean {
  if (q.idPattern && !q.idPattern.test(e.id)) return false;
  if (q.q && !evaluateQ(q.q, e)) return false;
  if (q.scopeQ && !scopeMatches(e.scopes ?? [], q.scopeQ)) return false;
  if (q.geo) {
    const instances = e.attrs.get(q.geo.propertyIri);
    if (!instances) return false;
    const geo = q.geo;
    return [...instances.values()].some(
      (a) => a.type === 'GeoProperty' && geoMatches(a.value as Geometry, geo), // validated on write
    );
  }
  return true;
}

/**
 * scopeQ (clause 4.19): `/a/b` matches that scope, `/a/#` it and everything below, `/a/+`
 * one level below; `;` and `,` combine (and, or).
 */
export function scopeMatches(scopes: readonly string[], alternatives: string[][]): boolean {
  return alternatives.some((all) =>
    all.every((pattern) => scopes.some((s) => scopeMatch(s, pattern))),
  );
}

function scopeMatch(scope: string, pattern: string): boolean {
  const s = scope.split('/').slice(1);
  const p = pattern.split('/').slice(1);
  for (let i = 0; i < p.length; i++) {
    const part = p[i];
    if (part === '#') return true;
    if (i >= s.length) return false;
    if (part !== '+' && part !== s[i]) return false;
  }
  return s.length === p.length;
}
