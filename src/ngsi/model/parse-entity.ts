import { badData, ngsiError } from '../errors.ts';
import {
  checkName,
  type Expander,
  type ParseOptions,
  parseAttribute,
  parsePatch,
} from './parse-attribute.ts';
import { type Attr, type AttrInstances, type Entity, instanceKey } from './types.ts';
import { isUri } from './uri.ts';

/** Entity members that are not attributes. */
const ENTITY_MEMBERS = new Set([
  'id',
  'type',
  'scope',
  '@context',
  'createdAt',
  'modifiedAt',
  'deletedAt',
]);

/** Attribute names reserved for GeoProperties (clause 4.7). */
const GEO_NAMES = new Set(['location', 'observationSpace', 'operationSpace']);

// Clause 4.18: a scope is a path of one or more `/segment`s.
const SCOPE = /^\/[^\s/#?]+(\/[^\s/#?]+)*$/;

export interface ParseEntityOptions extends ParseOptions {
  /** Whether `id` must be present (create); otherwise it may be absent (fragments). */
  requireId: boolean;
  requireType: boolean;
  /** For merges: attributes that exist are patched (members left out keep their values). */
  existing?: Entity;
}

/**
 * Parses an entity (or entity fragment) as written in a request: its id, types (expanded),
 * scopes and attributes (normalized or concise).
 * @throws AppError BadRequestData naming what is wrong.
 */
export function parseEntity(
  body: unknown,
  terms: Expander,
  options: ParseEntityOptions,
): Entity & { idGiven: boolean } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw ngsiError('InvalidRequest', 'An entity must be a JSON object');
  const raw = body as Record<string, unknown>; // checked to be a plain object just above
  const id = raw.id;
  if (id === undefined) {
    if (options.requireId) throw badData('The entity has no id');
  } else if (!isUri(id)) throw badData(`The entity id ${JSON.stringify(id)} is not a URI`);
  const types = parseTypes(raw.type, terms, options.requireType);
  const entity: Entity & { idGiven: boolean } = {
    id: typeof id === 'string' ? id : '',
    idGiven: id !== undefined,
    types,
    attrs: new Map(),
  };
  if (raw.scope !== undefined) entity.scopes = parseScopes(raw.scope);
  for (const [name, value] of Object.entries(raw)) {
    if (ENTITY_MEMBERS.has(name)) continue;
    const iri = terms.expand(name);
    entity.attrs.set(
      iri,
      parseInstances(name, value, terms, options, options.existing?.attrs.get(iri)),
    );
  }
  return entity;
}

/**
 * Parses one attribute of a fragment into its instances keyed by datasetId.
 * @throws AppError BadRequestData.
 */
export function parseInstances(
  name: string,
  value: unknown,
  terms: Expander,
  opts: ParseOptions = {},
  existing?: AttrInstances,
): AttrInstances {
  checkName(name);
  const instances: Attr[] = [];
  const list = existing && Array.isArray(value) ? value : [value];
  if (existing) {
    for (const raw of list) {
      const dataset =
        typeof raw === 'object' && raw !== null
          ? (raw as { datasetId?: unknown }).datasetId
          : undefined;
      const old = existing.get(instanceKey(typeof dataset === 'string' ? dataset : undefined));
      instances.push(
        ...(old ? [parsePatch(name, raw, terms, old)] : parseAttribute(name, raw, terms, opts)),
      );
    }
  } else instances.push(...parseAttribute(name, value, terms, opts));
  if (
    GEO_NAMES.has(name) &&
    instances.some((a) => a.type !== 'GeoProperty' && a.value !== 'urn:ngsi-ld:null')
  )
    throw badData(`${name} must be a GeoProperty`);
  const map: AttrInstances = new Map();
  for (const a of instances) map.set(instanceKey(a.datasetId), a);
  return map;
}

/**
 * Entity type(s) → expanded IRIs.
 * @throws AppError BadRequestData.
 */
export function parseTypes(value: unknown, terms: Expander, required: boolean): string[] {
  if (value === undefined) {
    if (required) throw badData('The entity has no type');
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw badData('The entity type list is empty');
  const out: string[] = [];
  for (const t of list) {
    if (typeof t !== 'string') throw badData('An entity type must be a string');
    checkName(t, 'entity type');
    const iri = terms.expand(t);
    // A type must expand to an IRI, not to a keyword (`type` → @type) or a relative name.
    if (!isUri(iri) || iri.startsWith('@')) throw badData(`Invalid entity type ${t}`);
    if (!out.includes(iri)) out.push(iri);
  }
  return out;
}

/**
 * Scopes (clause 4.18) → a list of scope paths.
 * @throws AppError BadRequestData.
 */
export function parseScopes(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  for (const s of list) {
    if (typeof s !== 'string' || !SCOPE.test(s)) throw badData(`Invalid scope ${String(s)}`);
  }
  return [...new Set(list as string[])]; // every element checked to be a string above
}
