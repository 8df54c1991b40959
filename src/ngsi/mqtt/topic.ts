import { ATTRIBUTE_TYPES } from '../model/types.ts';
import { isUri } from '../model/uri.ts';

/**
 * The ingest topic scheme: `s5/<tenant|default>/<entityType>/<entityId>/attrs`, payload a JSON
 * object of attributes, keyValues (`{"power": 12.5}`) or normalized
 * (`{"power": {"type": "Property", "value": 12.5, "observedAt": "…"}}`).
 */
export const INGEST_TOPIC = 's5/+/+/+/attrs';

export interface IngestMessage {
  /** '' is the default tenant. */
  tenant: string;
  type: string;
  id: string;
  /** Attributes in normalized form. */
  attrs: Record<string, unknown>;
}

/** Why a message was refused; published to `s5/errors/<tenant>/<type>/<id>`. */
export class IngestRefusal extends Error {}

/**
 * Reads an ingest topic and payload (pure).
 * @throws IngestRefusal with a reason for anything that is not an entity update.
 */
export function parseIngest(topic: string, payload: Buffer | string): IngestMessage {
  const parts = topic.split('/');
  if (parts.length !== 5 || parts[0] !== 's5' || parts[4] !== 'attrs')
    throw new IngestRefusal('topic must be s5/<tenant|default>/<entityType>/<entityId>/attrs');
  const [, tenantPart = '', type = '', id = ''] = parts;
  const tenant = tenantPart === 'default' ? '' : tenantPart;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(tenantPart)) throw new IngestRefusal('invalid tenant');
  if (!/^[A-Za-z][A-Za-z0-9_.:-]{0,199}$/.test(type))
    throw new IngestRefusal('invalid entity type');
  if (!isUri(id)) throw new IngestRefusal('the entity id must be a URI');
  let body: unknown;
  try {
    body = JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8'));
  } catch {
    throw new IngestRefusal('the payload is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new IngestRefusal('the payload must be a JSON object of attributes');
  const entries = Object.entries(body as Record<string, unknown>); // checked just above
  if (entries.length === 0) throw new IngestRefusal('the payload has no attributes');
  const attrs: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    if (['id', 'type', '@context'].includes(name)) continue;
    attrs[name] = normalized(value);
  }
  return { tenant, type, id, attrs };
}

/** keyValues → normalized: objects that name an attribute type stay as they are. */
function normalized(value: unknown): unknown {
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (ATTRIBUTE_TYPES as readonly unknown[]).includes((value as { type?: unknown }).type)
  )
    return value;
  return { type: 'Property', value };
}

/** The error topic of a refused message. */
export function errorTopic(topic: string): string {
  const parts = topic.split('/');
  return parts[0] === 's5' && parts.length >= 4
    ? `s5/errors/${parts.slice(1, 4).join('/')}`
    : 's5/errors/unknown';
}
