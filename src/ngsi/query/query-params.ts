import { badData, ngsiError } from '../errors.ts';
import type { Format } from '../model/render-entity.ts';
import { isUri } from '../model/uri.ts';
import type { EntityQuery } from './entity-query.ts';
import { parseGeoQuery } from './geo-query.ts';
import { parseQ } from './q-parse.ts';
import { resolveQ } from './q-eval.ts';

/** What a name expander offers (a TermMap). */
interface Expand {
  expand(term: string): string;
}

/** Request parameters as strings (the last value of each name). */
export type Params = Readonly<Record<string, string | undefined>>;

const RESERVED_ATTRS = new Set(['id', 'type', '@context', 'scope', 'createdAt', 'modifiedAt']);
const FORMAT_OPTIONS: Record<string, Format> = {
  normalized: 'normalized',
  keyValues: 'keyValues',
  simplified: 'keyValues',
  concise: 'concise',
};

export interface ViewOptions {
  format: Format;
  sysAttrs: boolean;
  /** Other option words given (e.g. noOverwrite, replace, update). */
  flags: Set<string>;
}

/**
 * `options` and `format` (clause 6.3.7): format wins over a representation in options.
 * @throws AppError InvalidRequest for an unknown word.
 */
export function parseView(params: Params, allowedFlags: readonly string[] = []): ViewOptions {
  const words = splitList(params.options);
  let format: Format = 'normalized';
  let sysAttrs = false;
  const flags = new Set<string>();
  for (const w of words) {
    const f = FORMAT_OPTIONS[w];
    if (f) format = f;
    else if (w === 'sysAttrs') sysAttrs = true;
    else if (allowedFlags.includes(w)) flags.add(w);
    else throw ngsiError('InvalidRequest', `Unknown option ${w}`);
  }
  if (params.format !== undefined) {
    const f = FORMAT_OPTIONS[params.format];
    if (!f) throw ngsiError('InvalidRequest', `Unknown format ${params.format}`);
    format = f;
  }
  return { format, sysAttrs, flags };
}

/** A comma-separated list without empty items. */
export function splitList(value: string | undefined): string[] {
  if (value === undefined || value === '') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * `attrs` → expanded names.
 * @throws AppError BadRequestData for reserved names (id, type, …).
 */
export function parseAttrs(value: string | undefined, terms: Expand): string[] | undefined {
  const list = splitList(value);
  if (list.length === 0) return undefined;
  for (const a of list) if (RESERVED_ATTRS.has(a)) throw badData(`${a} is not an attribute name`);
  return list.map((a) => terms.expand(a));
}

/**
 * A pick/omit projection (clause 4.21): member name (expanded, or id/type/scope) → the
 * projection of the entity it links to (`rel{a,b}`), or undefined for a plain name.
 */
export type Projection = Map<string, Projection | undefined>;

/**
 * `pick` / `omit`: a comma list of names, where `rel{…}` also projects the linked entity.
 * @throws AppError BadRequestData for empty items, unbalanced braces or stray separators.
 */
export function parseProjection(value: string | undefined, terms: Expand): Projection | undefined {
  if (value === undefined) return undefined;
  const fail = (): never => {
    throw badData(`Invalid projection ${value}`);
  };
  let pos = 0;
  const name = (n: string) => (n === 'id' || n === 'type' || n === 'scope' ? n : terms.expand(n));
  const list = (depth: number): Projection => {
    const out: Projection = new Map();
    for (;;) {
      const start = pos;
      while (pos < value.length && !/[,{}]/.test(value[pos] ?? '')) pos++;
      const item = value.slice(start, pos);
      if (item === '' || /[\s;|()[\]"'<>=]/.test(item)) fail();
      let nested: Projection | undefined;
      if (value[pos] === '{') {
        pos++;
        nested = list(depth + 1);
        if (value[pos] !== '}') fail();
        pos++;
      }
      out.set(name(item), nested);
      if (pos >= value.length) {
        if (depth > 0) fail();
        return out;
      }
      if (value[pos] === '}') {
        if (depth === 0) fail();
        return out;
      }
      if (value[pos] !== ',') fail();
      pos++;
    }
  };
  return list(0);
}

/**
 * `type` (clause 4.17): `A,B` or `A|B` (either), `A;B` (both), parentheses ignored.
 * Returns alternatives, each a list of expanded types that must all hold.
 */
export function parseTypeExpression(
  value: string | undefined,
  terms: Expand,
): string[][] | undefined {
  if (value === undefined || value === '') return undefined;
  const alternatives = value
    .replace(/[()]/g, '')
    .split(/[,|]/)
    .map((alt) => alt.split(';').map((t) => t.trim()));
  for (const alt of alternatives)
    for (const t of alt) if (t === '') throw badData(`Invalid type expression ${value}`);
  return alternatives.map((alt) => alt.map((t) => terms.expand(t)));
}

/**
 * The filter of GET /entities and POST /entityOperations/query.
 * @throws AppError BadRequestData for a query with none of type, attrs, q or a geo-query, for
 *   ids that are not URIs, an invalid idPattern, q or geo-query.
 */
export function parseEntityQuery(
  params: Params,
  terms: Expand,
  publicOnly: boolean,
  requireFilter = true,
): EntityQuery {
  const query: EntityQuery = { publicOnly };
  const ids = splitList(params.id);
  for (const id of ids) if (!isUri(id)) throw badData(`${id} is not a URI`);
  if (ids.length > 0) query.ids = ids;
  if (params.idPattern !== undefined) {
    try {
      query.idPattern = new RegExp(params.idPattern);
    } catch {
      throw badData(`Invalid idPattern ${params.idPattern}`);
    }
  }
  const types = parseTypeExpression(params.type, terms);
  if (types) query.types = types;
  const attrs = parseAttrs(params.attrs, terms);
  if (attrs) query.attrs = attrs;
  if (params.q !== undefined && params.q !== '')
    query.q = resolveQ(parseQ(params.q), (t) => terms.expand(t));
  const geo = parseGeoQuery({
    georel: params.georel,
    geometry: params.geometry,
    coordinates: params.coordinates,
    geoproperty: params.geoproperty,
  });
  if (geo) query.geo = { ...geo, propertyIri: terms.expand(geo.property) };
  if (params.scopeQ !== undefined && params.scopeQ !== '') {
    query.scopeQ = params.scopeQ.split(/[,|]/).map((alt) => alt.split(';').map((s) => s.trim()));
  }
  // Clause 5.7.2: a query must say what it looks for (not only ids).
  // local=true (this broker only, no distribution) may ask for everything.
  const everything = params.local === 'true';
  const filtered = query.types || query.attrs || query.q || query.geo || query.scopeQ;
  if (requireFilter && !everything && !filtered)
    throw badData('A query needs type, attrs, q, scopeQ or a geo-query');
  return query;
}

/**
 * `limit`, `offset`, `count`.
 * @throws AppError BadRequestData for non-integers or a negative offset; TooManyResults above
 *   the maximum limit.
 */
export function parsePaging(
  params: Params,
  maxLimit: number,
  defaultLimit: number,
): { limit: number; offset: number; count: boolean } {
  const int = (name: string, v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v)) throw badData(`${name} must be a non-negative integer`);
    return Number(v);
  };
  const limit = int('limit', params.limit, defaultLimit);
  const offset = int('offset', params.offset, 0);
  if (limit > maxLimit)
    throw ngsiError('TooManyResults', `limit must be at most ${maxLimit} (S5_NGSI_MAX_LIMIT)`);
  if (params.count !== undefined && params.count !== 'true' && params.count !== 'false')
    throw badData('count must be true or false');
  return { limit, offset, count: params.count === 'true' };
}
