import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The NGSI-LD context broker (src/ngsi): tenants, entities (with one row per type for type
 * queries), one row per attribute instance, public entity types and the @context store.
 * Names are stored expanded (full IRIs); timestamps are ISO 8601 UTC strings with `Z`, as the
 * NGSI-LD wire format wants them. Geo-queries use the bounding-box columns of GeoProperty rows
 * as an indexed prefilter and check the exact geometry in code (no PostGIS on either backend).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const double = dialect === 'postgres' ? sql`double precision` : sql`real`;
  const bigint = dialect === 'postgres' ? sql`bigint` : sql`integer`;

  await db.schema
    .createTable('ngsi_tenant')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ngsi_entity')
    .addColumn('seq', 'integer', (c) =>
      dialect === 'postgres'
        ? c.generatedAlwaysAsIdentity().primaryKey()
        : c.primaryKey().autoIncrement(),
    )
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // JSON array of expanded type IRIs, in the order given.
    .addColumn('types', 'text', (c) => c.notNull())
    // JSON array of scopes, or NULL.
    .addColumn('scopes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ngsi_entity_tenant_id', ['tenant', 'id'])
    .execute();
  // Queries without a selective filter walk a tenant's entities in creation order.
  await db.schema
    .createIndex('ngsi_entity_tenant_seq')
    .on('ngsi_entity')
    .columns(['tenant', 'seq'])
    .execute();

  await db.schema
    .createTable('ngsi_entity_type')
    .addColumn('entity_seq', 'integer', (c) =>
      c.notNull().references('ngsi_entity.seq').onDelete('cascade'),
    )
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ngsi_entity_type_pkey', ['entity_seq', 'type'])
    .execute();
  await db.schema
    .createIndex('ngsi_entity_type_by_type')
    .on('ngsi_entity_type')
    .columns(['tenant', 'type', 'entity_seq'])
    .execute();

  await db.schema
    .createTable('ngsi_attribute')
    .addColumn('entity_seq', 'integer', (c) =>
      c.notNull().references('ngsi_entity.seq').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    // '' is the default instance, so that the primary key works the same on both backends.
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    // JSON of the main member (value, object, languageMap, json, vocab, valueList, objectList).
    .addColumn('value', 'text', (c) => c.notNull())
    // Scalar copies of the value for indexed q comparisons: vkind n|s|b (number, string,
    // boolean) fills vnum or vtext; a (array) and o (object) are compared through JSON.
    .addColumn('vkind', 'text', (c) => c.notNull())
    .addColumn('vnum', double)
    .addColumn('vtext', 'text')
    .addColumn('observed_at', 'text')
    .addColumn('unit_code', 'text')
    // JSON object: sub-attributes (expanded names) and other members (objectType, …).
    .addColumn('extra', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addColumn('gminx', double)
    .addColumn('gminy', double)
    .addColumn('gmaxx', double)
    .addColumn('gmaxy', double)
    .addPrimaryKeyConstraint('ngsi_attribute_pkey', ['entity_seq', 'name', 'dataset_id'])
    .execute();
  // q equality terms find their entities through these (see repo/query-entities.ts).
  await db.schema
    .createIndex('ngsi_attribute_text')
    .on('ngsi_attribute')
    .columns(['name', 'vkind', 'vtext'])
    .execute();
  await db.schema
    .createIndex('ngsi_attribute_num')
    .on('ngsi_attribute')
    .columns(['name', 'vkind', 'vnum'])
    .execute();
  await db.schema
    .createIndex('ngsi_attribute_geo')
    .on('ngsi_attribute')
    .columns(['name', 'gminx', 'gminy'])
    .execute();

  await db.schema
    .createTable('ngsi_public_type')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('ngsi_public_type_pkey', ['tenant', 'type'])
    .execute();

  // The @context store (/jsonldContexts): Hosted (posted), Cached (fetched) and
  // ImplicitlyCreated (inline contexts of requests).
  await db.schema
    .createTable('ngsi_jsonld_context')
    .addColumn('local_id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_usage', 'text')
    .addColumn('hits', bigint, (c) => c.notNull().defaultTo(0))
    .execute();
}
