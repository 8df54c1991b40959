import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { FilterNode } from '../search/parse-filters.ts';
import type { TextMatch } from '../search/plan-search.ts';

/** One comparison operator per filter op; a fixed table, so `sql.raw` never sees input. */
const OPERATORS = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** A filter tree as a WHERE expression: names through `sql.id`, values as bound parameters. */
export function filterSql(node: FilterNode, db: Database): RawBuilder<unknown> {
  if (node.kind === 'and') {
    return sql`(${sql.join(
      node.items.map((n) => filterSql(n, db)),
      sql` AND `,
    )})`;
  }
  const column = sql.id(node.field);
  const cast = (v: unknown) =>
    node.type === 'json' && db.dialect === 'postgres' ? sql`CAST(${v} AS jsonb)` : sql`${v}`;
  if (node.op === 'in') {
    const values = Array.isArray(node.value) ? node.value : [node.value];
    if (values.length === 0) return sql`1 = 0`;
    return sql`${column} IN (${sql.join(values.map(cast))})`;
  }
  return sql`${column} ${sql.raw(OPERATORS[node.op])} ${cast(node.value)}`;
}

/** The text a match looks in: the whole `_full_text` array, or one field's element of it. */
function haystack(match: TextMatch, db: Database): RawBuilder<unknown> {
  const all = sql.id('_full_text');
  if (match.fieldIndex === null) return all;
  return db.dialect === 'postgres'
    ? sql`(CAST(${all} AS json) ->> CAST(${match.fieldIndex} AS integer))`
    : sql`json_extract(${all}, ${`$[${match.fieldIndex}]`})`;
}

/** A query word as a parameter; PostgreSQL needs its type to pick length() and friends. */
function word(w: string, db: Database): RawBuilder<unknown> {
  return db.dialect === 'postgres' ? sql`CAST(${w} AS text)` : sql`${w}`;
}

/** Every word occurs in the haystack (a substring test, so 1–2 character words work). */
export function textSql(match: TextMatch, db: Database): RawBuilder<unknown> {
  const text = haystack(match, db);
  const find = db.dialect === 'postgres' ? 'strpos' : 'instr';
  return sql.join(
    match.words.map((w) => sql`${sql.raw(find)}(${text}, ${word(w, db)}) > 0`),
    sql` AND `,
  );
}

/** CKAN's rank: here the number of times the query words occur, so more mentions rank higher. */
export function rankSql(match: TextMatch, db: Database): RawBuilder<unknown> {
  const text = haystack(match, db);
  const float = db.dialect === 'postgres' ? 'double precision' : 'REAL';
  const counts = match.words.map(
    (w) =>
      sql`((length(${text}) - length(replace(${text}, ${word(w, db)}, ''))) / length(${word(w, db)}))`,
  );
  return sql`CAST(${sql.join(counts, sql` + `)} AS ${sql.raw(float)})`;
}
