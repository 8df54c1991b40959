import type { Generated, Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/** The broker's tables (migration 0007-ngsi), kept here beside the only code that reads them. */
export type NgsiTables = {
  ngsi_tenant: { name: string; created_at: string };
  ngsi_entity: {
    seq: Generated<number>;
    tenant: string;
    id: string;
    types: string;
    scopes: string | null;
    created_at: string;
    modified_at: string;
  };
  ngsi_entity_type: { entity_seq: number; tenant: string; type: string };
  ngsi_attribute: AttributeRow;
  ngsi_public_type: {
    tenant: string;
    type: string;
    created_at: string;
    created_by: string | null;
  };
  ngsi_jsonld_context: {
    local_id: string;
    url: string;
    kind: string;
    body: string;
    created_at: string;
    last_usage: string | null;
    hits: Generated<number>;
  };
};

export interface AttributeRow {
  entity_seq: number;
  name: string;
  dataset_id: string;
  type: string;
  value: string;
  vkind: string;
  vnum: number | null;
  vtext: string | null;
  observed_at: string | null;
  unit_code: string | null;
  extra: string | null;
  created_at: string;
  modified_at: string;
  gminx: number | null;
  gminy: number | null;
  gmaxx: number | null;
  gmaxy: number | null;
}

/** Kysely over the broker's tables (a transaction stays a transaction). */
export function ngsiDb(db: Database): Kysely<NgsiTables> {
  return db.kysely.withTables<NgsiTables>() as unknown as Kysely<NgsiTables>; // same connection, wider table set
}
