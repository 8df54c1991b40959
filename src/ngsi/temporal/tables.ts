import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { NgsiTables } from '../repo/tables.ts';

/** Tables of migration 0011-ngsi-realtime (history, retention, subscriptions, outbox, devices). */
export type RealtimeTables = NgsiTables & {
  ngsi_attr_instance: InstanceRow;
  ngsi_retention: { tenant: string; type: string; days: number; updated_at: string };
  ngsi_subscription: SubscriptionRow;
  ngsi_outbox: OutboxRow;
  ngsi_device_scope: {
    user_name: string;
    tenant: string;
    types: string;
    ids: string;
    updated_at: string;
  };
};

export interface InstanceRow {
  instance_id: string;
  tenant: string;
  entity_id: string;
  attr: string;
  dataset_id: string;
  body: string;
  vnum: number | null;
  vtext: string | null;
  observed_ms: number;
  created_ms: number;
  modified_ms: number;
}

export interface SubscriptionRow {
  tenant: string;
  id: string;
  body: string;
  context: string | null;
  is_active: number;
  expires_ms: number | null;
  times_sent: number;
  times_failed: number;
  last_notification: string | null;
  last_success: string | null;
  last_failure: string | null;
  last_queued_ms: number | null;
  created_at: string;
  modified_at: string;
}

export interface OutboxRow {
  id: string;
  tenant: string;
  subscription_id: string;
  endpoint: string;
  message: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_ms: number;
  created_ms: number;
  done_ms: number | null;
  last_error: string | null;
}

/** Kysely over the real-time tables (a transaction stays a transaction). */
export function realtimeDb(db: Database): Kysely<RealtimeTables> {
  return db.kysely.withTables<RealtimeTables>() as unknown as Kysely<RealtimeTables>; // same connection, wider table set
}
