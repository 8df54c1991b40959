import type { TermMap } from '../context/term-map.ts';
import { badData } from '../errors.ts';
import { isDateTime } from '../model/datetime.ts';
import type { Format } from '../model/render-entity.ts';
import { isUri } from '../model/uri.ts';
import { type GeoQuery, parseGeoQuery } from '../query/geo-query.ts';
import type { QNode } from '../query/q-ast.ts';
import { resolveQ } from '../query/q-eval.ts';
import { parseQ } from '../query/q-parse.ts';

export const TRIGGERS = [
  'entityCreated',
  'entityUpdated',
  'entityDeleted',
  'attributeCreated',
  'attributeUpdated',
  'attributeDeleted',
] as const;
export type Trigger = (typeof TRIGGERS)[number];
/** Clause 5.2.12: without notificationTrigger, attribute creation and update notify. */
const DEFAULT_TRIGGERS: Trigger[] = ['attributeCreated', 'attributeUpdated'];

export interface EntitySelector {
  /** Expanded type IRI. */
  type?: string;
  id?: string;
  idPattern?: RegExp;
}

/** A subscription (clause 5.2.12) in the broker's expanded, checked form. */
export interface Subscription {
  id: string;
  /** The members as written (compact names), for GET; without status members. */
  raw: Record<string, unknown>;
  entities: EntitySelector[];
  watched?: ReadonlySet<string>;
  triggers: ReadonlySet<Trigger>;
  q?: QNode;
  geoQ?: GeoQuery & { expandedProperty: string };
  /** Periodic notifications every timeInterval seconds (instead of on change). */
  timeInterval?: number;
  /** Seconds between two notifications at least. */
  throttling?: number;
  expiresMs?: number;
  isActive: boolean;
  lang?: string;
  notification: {
    attributes?: ReadonlySet<string>;
    format: Format;
    sysAttrs: boolean;
    endpoint: { uri: string; accept: string; receiverInfo: Array<{ key: string; value: string }> };
  };
}

/** Members the broker keeps and shows, not the client. */
const STATUS_MEMBERS = [
  'status',
  'timesSent',
  'timesFailed',
  'lastNotification',
  'lastSuccess',
  'lastFailure',
];

/** The subscription members as given, without @context and read-only status members. */
export function storedMembers(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '@context' || STATUS_MEMBERS.includes(k)) continue;
    if (k === 'notification' && isObject(v)) {
      const n: Record<string, unknown> = {};
      for (const [nk, nv] of Object.entries(v)) if (!STATUS_MEMBERS.includes(nk)) n[nk] = nv;
      out[k] = n;
    } else out[k] = v;
  }
  return out;
}

/**
 * Checks and expands a subscription (clause 5.8.1): the members as written and the terms of
 * its @context.
 * @throws AppError BadRequestData naming the first problem.
 */
export function parseSubscription(
  raw: Record<string, unknown>,
  terms: TermMap,
  id: string,
): Subscription {
  if (raw.type !== 'Subscription') throw badData('type must be "Subscription"');
  const entities = parseEntities(raw.entities, terms);
  const watched = stringList(raw.watchedAttributes, 'watchedAttributes');
  const timeInterval = optionalNumber(raw.timeInterval, 'timeInterval');
  const throttling = optionalNumber(raw.throttling, 'throttling');
  if (entities.length === 0 && watched === undefined)
    throw badData('A subscription needs entities or watchedAttributes');
  if (timeInterval !== undefined && watched !== undefined)
    throw badData('timeInterval and watchedAttributes cannot be combined');
  if (timeInterval !== undefined && throttling !== undefined)
    throw badData('timeInterval and throttling cannot be combined');
  const triggerList = stringList(raw.notificationTrigger, 'notificationTrigger');
  for (const t of triggerList ?? [])
    if (!(TRIGGERS as readonly string[]).includes(t))
      throw badData(`Unknown notificationTrigger ${t}`);
  let expiresMs: number | undefined;
  if (raw.expiresAt !== undefined) {
    if (!isDateTime(raw.expiresAt)) throw badData('expiresAt must be a DateTime');
    expiresMs = Date.parse(raw.expiresAt);
  }
  if (raw.isActive !== undefined && typeof raw.isActive !== 'boolean')
    throw badData('isActive must be true or false');
  const sub: Subscription = {
    id,
    raw,
    entities,
    triggers: new Set((triggerList as Trigger[] | undefined) ?? DEFAULT_TRIGGERS), // checked above
    isActive: raw.isActive !== false,
    notification: parseNotification(raw.notification, terms),
  };
  if (watched) sub.watched = new Set(watched.map((w) => terms.expand(w)));
  if (timeInterval !== undefined) sub.timeInterval = timeInterval;
  if (throttling !== undefined) sub.throttling = throttling;
  if (expiresMs !== undefined) sub.expiresMs = expiresMs;
  if (raw.q !== undefined) {
    if (typeof raw.q !== 'string') throw badData('q must be a string');
    sub.q = resolveQ(parseQ(raw.q), (t) => terms.expand(t));
  }
  if (raw.geoQ !== undefined) {
    if (!isObject(raw.geoQ)) throw badData('geoQ must be an object');
    const g = raw.geoQ;
    const geo = parseGeoQuery({
      georel: str(g.georel),
      geometry: str(g.geometry),
      coordinates: Array.isArray(g.coordinates) ? g.coordinates : str(g.coordinates),
      geoproperty: str(g.geoproperty),
    });
    if (geo) sub.geoQ = { ...geo, expandedProperty: terms.expand(geo.property) };
  }
  if (raw.lang !== undefined) {
    if (typeof raw.lang !== 'string') throw badData('lang must be a string');
    sub.lang = raw.lang;
  }
  return sub;
}

function parseEntities(value: unknown, terms: TermMap): EntitySelector[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length === 0)
    throw badData('entities must be a non-empty array');
  return value.map((e) => {
    if (!isObject(e)) throw badData('Each entities item must be an object');
    const sel: EntitySelector = {};
    if (typeof e.type !== 'string' || e.type === '')
      throw badData('Each entities item needs a type');
    sel.type = terms.expand(e.type);
    if (e.id !== undefined) {
      if (!isUri(e.id)) throw badData('entities id must be a URI');
      sel.id = e.id;
    }
    if (e.idPattern !== undefined) {
      if (typeof e.idPattern !== 'string') throw badData('idPattern must be a string');
      try {
        sel.idPattern = new RegExp(e.idPattern);
      } catch {
        throw badData(`idPattern ${e.idPattern} is not a valid regular expression`);
      }
    }
    return sel;
  });
}

function parseNotification(value: unknown, terms: TermMap): Subscription['notification'] {
  if (!isObject(value)) throw badData('A subscription needs a notification object');
  const ep = value.endpoint;
  if (!isObject(ep) || typeof ep.uri !== 'string')
    throw badData('notification.endpoint.uri is required');
  let url: URL;
  try {
    url = new URL(ep.uri);
  } catch {
    throw badData('notification.endpoint.uri must be a URI');
  }
  if (!['http:', 'https:', 'mqtt:', 'mqtts:'].includes(url.protocol))
    throw badData('notification.endpoint.uri must be http(s):// or mqtt://');
  const accept = ep.accept === undefined ? 'application/json' : ep.accept;
  if (accept !== 'application/json' && accept !== 'application/ld+json')
    throw badData('endpoint.accept must be application/json or application/ld+json');
  const receiverInfo: Array<{ key: string; value: string }> = [];
  if (ep.receiverInfo !== undefined) {
    if (!Array.isArray(ep.receiverInfo)) throw badData('receiverInfo must be an array');
    for (const r of ep.receiverInfo) {
      if (!isObject(r) || typeof r.key !== 'string' || typeof r.value !== 'string')
        throw badData('receiverInfo items are {key, value} strings');
      receiverInfo.push({ key: r.key, value: r.value });
    }
  }
  const format = value.format ?? 'normalized';
  if (format !== 'normalized' && format !== 'keyValues' && format !== 'concise')
    throw badData('notification.format must be normalized, keyValues or concise');
  const attrs = stringList(value.attributes, 'notification.attributes');
  const out: Subscription['notification'] = {
    format,
    sysAttrs: value.sysAttrs === true,
    endpoint: { uri: ep.uri, accept, receiverInfo },
  };
  if (attrs && attrs.length > 0) out.attributes = new Set(attrs.map((a) => terms.expand(a)));
  return out;
}

function stringList(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((v) => typeof v !== 'string' || v === '')
  )
    throw badData(`${name} must be a non-empty array of names`);
  return value as string[]; // checked just above
}

function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw badData(`${name} must be a positive number of seconds`);
  return value;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
