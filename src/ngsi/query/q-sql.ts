import { type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../../db/index.ts';
import { badData } from '../errors.ts';
import {
  type CompareOp,
  METADATA_MEMBERS,
  type QLiteral,
  type QNode,
  type QPath,
  type QValue,
} from './q-ast.ts';
import { normalizeTime } from './q-eval.ts';

/** A compiled q: a WHERE condition on `e` (ngsi_entity) and whether it is exact. */
export interface CompiledQ {
  where: RawBuilder<unknown>;
  /** False when a pattern (`~=`) was replaced by a superset; q-eval.ts must confirm rows. */
  exact: boolean;
}

// Operators come from the parser's closed set; only these fixed strings reach the SQL text.
const SQL_OP: Record<CompareOp, string> = {
  '==': '=',
  '!=': '<>',
  '>': '>',
  '>=': '>=',
  '<': '<',
  '<=': '<=',
};

const METADATA_COLUMN: Record<string, string> = {
  observedAt: 'observed_at',
  createdAt: 'created_at',
  modifiedAt: 'modified_at',
  unitCode: 'unit_code',
  datasetId: 'dataset_id',
};

/**
 * Compiles a resolved q tree (names expanded, see resolveQ) into SQL over `ngsi_attribute a`
 * correlated with `e.seq`. Every name, key and value is a bound parameter; JSON paths are
 * parameters too. Semantics match evaluateQ in q-eval.ts (tested against each other).
 */
export function compileQ(node: QNode, dialect: Dialect): CompiledQ {
  const c = new Compiler(dialect);
  const where = c.node(node);
  return { where, exact: c.exact };
}

class Compiler {
  exact = true;
  constructor(readonly dialect: Dialect) {}

  node(n: QNode): RawBuilder<unknown> {
    switch (n.kind) {
      case 'and':
        return sql`(${sql.join(
          n.items.map((i) => this.node(i)),
          sql` AND `,
        )})`;
      case 'or':
        return sql`(${sql.join(
          n.items.map((i) => this.node(i)),
          sql` OR `,
        )})`;
      case 'exists': {
        const cond = this.exists(n.path);
        return n.negated ? sql`NOT ${cond}` : cond;
      }
      case 'pattern':
        // Regular expressions are checked in code (same semantics on both backends).
        this.exact = false;
        return this.exists(n.path);
      case 'compare': {
        if (n.op === '!=') {
          const eq = this.attrWhere(n.path, this.valueTest(n.path, '==', n.value));
          return sql`(${this.exists(n.path)} AND NOT ${eq})`;
        }
        return this.attrWhere(n.path, this.valueTest(n.path, n.op, n.value));
      }
    }
  }

  /** EXISTS an instance of the path's attribute where `cond` holds. */
  attrWhere(path: QPath, cond: RawBuilder<unknown>): RawBuilder<unknown> {
    const name = path.names[0] ?? '';
    return sql`EXISTS (SELECT 1 FROM ngsi_attribute a WHERE a.entity_seq = e.seq AND a.name = ${name} AND ${cond})`;
  }

  exists(path: QPath): RawBuilder<unknown> {
    const meta = metadataOf(path);
    if (meta) {
      const col = sql.ref(`a.${METADATA_COLUMN[meta]}`);
      const cond = meta === 'datasetId' ? sql`${col} <> ''` : sql`${col} IS NOT NULL`;
      return this.attrWhere(path, cond);
    }
    if (path.names.length === 1 && path.keys.length === 0) return this.attrWhere(path, sql`1 = 1`);
    const target = this.jsonTarget(path);
    return this.attrWhere(path, sql`${target} IS NOT NULL`);
  }

  /** A condition on one attribute row for `path op value` (op is never !=). */
  valueTest(path: QPath, op: CompareOp, value: QValue): RawBuilder<unknown> {
    if (value.kind === 'range') {
      // Both bounds must hold for the same scalar, as in q-eval.ts.
      return this.scalarTest(path, [
        ['>=', value.from],
        ['<=', value.to],
      ]);
    }
    const literals = value.kind === 'single' ? [value.literal] : value.literals;
    const parts = literals.map((l) => this.scalarTest(path, [[op, l]]));
    return parts.length === 1
      ? (parts[0] as RawBuilder<unknown>)
      : sql`(${sql.join(parts, sql` OR `)})`;
  }

  /** Some scalar the path reaches satisfies every (op, literal) of `tests`. */
  scalarTest(path: QPath, tests: Array<[CompareOp, QLiteral]>): RawBuilder<unknown> {
    const first = tests[0];
    if (!first) return sql`1 = 0`;
    const kind = literalKind(first[1]);
    // A scalar has one JSON type: bounds of different types, or ordering booleans, never match.
    if (tests.some(([o, l]) => literalKind(l) !== kind || (kind === 'boolean' && o !== '==')))
      return sql`1 = 0`;
    const meta = metadataOf(path);
    if (meta) {
      if (kind !== 'text') return sql`1 = 0`;
      const col = sql.ref(`a.${METADATA_COLUMN[meta]}`);
      const conds = tests.map(([o, l]) => this.textCompare(col, o, textOf(l)));
      if (meta === 'datasetId') conds.unshift(sql`${col} <> ''`);
      return sql`(${sql.join(conds, sql` AND `)})`;
    }
    if (path.names.length === 1 && path.keys.length === 0) {
      const typed = this.typedTest(kind, tests);
      const json = this.scalarsMatch(sql`a.value`, undefined, kind, tests);
      return sql`((${typed}) OR (a.vkind = 'j' AND ${json}))`;
    }
    const [source, p] = this.jsonSource(path);
    return this.scalarsMatch(source, p, kind, tests);
  }

  /** Fast path on the scalar copies (vkind n|s|b) of a top-level value. */
  typedTest(kind: LiteralKind, tests: Array<[CompareOp, QLiteral]>): RawBuilder<unknown> {
    if (kind === 'boolean') {
      const all = tests.map(([, l]) => sql`a.vnum = ${l.value ? 1 : 0}`);
      return sql`a.vkind = 'b' AND ${sql.join(all, sql` AND `)}`;
    }
    if (kind === 'number') {
      const all = tests.map(([o, l]) => sql`a.vnum ${sql.raw(SQL_OP[o])} ${l.value}`);
      return sql`a.vkind = 'n' AND ${sql.join(all, sql` AND `)}`;
    }
    const all = tests.map(([o, l]) => this.textCompare(sql.ref('a.vtext'), o, textOf(l)));
    return sql`a.vkind = 's' AND ${sql.join(all, sql` AND `)}`;
  }

  textCompare(col: RawBuilder<unknown> | ReturnType<typeof sql.ref>, op: CompareOp, text: string) {
    const o = sql.raw(SQL_OP[op]);
    // Binary order on PostgreSQL too, as in SQLite and JavaScript.
    return this.dialect === 'postgres'
      ? sql`${col} COLLATE "C" ${o} ${text}`
      : sql`${col} ${o} ${text}`;
  }

  /** Whether some scalar of a JSON target (itself, its elements or member values) matches. */
  scalarsMatch(
    source: RawBuilder<unknown>,
    path: string | string[] | undefined,
    kind: LiteralKind,
    tests: Array<[CompareOp, QLiteral]>,
  ): RawBuilder<unknown> {
    if (this.dialect === 'sqlite') {
      const each =
        path === undefined ? sql`json_each(${source})` : sql`json_each(${source}, ${path})`;
      const conds =
        kind === 'number'
          ? tests.map(([o, l]) => sql`j.value ${sql.raw(SQL_OP[o])} ${l.value}`)
          : kind === 'boolean'
            ? tests.map(([, l]) => sql`j.type = ${l.value ? 'true' : 'false'}`)
            : tests.map(([o, l]) => sql`j.value ${sql.raw(SQL_OP[o])} ${textOf(l)}`);
      const type =
        kind === 'number'
          ? sql`j.type IN ('integer', 'real')`
          : kind === 'boolean'
            ? sql`1 = 1`
            : sql`j.type = 'text'`;
      return sql`EXISTS (SELECT 1 FROM ${each} j WHERE ${type} AND ${sql.join(conds, sql` AND `)})`;
    }
    const t =
      path === undefined ? sql`(${source})::jsonb` : sql`((${source})::jsonb #> ${path}::text[])`;
    const v = sql`s.v`;
    const conds =
      kind === 'number'
        ? tests.map(
            ([o, l]) => sql`(${v} #>> '{}')::double precision ${sql.raw(SQL_OP[o])} ${l.value}`,
          )
        : kind === 'boolean'
          ? tests.map(([, l]) => sql`(${v} #>> '{}') = ${String(l.value)}`)
          : tests.map(
              ([o, l]) => sql`(${v} #>> '{}') COLLATE "C" ${sql.raw(SQL_OP[o])} ${textOf(l)}`,
            );
    const jsonType = kind === 'number' ? 'number' : kind === 'boolean' ? 'boolean' : 'string';
    return sql`EXISTS (SELECT 1 FROM (SELECT ${t} AS t) tt CROSS JOIN LATERAL (
      SELECT tt.t AS v WHERE jsonb_typeof(tt.t) NOT IN ('array', 'object')
      UNION ALL SELECT x.value FROM jsonb_array_elements(CASE WHEN jsonb_typeof(tt.t) = 'array' THEN tt.t ELSE '[]'::jsonb END) AS x(value)
      UNION ALL SELECT y.value FROM jsonb_each(CASE WHEN jsonb_typeof(tt.t) = 'object' THEN tt.t ELSE '{}'::jsonb END) AS y(key, value)
    ) s(v) WHERE jsonb_typeof(${v}) = ${jsonType} AND ${sql.join(conds, sql` AND `)})`;
  }

  /** The JSON a path reaches inside a row, as an expression (NULL when absent). */
  jsonTarget(path: QPath): RawBuilder<unknown> {
    const [source, p] = this.jsonSource(path);
    if (this.dialect === 'sqlite') return sql`json_type(${source}, ${p})`;
    return sql`((${source})::jsonb #> ${p}::text[])`;
  }

  /** Column and JSON path (SQLite path text or PostgreSQL path array) of a non-column path. */
  jsonSource(path: QPath): [RawBuilder<unknown>, string | string[]] {
    const segments: string[] = [];
    const subs = path.names.slice(1);
    const source = subs.length === 0 ? sql`a.value` : sql`a.extra`;
    subs.forEach((name, i) => {
      const last = i === subs.length - 1;
      if (last && METADATA_MEMBERS.has(name) && path.keys.length === 0 && subs.length > 1) {
        segments.push(name);
        return;
      }
      segments.push('sub', name);
      if (last) segments.push('value');
    });
    segments.push(...path.keys);
    if (this.dialect === 'postgres') return [source, segments];
    for (const s of segments) {
      if (s.includes('"') || s.includes('\\')) throw badData(`q cannot address the name ${s}`);
    }
    return [source, `$${segments.map((s) => `."${s}"`).join('')}`];
  }
}

/** The metadata member a path addresses on the attribute itself (`attr.observedAt`). */
function metadataOf(path: QPath): string | undefined {
  const last = path.names[1];
  if (path.names.length === 2 && path.keys.length === 0 && last && METADATA_MEMBERS.has(last))
    return last;
  return undefined;
}

type LiteralKind = 'number' | 'boolean' | 'text';

function literalKind(l: QLiteral): LiteralKind {
  return l.type === 'number' ? 'number' : l.type === 'boolean' ? 'boolean' : 'text';
}

function textOf(l: QLiteral): string {
  if (l.type === 'datetime') return normalizeTime(l.value);
  return String(l.value);
}

/**
 * For a q whose top level (or one of whose top-level `;` terms) is an equality on a plain
 * attribute (`a==1`, `a=="x"`, `a==1,2`), a subquery of the row numbers of entities that may
 * match, read through the (name, vkind, vnum|vtext) indexes: the query can then start from a
 * handful of rows instead of walking every entity. It is a superset; the full q still applies.
 */
export function equalityDriver(node: QNode, dialect: Dialect): RawBuilder<unknown> | undefined {
  const terms = node.kind === 'and' ? node.items : [node];
  for (const t of terms) {
    if (t.kind !== 'compare' || t.op !== '==' || t.value.kind === 'range') continue;
    if (t.path.names.length !== 1 || t.path.keys.length > 0) continue;
    const literals = t.value.kind === 'single' ? [t.value.literal] : t.value.literals;
    if (literals.some((l) => l.type === 'boolean')) continue;
    const name = t.path.names[0] ?? '';
    const nums = literals.filter((l) => l.type === 'number').map((l) => l.value);
    const texts = literals.filter((l) => l.type !== 'number').map(textOf);
    const branches: RawBuilder<unknown>[] = [];
    if (nums.length > 0)
      branches.push(
        sql`SELECT a.entity_seq AS seq FROM ngsi_attribute a WHERE a.name = ${name} AND a.vkind = 'n' AND a.vnum IN (${sql.join(nums.map((n) => sql`${n}`))})`,
      );
    if (texts.length > 0)
      branches.push(
        sql`SELECT a.entity_seq AS seq FROM ngsi_attribute a WHERE a.name = ${name} AND a.vkind = 's' AND a.vtext IN (${sql.join(texts.map((x) => sql`${x}`))})`,
      );
    // Arrays and objects are compared through JSON; the (name, vkind) prefix finds them.
    const c = new Compiler(dialect);
    branches.push(
      sql`SELECT a.entity_seq AS seq FROM ngsi_attribute a WHERE a.name = ${name} AND a.vkind = 'j' AND ${c.valueTest(t.path, '==', t.value)}`,
    );
    return sql.join(branches, sql` UNION `);
  }
  return undefined;
}
