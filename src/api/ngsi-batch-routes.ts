import type { Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import {
  type BatchOperation,
  type BatchResult,
  badData,
  type Params,
  problemOf,
} from '../ngsi/index.ts';
import { queryAnswer } from './ngsi-entity-routes.ts';
import { emptyAnswer, type NgsiExchange, ngsiHandler } from './ngsi-http.ts';
import { problemBody } from './ngsi-problem.ts';

const OPERATIONS: readonly BatchOperation[] = ['create', 'upsert', 'update', 'delete', 'merge'];

/** /entityOperations/{create,upsert,update,delete,merge,query} (clause 6.14–6.23). */
export function batchRoutes(app: Hono, platform: Platform): void {
  for (const op of OPERATIONS) {
    app.on(
      'POST',
      [`/entityOperations/${op}`, `/entityOperations/${op}/`],
      ngsiHandler(platform, { params: ['options', 'local'], body: 'json' }, (x) => batch(x, op)),
    );
  }
  app.on(
    'POST',
    ['/entityOperations/query', '/entityOperations/query/'],
    ngsiHandler(
      platform,
      {
        params: ['limit', 'offset', 'count', 'options', 'format', 'local', 'lang'],
        produces: ['json', 'ld', 'geo'],
        body: 'json',
      },
      (x) => queryAnswer(x, { ...x.params, ...queryParams(x.body) }),
    ),
  );
}

async function batch(x: NgsiExchange, op: BatchOperation): Promise<Response> {
  const options = x.params.options;
  const allowed = op === 'upsert' ? ['replace', 'update'] : op === 'update' ? ['noOverwrite'] : [];
  if (options !== undefined && !allowed.includes(options))
    throw badData(`Unknown option ${options} for ${op}`);
  // application/ld+json: each entity brings its own @context; application/json: the Link one.
  const termsOf = async (item: unknown) => {
    const ctx =
      typeof item === 'object' && item !== null
        ? (item as Record<string, unknown>)['@context']
        : undefined;
    if (!x.ldBody) {
      if (ctx !== undefined)
        throw badData('An @context in the body needs Content-Type application/ld+json');
      return x.call.terms;
    }
    if (ctx === undefined)
      throw badData('Each entity of an application/ld+json batch needs an @context');
    return x.broker.resolver.termsFor(ctx);
  };
  const result = await x.broker.batch(x.call, op, x.body, termsOf, {
    ...(options === 'replace' || options === 'update' ? { mode: options } : {}),
    noOverwrite: options === 'noOverwrite',
  });
  if (result.errors.length > 0) return batchAnswer(result, 207);
  if (op === 'create') return jsonArray(x, result.success, 201);
  if (op === 'upsert' && result.created.length > 0) return jsonArray(x, result.created, 201);
  return emptyAnswer(x, 204);
}

function jsonArray(x: NgsiExchange, ids: string[], status: number): Response {
  return new Response(JSON.stringify(ids), {
    status,
    headers: {
      'Content-Type': 'application/json',
      ...(x.call.tenant ? { 'NGSILD-Tenant': x.call.tenant } : {}),
    },
  });
}

/** 207 BatchOperationResult: success ids and one ProblemDetails per failed entity. */
function batchAnswer(result: BatchResult, status: number): Response {
  const body = {
    success: result.success,
    errors: result.errors.map((e) => ({
      entityId: e.entityId,
      error: problemBody(problemOf(e.error), e.error.message),
    })),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/**
 * The body of POST /entityOperations/query (clause 5.2.23 Query) as GET parameters:
 * entities → type / id / idPattern, attrs, q, geoQ, scopeQ, lang.
 * @throws AppError BadRequestData for a body that is not a Query.
 */
function queryParams(body: unknown): Params {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badData('The body must be a Query object');
  const q = body as Record<string, unknown>;
  if (q.type !== 'Query') throw badData('The body type must be Query');
  const out: Record<string, string> = {};
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  if (Array.isArray(q.entities)) {
    const types: string[] = [];
    const ids: string[] = [];
    for (const e of q.entities) {
      if (typeof e !== 'object' || e === null) throw badData('entities must hold objects');
      const sel = e as Record<string, unknown>;
      if (typeof sel.type === 'string') types.push(sel.type);
      if (typeof sel.id === 'string') ids.push(sel.id);
      if (typeof sel.idPattern === 'string') out.idPattern = sel.idPattern;
    }
    if (types.length > 0) out.type = types.join(',');
    if (ids.length > 0) out.id = ids.join(',');
  }
  if (Array.isArray(q.attrs)) out.attrs = q.attrs.filter((a) => typeof a === 'string').join(',');
  if (text(q.q)) out.q = text(q.q) ?? '';
  if (text(q.scopeQ)) out.scopeQ = text(q.scopeQ) ?? '';
  if (text(q.lang)) out.lang = text(q.lang) ?? '';
  if (text(q.join)) out.join = text(q.join) ?? '';
  if (q.joinLevel !== undefined) out.joinLevel = String(q.joinLevel);
  if (typeof q.geoQ === 'object' && q.geoQ !== null) {
    const g = q.geoQ as Record<string, unknown>;
    if (text(g.georel)) out.georel = text(g.georel) ?? '';
    if (text(g.geometry)) out.geometry = text(g.geometry) ?? '';
    if (g.coordinates !== undefined)
      out.coordinates =
        typeof g.coordinates === 'string' ? g.coordinates : JSON.stringify(g.coordinates);
    if (text(g.geoproperty)) out.geoproperty = text(g.geoproperty) ?? '';
  }
  return out;
}
