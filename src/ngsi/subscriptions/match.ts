import { CORE_CONTEXT_URL } from '../context/core-context.ts';
import type { TermMap } from '../context/term-map.ts';
import type { Geometry } from '../model/geojson.ts';
import { renderEntity } from '../model/render-entity.ts';
import type { Entity, EntityChange } from '../model/types.ts';
import { geoMatches } from '../query/geo-match.ts';
import { evaluateQ } from '../query/q-eval.ts';
import type { Subscription, Trigger } from './subscription.ts';

/** The triggers one change fires (clause 7.2, v1.8 notificationTrigger). */
export function firedTriggers(change: EntityChange): Array<{ trigger: Trigger; attr?: string }> {
  const out: Array<{ trigger: Trigger; attr?: string }> = [];
  if (change.op === 'created') out.push({ trigger: 'entityCreated' });
  else if (change.op === 'deleted') out.push({ trigger: 'entityDeleted' });
  else out.push({ trigger: 'entityUpdated' });
  for (const a of change.attrs) {
    const trigger: Trigger =
      a.op === 'created'
        ? 'attributeCreated'
        : a.op === 'deleted'
          ? 'attributeDeleted'
          : 'attributeUpdated';
    out.push({ trigger, attr: a.name });
  }
  return out;
}

/**
 * Whether a change notifies a subscription (clause 5.8.x): active and not expired, an entity
 * selector matches, a watched attribute (if any) changed in a subscribed way, and q / geoQ hold
 * on the entity as it now is (as it was, for deletions).
 */
export function matches(sub: Subscription, change: EntityChange, nowMs: number): boolean {
  if (!sub.isActive || sub.timeInterval !== undefined) return false;
  if (sub.expiresMs !== undefined && sub.expiresMs <= nowMs) return false;
  const entity = change.after ?? change.before;
  if (!entity) return false;
  if (sub.entities.length > 0 && !sub.entities.some((s) => selects(s, entity))) return false;
  const fired = firedTriggers(change).filter((f) => sub.triggers.has(f.trigger));
  const relevant = fired.some((f) =>
    f.attr === undefined ? true : !sub.watched || sub.watched.has(f.attr),
  );
  if (!relevant) return false;
  if (sub.q && !evaluateQ(sub.q, entity)) return false;
  if (sub.geoQ) {
    const geo = [...(entity.attrs.get(sub.geoQ.expandedProperty)?.values() ?? [])].find(
      (a) => a.type === 'GeoProperty',
    );
    if (!geo || !geoMatches(geo.value as Geometry, sub.geoQ)) return false; // GeoProperty values are validated geometries
  }
  return true;
}

function selects(s: Subscription['entities'][number], e: Entity): boolean {
  if (s.type !== undefined && !e.types.includes(s.type)) return false;
  if (s.id !== undefined && s.id !== e.id) return false;
  if (s.idPattern && !s.idPattern.test(e.id)) return false;
  return true;
}

/** The notification message (clause 5.3.1): body and HTTP headers, ready for the outbox. */
export function notificationMessage(
  sub: Subscription,
  entities: readonly Entity[],
  terms: TermMap,
  context: unknown,
  notificationId: string,
  notifiedAt: string,
): { headers: Record<string, string>; body: Record<string, unknown> } {
  const n = sub.notification;
  const data = entities.map((e) => {
    const o = {
      terms,
      format: n.format,
      sysAttrs: n.sysAttrs,
      ...(n.attributes ? { attrs: n.attributes } : {}),
      ...(sub.lang ? { lang: sub.lang } : {}),
    };
    return renderEntity(e, o);
  });
  const body: Record<string, unknown> = {
    id: notificationId,
    type: 'Notification',
    subscriptionId: sub.id,
    notifiedAt,
    data,
  };
  const headers: Record<string, string> = { 'Content-Type': n.endpoint.accept };
  const ctxUrl = typeof context === 'string' ? context : undefined;
  if (n.endpoint.accept === 'application/ld+json') body['@context'] = context ?? CORE_CONTEXT_URL;
  else if (ctxUrl)
    headers.Link = `<${ctxUrl}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`;
  for (const r of n.endpoint.receiverInfo) headers[r.key] = r.value;
  return { headers, body };
}
