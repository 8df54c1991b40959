import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { EntityQuery } from '../query/entity-query.ts';
import { matchesInCode, needsCodeFilter } from '../query/entity-query.ts';
import { prefilterBox } from '../query/geo-query.ts';
import { compileQ, equalityDriver } from '../query/q-sql.ts';
import { type EntityRowLite, type StoredEntity, withAttributes } from './entity-repo.ts';
import { publicTypes } from './public-types.ts';

export interface QueryPage {
  entities: StoredEntity[];
  /** Total number of matches, when asked for. */
  count?: number;
  /** Whether more matches follow this page. */
  more: boolean;
}

const SCAN_BATCH = 500;

/**
 * Runs an entity query: SQL selects (exactly, or a superset when patterns, geometry, idPattern
 * or scopeQ need code), code confirms, then the page is cut. Ordered by creation.
 */
export async function queryEntities(
  db: Database,
  tenant: string,
  query: EntityQuery,
  page: { limit: number; offset: number; count: boolean },
): Promise<QueryPage> {
  if (query.publicOnly && query.types) {
    // A private type can match nothing for anonymous callers: drop it before touching rows.
    const open = new Set(await publicTypes(db, tenant));
    const types = query.types.filter((all) => all.every((t) => open.has(t)));
    if (types.length === 0)
      return { entities: [], more: false, ...(page.count ? { count: 0 } : {}) };
    query = { ...query, types };
  }
  const compiled = query.q ? compileQ(query.q, db.dialect) : undefined;
  const plan = planOf(tenant, query, compiled?.where, db);
  if (!needsCodeFilter(query, compiled?.exact ?? true)) {
    const rows = page.limit === 0 ? [] : await selectRows(db, plan, page.limit + 1, page.offset);
    const entities = await withAttributes(db, rows.slice(0, page.limit));
    const out: QueryPage = { entities, more: rows.length > page.limit };
    if (page.count) out.count = await countRows(db, plan);
    return out;
  }
  // Scan candidates in order, confirm in code, keep only the page (and count all if asked).
  const kept: StoredEntity[] = [];
  let matched = 0;
  let more = false;
  // Keyset paging (seq > last) keeps every batch as cheap as the first.
  for (let after = -1; ; ) {
    const rows = await selectRows(db, plan, SCAN_BATCH, 0, after);
    after = rows.at(-1)?.seq ?? after;
    for (const e of await withAttributes(db, rows)) {
      if (!matchesInCode(e, query)) continue;
      if (matched >= page.offset && kept.length < page.limit) kept.push(e);
      else if (matched >= page.offset + page.limit) more = true;
      matched++;
    }
    if (rows.length < SCAN_BATCH || (more && !page.count)) break;
  }
  return { entities: kept, more, ...(page.count ? { count: matched } : {}) };
}

/** Where the rows come from, what they must satisfy, and their order. */
interface Plan {
  from: RawBuilder<unknown>;
  where: RawBuilder<unknown>;
  order: RawBuilder<unknown>;
}

/**
 * Chooses how to walk the entities (the planners of both backends need the help at 100k rows):
 * from the rows a q equality term names, else from the GeoProperty rows in a geo-query's box,
 * else along the type index for one type (in creation order, so a page stops early), else along
 * (tenant, seq).
 */
function planOf(
  tenant: string,
  q: EntityQuery,
  qWhere: RawBuilder<unknown> | undefined,
  db: Database,
): Plan {
  const driver = q.q ? equalityDriver(q.q, db.dialect) : undefined;
  if (driver)
    return {
      // CROSS JOIN keeps the driver as SQLite's outer loop; PostgreSQL plans it as any join.
      from: sql`(${driver}) d CROSS JOIN ngsi_entity e`,
      where: sql`e.seq = d.seq AND ${whereOf(tenant, q, qWhere, true)}`,
      order: sql`e.seq`,
    };
  const geo = geoDriver(q);
  if (geo)
    return {
      from: sql`(${geo}) d CROSS JOIN ngsi_entity e`,
      where: sql`e.seq = d.seq AND ${whereOf(tenant, q, qWhere, true)}`,
      order: sql`e.seq`,
    };
  const onlyType = q.types?.length === 1 && q.types[0]?.length === 1 ? q.types[0][0] : undefined;
  if (onlyType !== undefined)
    return {
      from: sql`ngsi_entity_type d CROSS JOIN ngsi_entity e`,
      where: sql`e.seq = d.entity_seq AND d.tenant = ${tenant} AND d.type = ${onlyType} AND ${whereOf(tenant, q, qWhere, false)}`,
      order: sql`d.entity_seq`,
    };
  return { from: sql`ngsi_entity e`, where: whereOf(tenant, q, qWhere, true), order: sql`e.seq` };
}

async function selectRows(
  db: Database,
  plan: Plan,
  limit: number,
  offset: number,
  after?: number,
): Promise<EntityRowLite[]> {
  const from = after === undefined ? sql`` : sql` AND ${plan.order} > ${after}`;
  const r =
    await sql<EntityRowLite>`SELECT e.seq, e.id, e.types, e.scopes, e.created_at, e.modified_at
    FROM ${plan.from} WHERE ${plan.where}${from} ORDER BY ${plan.order} LIMIT ${limit} OFFSET ${offset}`.execute(
      db.kysely,
    );
  return r.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

async function countRows(db: Database, plan: Plan): Promise<number> {
  const r = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM ${plan.from} WHERE ${plan.where}`.execute(db.kysely);
  return Number(r.rows[0]?.n ?? 0);
}

function whereOf(
  tenant: string,
  q: EntityQuery,
  qWhere: RawBuilder<unknown> | undefined,
  withTypes: boolean,
): RawBuilder<unknown> {
  const conds: RawBuilder<unknown>[] = [sql`e.tenant = ${tenant}`];
  if (q.ids && q.ids.length > 0)
    conds.push(sql`e.id IN (${sql.join(q.ids.map((id) => sql`${id}`))})`);
  if (withTypes && q.types && q.types.length > 0) {
    const alternatives = q.types.map((all) =>
      sql.join(
        all.map(
          (t) =>
            // Correlated, so SQLite probes the primary key instead of listing every entity of the type.
            sql`EXISTS (SELECT 1 FROM ngsi_entity_type t WHERE t.entity_seq = e.seq AND t.type = ${t})`,
        ),
        sql` AND `,
      ),
    );
    conds.push(sql`(${sql.join(alternatives, sql` OR `)})`);
  }
  if (q.attrs && q.attrs.length > 0)
    conds.push(
      sql`EXISTS (SELECT 1 FROM ngsi_attribute a WHERE a.entity_seq = e.seq AND a.name IN (${sql.join(q.attrs.map((n) => sql`${n}`))}))`,
    );
  if (qWhere) conds.push(qWhere);
  if (q.geo) conds.push(geoPrefilter(q));
  if (q.publicOnly)
    conds.push(sql`NOT EXISTS (SELECT 1 FROM ngsi_entity_type t WHERE t.entity_seq = e.seq
      AND NOT EXISTS (SELECT 1 FROM ngsi_public_type p WHERE p.tenant = t.tenant AND p.type = t.type))`);
  return sql.join(conds, sql` AND `);
}

/** The entities whose GeoProperty box may satisfy the geo-query, via (name, gminx, gminy). */
function geoDriver(q: EntityQuery): RawBuilder<unknown> | undefined {
  const geo = q.geo;
  const pre = geo ? prefilterBox(geo) : undefined;
  if (!geo || !pre || pre.test !== 'overlap') return undefined;
  const [minX, minY, maxX, maxY] = pre.box;
  return sql`SELECT DISTINCT a.entity_seq AS seq FROM ngsi_attribute a WHERE a.name = ${geo.propertyIri}
    AND a.gminx <= ${maxX} AND a.gmaxx >= ${minX} AND a.gminy <= ${maxY} AND a.gmaxy >= ${minY}`;
}

function geoPrefilter(q: EntityQuery): RawBuilder<unknown> {
  const geo = q.geo;
  if (!geo) return sql`1 = 1`;
  const base = sql`a.entity_seq = e.seq AND a.name = ${geo.propertyIri} AND a.type = 'GeoProperty'`;
  const pre = prefilterBox(geo);
  if (!pre) return sql`EXISTS (SELECT 1 FROM ngsi_attribute a WHERE ${base})`;
  const [minX, minY, maxX, maxY] = pre.box;
  const box =
    pre.test === 'overlap'
      ? sql`a.gminx <= ${maxX} AND a.gmaxx >= ${minX} AND a.gminy <= ${maxY} AND a.gmaxy >= ${minY}`
      : pre.test === 'inside'
        ? sql`a.gminx >= ${minX} AND a.gmaxx <= ${maxX} AND a.gminy >= ${minY} AND a.gmaxy <= ${maxY}`
        : sql`a.gminx <= ${minX} AND a.gmaxx >= ${maxX} AND a.gminy <= ${minY} AND a.gmaxy >= ${maxY}`;
  return sql`EXISTS (SELECT 1 FROM ngsi_attribute a WHERE ${base} AND ${box})`;
}
