import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * NGSI-LD real-time data (src/ngsi/temporal, src/ngsi/subscriptions, src/ngsi/mqtt): attribute
 * history, retention per entity type, subscriptions, the notification outbox and device scopes.
 * History is a plain table on both backends (TimescaleDB is not a Debian package here); times are
 * kept as epoch milliseconds next to the ISO text so that ranges and aggregation periods are
 * integer arithmetic with the same answers on SQLite and PostgreSQL.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const double = dialect === 'postgres' ? sql`double precision` : sql`real`;
  const bigint = dialect === 'postgres' ? sql`bigint` : sql`integer`;

  // One row per attribute instance ever written (clause 4.5.x temporal representation).
  await db.schema
    .createTable('ngsi_attr_instance')
    .addColumn('instance_id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('attr', 'text', (c) => c.notNull())
    // '' is the default instance.
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    // JSON of the attribute instance (the broker's internal Attr, expanded names).
    .addColumn('body', 'text', (c) => c.notNull())
    // Numeric value for aggregation; NULL for other kinds. vtext: the value's JSON for distinctCount.
    .addColumn('vnum', double)
    .addColumn('vtext', 'text')
    // observedAt, or the receipt time when the instance has none.
    .addColumn('observed_ms', bigint, (c) => c.notNull())
    .addColumn('created_ms', bigint, (c) => c.notNull())
    .addColumn('modified_ms', bigint, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ngsi_attr_instance_observed')
    .on('ngsi_attr_instance')
    .columns(['tenant', 'entity_id', 'attr', 'observed_ms'])
    .execute();
  await db.schema
    .createIndex('ngsi_attr_instance_created')
    .on('ngsi_attr_instance')
    .columns(['tenant', 'entity_id', 'attr', 'created_ms'])
    .execute();
  // Retention purges by age across all entities.
  await db.schema
    .createIndex('ngsi_attr_instance_age')
    .on('ngsi_attr_instance')
    .columns(['tenant', 'created_ms'])
    .execute();

  await db.schema
    .createTable('ngsi_retention')
    .addColumn('tenant', 'text', (c) => c.notNull())
    // Expanded entity type IRI.
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ngsi_retention_pkey', ['tenant', 'type'])
    .execute();

  await db.schema
    .createTable('ngsi_subscription')
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    // JSON of the subscription as given (expanded names), without status members.
    .addColumn('body', 'text', (c) => c.notNull())
    // JSON-LD @context of the subscription, to render notifications with its terms.
    .addColumn('context', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('expires_ms', bigint)
    .addColumn('times_sent', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('times_failed', bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('last_notification', 'text')
    .addColumn('last_success', 'text')
    .addColumn('last_failure', 'text')
    // Throttling and periodic notifications: when the last one was queued (epoch ms).
    .addColumn('last_queued_ms', bigint)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ngsi_subscription_pkey', ['tenant', 'id'])
    .execute();

  // Notifications written in the transaction of the change; the delivery workers read them.
  await db.schema
    .createTable('ngsi_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    // JSON: {headers, body} of the notification, ready to send.
    .addColumn('message', 'text', (c) => c.notNull())
    // pending | delivered | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_ms', bigint, (c) => c.notNull())
    .addColumn('created_ms', bigint, (c) => c.notNull())
    .addColumn('done_ms', bigint)
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('ngsi_outbox_due')
    .on('ngsi_outbox')
    .columns(['state', 'next_ms'])
    .execute();

  // Which entities a device (an API token's user, MQTT username) may write.
  await db.schema
    .createTable('ngsi_device_scope')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('tenant', 'text', (c) => c.notNull())
    // JSON arrays: expanded entity types and entity ids ([] = none of that kind).
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('ids', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ngsi_device_scope_pkey', ['user_name', 'tenant'])
    .execute();
}
