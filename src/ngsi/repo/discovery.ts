import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/index.ts';

/** What discovery knows about one entity type (expanded names). */
export interface TypeSummary {
  type: string;
  entityCount: number;
  /** attribute name → attribute types seen */
  attributes: Map<string, Set<string>>;
}

/** What discovery knows about one attribute (expanded names). */
export interface AttributeSummary {
  name: string;
  /** Number of attribute instances. */
  count: number;
  attributeTypes: Set<string>;
  typeNames: Set<string>;
}

function visible(publicOnly: boolean): RawBuilder<unknown> {
  if (!publicOnly) return sql`1 = 1`;
  return sql`NOT EXISTS (SELECT 1 FROM ngsi_entity_type t2 WHERE t2.entity_seq = e.seq
    AND NOT EXISTS (SELECT 1 FROM ngsi_public_type p WHERE p.tenant = t2.tenant AND p.type = t2.type))`;
}

/**
 * Entity types in use, with entity counts and their attributes (GET /types, /types/{type}).
 * `only` restricts to one type.
 */
export async function typeSummaries(
  db: Database,
  tenant: string,
  publicOnly: boolean,
  only?: string,
): Promise<TypeSummary[]> {
  const typeFilter = only === undefined ? sql`1 = 1` : sql`t.type = ${only}`;
  const counts = await sql<{ type: string; n: number }>`SELECT t.type, count(*) AS n
    FROM ngsi_entity_type t JOIN ngsi_entity e ON e.seq = t.entity_seq
    WHERE t.tenant = ${tenant} AND ${typeFilter} AND ${visible(publicOnly)}
    GROUP BY t.type ORDER BY t.type`.execute(db.kysely);
  const attrs = await sql<{
    type: string;
    name: string;
    atype: string;
  }>`SELECT DISTINCT t.type, a.name, a.type AS atype
    FROM ngsi_entity_type t JOIN ngsi_entity e ON e.seq = t.entity_seq
    JOIN ngsi_attribute a ON a.entity_seq = e.seq
    WHERE t.tenant = ${tenant} AND ${typeFilter} AND ${visible(publicOnly)}
    ORDER BY t.type, a.name`.execute(db.kysely);
  const out = new Map<string, TypeSummary>();
  for (const r of counts.rows)
    out.set(r.type, { type: r.type, entityCount: Number(r.n), attributes: new Map() });
  for (const r of attrs.rows) {
    const s = out.get(r.type);
    if (!s) continue;
    const types = s.attributes.get(r.name) ?? new Set<string>();
    types.add(r.atype);
    s.attributes.set(r.name, types);
  }
  return [...out.values()];
}

/** Attributes in use (GET /attributes, /attributes/{attr}); `only` restricts to one name. */
export async function attributeSummaries(
  db: Database,
  tenant: string,
  publicOnly: boolean,
  only?: string,
): Promise<AttributeSummary[]> {
  const nameFilter = only === undefined ? sql`1 = 1` : sql`a.name = ${only}`;
  const rows = await sql<{
    name: string;
    atype: string;
    n: number;
  }>`SELECT a.name, a.type AS atype, count(*) AS n
    FROM ngsi_attribute a JOIN ngsi_entity e ON e.seq = a.entity_seq
    WHERE e.tenant = ${tenant} AND ${nameFilter} AND ${visible(publicOnly)}
    GROUP BY a.name, a.type ORDER BY a.name`.execute(db.kysely);
  const typeRows = await sql<{ name: string; type: string }>`SELECT DISTINCT a.name, t.type
    FROM ngsi_attribute a JOIN ngsi_entity e ON e.seq = a.entity_seq
    JOIN ngsi_entity_type t ON t.entity_seq = e.seq
    WHERE e.tenant = ${tenant} AND ${nameFilter} AND ${visible(publicOnly)}
    ORDER BY a.name, t.type`.execute(db.kysely);
  const out = new Map<string, AttributeSummary>();
  for (const r of rows.rows) {
    const s = out.get(r.name) ?? {
      name: r.name,
      count: 0,
      attributeTypes: new Set<string>(),
      typeNames: new Set<string>(),
    };
    s.count += Number(r.n);
    s.attributeTypes.add(r.atype);
    out.set(r.name, s);
  }
  for (const r of typeRows.rows) out.get(r.name)?.typeNames.add(r.type);
  return [...out.values()];
}
