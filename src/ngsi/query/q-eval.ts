import type { Attr, Entity } from '../model/types.ts';
import {
  type CompareOp,
  METADATA_MEMBERS,
  type QLiteral,
  type QNode,
  type QPath,
  type QValue,
} from './q-ast.ts';

/**
 * Replaces the attribute and sub-attribute names of a q tree by their expanded IRIs (metadata
 * members such as `observedAt` and JSON keys stay as written).
 */
export function resolveQ(node: QNode, expand: (term: string) => string): QNode {
  switch (node.kind) {
    case 'and':
    case 'or':
      return { kind: node.kind, items: node.items.map((n) => resolveQ(n, expand)) };
    default:
      return { ...node, path: resolvePath(node.path, expand) };
  }
}

function resolvePath(path: QPath, expand: (term: string) => string): QPath {
  const names = path.names.map((n, i) =>
    i > 0 && i === path.names.length - 1 && METADATA_MEMBERS.has(n) ? n : expand(n),
  );
  return { names, keys: path.keys };
}

/**
 * Evaluates a resolved q tree on an entity, with the same semantics as the SQL of q-sql.ts:
 * a term holds when some instance of the attribute satisfies it; arrays and objects match when
 * one of their scalar elements / member values does; `a!=x` means `a` exists and no `a==x`.
 */
export function evaluateQ(node: QNode, entity: Entity): boolean {
  switch (node.kind) {
    case 'and':
      return node.items.every((n) => evaluateQ(n, entity));
    case 'or':
      return node.items.some((n) => evaluateQ(n, entity));
    case 'exists': {
      const found = targets(node.path, entity).some((t) => t !== undefined);
      return node.negated ? !found : found;
    }
    case 'pattern': {
      const re = compilePattern(node.pattern);
      const values = targets(node.path, entity);
      if (!values.some((t) => t !== undefined)) return false;
      const matched = values.some((t) =>
        scalars(t).some((v) => typeof v === 'string' && re.test(v)),
      );
      return node.negated ? !matched : matched;
    }
    case 'compare': {
      const values = targets(node.path, entity);
      if (node.op === '!=') {
        if (!values.some((t) => t !== undefined)) return false;
        return !values.some((t) => scalars(t).some((v) => equalsValue(v, node.value)));
      }
      return values.some((t) =>
        scalars(t).some((v) =>
          node.op === '=='
            ? equalsValue(v, node.value)
            : compareLiteral(v, node.op, literalOf(node)),
        ),
      );
    }
  }
}

function literalOf(node: { value: { kind: string; literal?: QLiteral } }): QLiteral {
  // Lists and ranges take only == and != (the parser enforces it).
  return node.value.literal ?? { type: 'uri', value: '' };
}

/** Values a path reaches in each instance of its attribute (undefined where absent). */
function targets(path: QPath, entity: Entity): unknown[] {
  const [first, ...rest] = path.names;
  const instances = first === undefined ? undefined : entity.attrs.get(first);
  if (!instances) return [];
  const out: unknown[] = [];
  for (const attr of instances.values()) out.push(reach(attr, rest, path.keys));
  return out;
}

function reach(attr: Attr, names: string[], keys: string[]): unknown {
  let current: Attr | undefined = attr;
  for (let i = 0; i < names.length; i++) {
    const n = names[i] ?? '';
    if (i === names.length - 1 && METADATA_MEMBERS.has(n) && keys.length === 0)
      return metadata(current, n, i === 0);
    current = current.sub[n];
    if (!current) return undefined;
  }
  let value: unknown = names.length === 0 && keys.length === 0 ? topValue(current) : current.value;
  for (const k of keys) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[k];
  }
  return value;
}

function metadata(attr: Attr, member: string, topLevel: boolean): unknown {
  switch (member) {
    case 'observedAt':
      // Top level: as stored in the indexed column (see attribute-rows.ts); below, as written.
      return attr.observedAt === undefined || !topLevel
        ? attr.observedAt
        : normalizeTime(attr.observedAt);
    case 'createdAt':
      return attr.createdAt;
    case 'modifiedAt':
      return attr.modifiedAt;
    case 'unitCode':
      return attr.unitCode;
    default:
      return attr.datasetId;
  }
}

/** A top-level value; a typed DateTime (`{"@type":"DateTime","@value":…}`) counts as its time. */
export function topValue(attr: Attr): unknown {
  const time = dateTimeValue(attr.value);
  return time ?? attr.value;
}

/** The normalised time of a JSON-LD typed DateTime value, if the value is one. */
export function dateTimeValue(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (v['@type'] !== 'DateTime' || typeof v['@value'] !== 'string') return undefined;
  const t = Date.parse(v['@value']);
  return Number.isNaN(t) ? v['@value'] : new Date(t).toISOString();
}

/** The scalars a value offers to a comparison: itself, or its elements / member values. */
function scalars(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter(isScalar);
  if (typeof value === 'object') return Object.values(value).filter(isScalar);
  return [value];
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function equalsValue(v: unknown, value: QValue): boolean {
  switch (value.kind) {
    case 'single':
      return compareLiteral(v, '==', value.literal);
    case 'list':
      return value.literals.some((l) => compareLiteral(v, '==', l));
    case 'range':
      return compareLiteral(v, '>=', value.from) && compareLiteral(v, '<=', value.to);
  }
}

/** Compares a scalar with a literal of the same JSON type; other types never match. */
export function compareLiteral(v: unknown, op: CompareOp, l: QLiteral): boolean {
  let a: number | string | boolean;
  let b: number | string | boolean;
  if (l.type === 'number') {
    if (typeof v !== 'number') return false;
    a = v;
    b = l.value;
  } else if (l.type === 'boolean') {
    if (typeof v !== 'boolean') return false;
    if (op !== '==' && op !== '!=') return false;
    a = v;
    b = l.value;
  } else {
    if (typeof v !== 'string') return false;
    a = v;
    b = l.type === 'datetime' ? normalizeTime(l.value) : l.value;
  }
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

/**
 * A q pattern as a JavaScript RegExp; a leading `(?i)` (the case-insensitive flag as Java and
 * POSIX tools write it, used in NGSI-LD examples) becomes the `i` flag.
 * @throws SyntaxError for an invalid expression (the parser checks every pattern first).
 */
export function compilePattern(pattern: string): RegExp {
  if (pattern.startsWith('(?i)')) return new RegExp(pattern.slice(4), 'i');
  return new RegExp(pattern);
}

/** An unquoted DateTime or date literal in the form stored times have; times of day unchanged. */
export function normalizeTime(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString();
}
