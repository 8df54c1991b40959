import type { Actor } from '../../core/action.ts';
import type { Database } from '../../db/index.ts';
import type { TermMap } from '../context/term-map.ts';
import { ngsiError } from '../errors.ts';
import type { EntityChange } from '../model/types.ts';

/** One broker request: who, which tenant, when, and the terms of its @context. */
export interface NgsiCall {
  actor: Actor;
  /** '' is the default tenant. */
  tenant: string;
  now: Date;
  terms: TermMap;
}

export interface BrokerSettings {
  maxLimit: number;
  defaultLimit: number;
  /** Conformance testing: anonymous callers may write and read every type. */
  openAccess: boolean;
}

/**
 * Runs inside the transaction of every entity write, after the rows are written, with what
 * changed. History (temporal API) and notifications attach here; a throw rolls the write back.
 */
export type ChangeListener = (tx: Database, changes: readonly EntityChange[]) => Promise<void>;

/** Whether the caller may only see entities of public types. */
export function readsPublicOnly(call: NgsiCall, settings: BrokerSettings): boolean {
  if (settings.openAccess) return false;
  return call.actor.userId === null && !call.actor.sysadmin;
}

/**
 * Writes need an API token (any user; sysadmins too). Device tokens scoped to entities come
 * with MQTT ingest.
 * @throws AppError AccessDenied for anonymous callers.
 */
export function checkWrite(call: NgsiCall, settings: BrokerSettings): void {
  if (settings.openAccess || call.actor.sysadmin || call.actor.userId !== null) return;
  throw ngsiError(
    'AccessDenied',
    'Writing NGSI-LD entities needs an API token (Authorization header)',
  );
}

/**
 * The NGSILD-Tenant header value: '' (default) or a name of letters, digits, `_` and `-`.
 * @throws AppError BadRequestData for another value.
 */
export function parseTenant(header: string | undefined): string {
  if (header === undefined || header === '') return '';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(header))
    throw ngsiError('BadRequestData', 'NGSILD-Tenant must be 1–64 letters, digits, _ or -');
  return header;
}
