import {
  badData,
  type Entity,
  flatLinked,
  type Geometry,
  type Params,
  parseAttrs,
  parseProjection,
  parseView,
  type RenderOptions,
  renderEntity,
  splitList,
} from '../ngsi/index.ts';
import type { NgsiExchange } from './ngsi-http.ts';

/** How a GET shows entities: representation, projection and linked entity retrieval. */
export interface View {
  render: RenderOptions;
  join?: { mode: 'inline' | 'flat'; level: number };
}

/**
 * The representation a GET asks for: options/format, attrs, pick/omit, lang, datasetId, join.
 * @throws AppError InvalidRequest (options), BadRequestData (projection conflicts, join).
 */
export function viewOf(x: NgsiExchange, params: Params): View {
  const view = parseView(params);
  const attrs = parseAttrs(params.attrs, x.call.terms);
  const pick = parseProjection(params.pick, x.call.terms);
  const omit = parseProjection(params.omit, x.call.terms);
  if (pick && omit) {
    for (const [name, nested] of pick)
      if (omit.has(name) && nested === undefined && omit.get(name) === undefined)
        throw badData(`${name} is both picked and omitted`);
  }
  if ((pick || omit) && attrs) throw badData('attrs cannot be combined with pick or omit');
  const o: RenderOptions = { terms: x.call.terms, format: view.format, sysAttrs: view.sysAttrs };
  if (attrs) o.attrs = new Set(attrs);
  if (pick) o.pick = pick;
  if (omit) o.omit = omit;
  if (params.lang) o.lang = params.lang;
  const datasetIds = splitList(params.datasetId);
  if (datasetIds.length > 0) o.datasetIds = new Set(datasetIds);
  const out: View = { render: o };
  if (params.join !== undefined && params.join !== '@none') {
    if (params.join !== 'inline' && params.join !== 'flat')
      throw badData('join must be inline, flat or @none');
    const level = params.joinLevel === undefined ? 1 : Number(params.joinLevel);
    if (!Number.isInteger(level) || level < 1)
      throw badData('joinLevel must be a positive integer');
    out.join = { mode: params.join, level };
  }
  return out;
}

/**
 * Entities in the negotiated type, with linked entities (join) loaded and placed: an array,
 * or a GeoJSON FeatureCollection. Entities a projection leaves empty are left out.
 */
export async function renderList(
  x: NgsiExchange,
  list: readonly Entity[],
  view: View,
  params: Params,
): Promise<unknown[] | Record<string, unknown>> {
  const o = view.render;
  const shown: Array<[Entity, RenderOptions]> = [];
  if (view.join) {
    const linked = await x.broker.linked(x.call, list, view.join.level);
    if (view.join.mode === 'inline') {
      const inline = { ...o, inline: { linked, level: view.join.level } };
      for (const e of list) shown.push([e, inline]);
    } else {
      for (const e of list) shown.push([e, o]);
      for (const l of flatLinked(list, linked, view.join.level, o.pick, o.omit))
        shown.push([l.entity, { ...o, attrs: undefined, pick: l.pick, omit: l.omit }]);
    }
  } else for (const e of list) shown.push([e, o]);
  const rendered = shown
    .map(([e, opts]) => ({ e, body: renderEntity(e, opts) }))
    .filter((r) => !emptyView(r.body, view));
  if (x.media !== 'geo') return rendered.map((r) => r.body);
  return {
    type: 'FeatureCollection',
    features: rendered.map((r) => feature(x, r.e, r.body, params)),
  };
}

/**
 * Whether pick/omit left nothing to show (clause 4.21): such an entity is not shown.
 */
function emptyView(body: Record<string, unknown>, view: View): boolean {
  if (!view.render.pick && !view.render.omit) return false;
  return Object.keys(body).length === 0;
}

/** Retrieve with attrs (clause 5.7.1): an entity with none of them is "not found". */
export function hasAnyAttr(e: Entity, view: View): boolean {
  const attrs = view.render.attrs;
  return !attrs || [...attrs].some((a) => e.attrs.has(a));
}

/** Clause 4.5.16: a Feature whose geometry is the chosen GeoProperty (default `location`). */
export function feature(
  x: NgsiExchange,
  e: Entity,
  body: Record<string, unknown>,
  params: Params,
): Record<string, unknown> {
  const geoName = x.call.terms.expand(params.geometryProperty ?? 'location');
  const geo = [...(e.attrs.get(geoName)?.values() ?? [])].find((a) => a.type === 'GeoProperty');
  const { id, ...properties } = body;
  return {
    id,
    type: 'Feature',
    geometry: geo ? (geo.value as Geometry) : null, // GeoProperty values are validated geometries
    properties,
  };
}
