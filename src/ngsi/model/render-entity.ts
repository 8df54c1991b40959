import type { Projection } from '../query/query-params.ts';
import type { Attr, AttrInstances, Entity } from './types.ts';
import { VALUE_MEMBER } from './types.ts';

/** What rendering needs from a TermMap: expanded names and vocab values are compacted. */
export interface Compactor {
  compact(iri: string): string;
}

export type Format = 'normalized' | 'keyValues' | 'concise';

export interface RenderOptions {
  terms: Compactor;
  format: Format;
  /** Add createdAt / modifiedAt (options=sysAttrs). */
  sysAttrs: boolean;
  /** Only these attributes (expanded names); undefined = all. */
  attrs?: ReadonlySet<string>;
  /** Projection (pick/omit): expanded attribute names or `id`, `type`, `scope`. */
  pick?: Projection;
  omit?: Projection;
  /** Linked entity retrieval (clause 4.5.23) with join=inline: entities by id, levels left. */
  inline?: { linked: ReadonlyMap<string, Entity>; level: number };
  /** Projection of the entities the current attribute links to (set per attribute). */
  linkPick?: Projection | undefined;
  linkOmit?: Projection | undefined;
  /** LanguageProperty language filter (`lang`): a tag or `*`. */
  lang?: string;
  /** Only instances with these datasetIds (`@none` = the default instance). */
  datasetIds?: ReadonlySet<string>;
}

/**
 * Renders an entity in the requested representation with compacted names (clause 4.5):
 * normalized (full attribute objects), keyValues (values only) or concise (types dropped where
 * they can be inferred back).
 */
export function renderEntity(entity: Entity, o: RenderOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // `rel{…}` in omit projects the linked entity; only a plain name drops the member.
  const keep = (name: string) =>
    (!o.pick || o.pick.has(name)) && !(o.omit?.has(name) && o.omit.get(name) === undefined);
  if (keep('id')) out.id = entity.id;
  if (keep('type')) {
    const types = entity.types.map((t) => o.terms.compact(t));
    out.type = types.length === 1 ? types[0] : types;
  }
  if (entity.scopes && entity.scopes.length > 0 && keep('scope'))
    out.scope = entity.scopes.length === 1 ? entity.scopes[0] : entity.scopes;
  if (o.sysAttrs && o.format !== 'keyValues') {
    if (entity.createdAt) out.createdAt = entity.createdAt;
    if (entity.modifiedAt) out.modifiedAt = entity.modifiedAt;
  }
  for (const [name, instances] of entity.attrs) {
    if (o.attrs && !o.attrs.has(name)) continue;
    if (!keep(name)) continue;
    const rendered = renderInstances(instances, withLinkProjection(o, name));
    if (rendered !== undefined) out[o.terms.compact(name)] = rendered;
  }
  return out;
}

/** Options for an attribute whose linked entities get the nested part of pick/omit. */
function withLinkProjection(o: RenderOptions, name: string): RenderOptions {
  if (!o.inline) return o;
  const pick = o.pick?.get(name);
  const omit = o.omit?.get(name);
  const out: RenderOptions = { ...o, linkPick: pick, linkOmit: omit };
  return out;
}

/** Renders all instances of one attribute: one object, or an array for several. */
export function renderInstances(instances: AttrInstances, o: RenderOptions): unknown {
  const list: unknown[] = [];
  for (const attr of instances.values()) {
    if (o.datasetIds && !o.datasetIds.has(attr.datasetId ?? '@none')) continue;
    list.push(renderAttr(attr, o));
  }
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0] : list;
}

/** Renders one attribute instance in the requested representation. */
export function renderAttr(attr: Attr, o: RenderOptions): unknown {
  const linked = linkedEntity(attr, o);
  if (o.format === 'keyValues') return linked ?? keyValue(attr, o);
  const out: Record<string, unknown> = {};
  const langValue = attr.type === 'LanguageProperty' && o.lang ? pickLanguage(attr, o.lang) : null;
  if (langValue) {
    // Clause 4.15: with `lang`, a LanguageProperty is shown as a Property in one language.
    out.type = 'Property';
    out.value = langValue.value;
    out.lang = langValue.lang;
  } else {
    out.type = attr.type;
    out[VALUE_MEMBER[attr.type]] = mainValue(attr, o);
  }
  if (attr.members) {
    for (const [k, v] of Object.entries(attr.members))
      out[k] = k === 'objectType' ? compactAll(v, o) : v;
  }
  if (attr.datasetId !== undefined) out.datasetId = attr.datasetId;
  if (attr.observedAt !== undefined) out.observedAt = attr.observedAt;
  if (attr.unitCode !== undefined) out.unitCode = attr.unitCode;
  if (o.sysAttrs) {
    if (attr.createdAt) out.createdAt = attr.createdAt;
    if (attr.modifiedAt) out.modifiedAt = attr.modifiedAt;
  }
  const { inline: _inline, ...withoutJoin } = o;
  const subOptions = { ...withoutJoin, attrs: undefined, pick: undefined, omit: undefined };
  for (const [name, sub] of Object.entries(attr.sub))
    out[o.terms.compact(name)] = renderAttr(sub, subOptions);
  if (linked !== undefined) out.entity = linked;
  return o.format === 'concise' ? concise(out, attr) : out;
}

/** join=inline: the rendered entity a Relationship points to, if it was loaded. */
function linkedEntity(attr: Attr, o: RenderOptions): Record<string, unknown> | undefined {
  if (!o.inline || o.inline.level < 1 || attr.type !== 'Relationship') return undefined;
  if (typeof attr.value !== 'string') return undefined;
  const target = o.inline.linked.get(attr.value);
  if (!target) return undefined;
  const nested: RenderOptions = {
    ...o,
    attrs: undefined,
    pick: o.linkPick,
    omit: o.linkOmit,
    inline: { linked: o.inline.linked, level: o.inline.level - 1 },
  };
  return renderEntity(target, nested);
}

function mainValue(attr: Attr, o: RenderOptions): unknown {
  return attr.type === 'VocabProperty' ? compactAll(attr.value, o) : attr.value;
}

function compactAll(v: unknown, o: RenderOptions): unknown {
  if (typeof v === 'string') return o.terms.compact(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? o.terms.compact(x) : x));
  return v;
}

function keyValue(attr: Attr, o: RenderOptions): unknown {
  if (attr.type === 'LanguageProperty' && o.lang) {
    const picked = pickLanguage(attr, o.lang);
    if (picked) return picked.value;
  }
  if (attr.type === 'LanguageProperty') return { languageMap: attr.value };
  if (attr.type === 'JsonProperty') return { json: attr.value };
  if (attr.type === 'VocabProperty') return { vocab: compactAll(attr.value, o) };
  return attr.value;
}

/** The text of a LanguageProperty in the wanted language (`*` = any, first one). */
function pickLanguage(attr: Attr, lang: string): { value: unknown; lang: string } | null {
  const map = attr.value as Record<string, unknown>; // a LanguageProperty value is an object
  const tags = Object.keys(map);
  const wanted = lang === '*' ? tags : lang.split(',').map((t) => t.trim().split(';')[0] ?? '');
  for (const tag of wanted) {
    if (tag in map) return { value: map[tag], lang: tag };
  }
  // No match: fall back to the first entry, as brokers do for a missing translation.
  const first = tags[0];
  return first === undefined ? null : { value: map[first], lang: first };
}

/** Concise: drop `type` where the members tell it, and bare values where nothing else is said. */
function concise(out: Record<string, unknown>, attr: Attr): unknown {
  const { type: _type, ...rest } = out;
  const keys = Object.keys(rest);
  if (attr.type === 'Property' && keys.length === 1 && 'value' in rest && !isObject(rest.value))
    return rest.value;
  if (attr.type === 'GeoProperty' && keys.length === 1) return rest.value;
  return rest;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}
