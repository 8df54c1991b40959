import type { Context } from 'hono';
import type { Actor } from '../core/action.ts';
import { infrastructureError, isAppError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Logger } from '../core/logger.ts';
import type { Platform } from '../platform/index.ts';
import { actorForToken } from '../catalog/index.ts';
import {
  type Broker,
  brokerFor,
  badData,
  CORE_CONTEXT_URL,
  contextFromLink,
  contextLink,
  type NgsiCall,
  ngsiError,
  type Params,
  parseTenant,
  problemOf,
} from '../ngsi/index.ts';
import { problemResponse } from './ngsi-problem.ts';

export type MediaType = 'json' | 'ld' | 'geo';

const MEDIA: Record<MediaType, string> = {
  json: 'application/json',
  ld: 'application/ld+json',
  geo: 'application/geo+json',
};

/** What a route accepts. */
export interface RouteSpec {
  /** Query parameters the route knows; others answer 400 InvalidRequest (clause 6.3.20). */
  params: readonly string[];
  /** Response media types offered (none: no body, Accept is not checked). */
  produces?: readonly MediaType[];
  /** Request body media: JSON-LD entity content, or also merge-patch. */
  body?: 'json' | 'json-or-merge';
  /** The body's @context is data (POST /jsonldContexts), not the request's context. */
  contextIsPayload?: boolean;
}

/** One NGSI-LD request as the handlers see it. */
export interface NgsiExchange {
  c: Context;
  broker: Broker;
  call: NgsiCall;
  params: Params;
  /** The negotiated response type (json when the route has no body). */
  media: MediaType;
  /** The parsed body (undefined without one). */
  body: unknown;
  /** The request's @context: the Link URL, the body's @context, or undefined (core). */
  context: unknown;
  /** Whether the body came as application/ld+json (its @context is inside). */
  ldBody: boolean;
  log: Logger;
}

/**
 * Wraps an NGSI-LD handler: content negotiation (406/415), unknown parameters, body, tenant,
 * token, @context → TermMap, and ProblemDetails for every error. Handlers stay small.
 */
export function ngsiHandler(
  platform: Platform,
  spec: RouteSpec,
  run: (x: NgsiExchange) => Promise<Response>,
) {
  return async (c: Context): Promise<Response> => {
    const requestId = newId();
    const log = platform.log.child({ requestId, ngsi: c.req.path });
    try {
      const media = negotiate(c.req.header('accept'), spec.produces);
      const url = new URL(c.req.url);
      const params: Record<string, string> = {};
      for (const [k, v] of url.searchParams) {
        if (!spec.params.includes(k))
          throw ngsiError('InvalidRequest', `Unknown query parameter ${k}`);
        params[k] = v;
      }
      const { body, ldBody } = spec.body ? await readBody(c, platform, spec.body) : noBody;
      const context = spec.contextIsPayload ? linkContext(c) : requestContext(c, body, ldBody);
      const broker = brokerFor(platform.db, platform.config);
      const actor = await authenticate(platform, c);
      const terms = await broker.resolver.termsFor(context);
      const call: NgsiCall = {
        actor,
        tenant: parseTenant(c.req.header('ngsild-tenant')),
        now: platform.clock.now(),
        terms,
      };
      return await run({ c, broker, call, params, media, body, context, ldBody, log });
    } catch (error) {
      return errorResponse(error, log, requestId);
    }
  };
}

const noBody = { body: undefined, ldBody: false };

/** The ProblemDetails answer of any error; unexpected ones are logged and kept vague. */
export function errorResponse(error: unknown, log: Logger, requestId: string): Response {
  const known = isAppError(error) ? error : infrastructureError(error);
  if (!known || problemOf(known) === 'InternalError') {
    log.error('NGSI-LD request failed', {
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    return problemResponse('InternalError', `Unexpected error (request id ${requestId})`);
  }
  return problemResponse(problemOf(known), known.message);
}

/**
 * Picks the response type from Accept (RFC 9110 §12.5.1): `*∕*` and `application/*` mean JSON;
 * q-values rank; none acceptable → 406.
 */
export function negotiate(accept: string | undefined, produces?: readonly MediaType[]): MediaType {
  if (!produces || produces.length === 0) return 'json';
  if (!accept || accept.trim() === '') return 'json';
  let best: { media: MediaType; q: number } | undefined;
  for (const part of accept.split(',')) {
    const [range = '', ...ps] = part.trim().toLowerCase().split(';');
    const qParam = ps.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    const media = matchRange(range.trim(), produces);
    if (media && (!best || q > best.q)) best = { media, q };
  }
  if (!best)
    throw ngsiError('NotAcceptable', 'Accept must allow application/json or application/ld+json');
  return best.media;
}

function matchRange(range: string, produces: readonly MediaType[]): MediaType | undefined {
  if (range === '*/*' || range === 'application/*')
    return produces.includes('json') ? 'json' : produces[0];
  return produces.find((m) => MEDIA[m] === range);
}

async function readBody(
  c: Context,
  platform: Platform,
  kind: 'json' | 'json-or-merge',
): Promise<{ body: unknown; ldBody: boolean }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const ok =
    type === 'application/json' ||
    type === 'application/ld+json' ||
    (kind === 'json-or-merge' && type === 'application/merge-patch+json');
  if (!ok)
    throw ngsiError('UnsupportedMediaType', `Content-Type ${type || '(none)'} is not supported`);
  const declared = Number(c.req.header('content-length') ?? '0');
  const max = platform.config.maxBodyBytes;
  if (declared > max) throw badData(`The body is larger than ${max} bytes`);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > max) throw badData(`The body is larger than ${max} bytes`);
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    return { body: JSON.parse(text) as unknown, ldBody: type === 'application/ld+json' };
  } catch {
    throw ngsiError('InvalidRequest', 'The body is not valid JSON');
  }
}

/**
 * The @context of a request (clause 6.3.5): in the body for application/ld+json (required for
 * an object body), from the Link header for application/json (an @context in such a body is an
 * error), else none (the core context).
 */
function requestContext(c: Context, body: unknown, ldBody: boolean): unknown {
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  const link = contextFromLink(c.req.header('link'));
  if (ldBody) {
    // Clause 6.3.5: with application/ld+json the @context is in the body, never in a Link.
    if (link)
      throw badData('A JSON-LD context Link header is not allowed with application/ld+json');
    if (isObject && !('@context' in body))
      throw badData('An application/ld+json body needs an @context');
    // A batch carries one @context per entity; the handler resolves them one by one.
    return isObject ? (body as { '@context': unknown })['@context'] : undefined;
  }
  if (isObject && '@context' in body)
    throw badData('An @context in the body needs Content-Type application/ld+json');
  if (link === null) throw badData('More than one JSON-LD context Link header');
  return link;
}

function linkContext(c: Context): string | undefined {
  const link = contextFromLink(c.req.header('link'));
  if (link === null) throw badData('More than one JSON-LD context Link header');
  return link;
}

async function authenticate(platform: Platform, c: Context): Promise<Actor> {
  const raw = c.req.header('authorization') ?? c.req.header('x-ckan-api-key');
  const anonymous: Actor = { userId: null, name: null, sysadmin: false, memberships: new Map() };
  if (!raw) return anonymous;
  const token = raw.replace(/^Bearer\s+/i, '').trim();
  const actor = token ? await actorForToken(platform.db, token) : null;
  if (!actor) throw ngsiError('AccessDenied', 'The API token is not valid');
  return actor;
}

/**
 * A JSON answer in the negotiated type: application/json carries the @context as a Link
 * header, application/ld+json (and geo+json) inside the body.
 */
export function jsonAnswer(
  x: NgsiExchange,
  body: unknown,
  init: { status?: number; headers?: Record<string, string>; links?: string[] } = {},
): Response {
  const headers: Record<string, string> = { ...init.headers };
  const links = [...(init.links ?? [])];
  const ctx = contextForOutput(x.context);
  let out = body;
  if (x.media === 'json')
    links.unshift(contextLink(typeof ctx === 'string' ? ctx : CORE_CONTEXT_URL));
  else out = withContext(body, ctx);
  if (links.length > 0) headers.Link = links.join(', ');
  headers['Content-Type'] = MEDIA[x.media];
  if (x.call.tenant !== '') headers['NGSILD-Tenant'] = x.call.tenant;
  return new Response(JSON.stringify(out), { status: init.status ?? 200, headers });
}

function contextForOutput(context: unknown): unknown {
  if (context === undefined || context === null) return CORE_CONTEXT_URL;
  return context;
}

function withContext(body: unknown, ctx: unknown): unknown {
  if (Array.isArray(body)) return body.map((e) => withContext(e, ctx));
  if (typeof body === 'object' && body !== null) return { ...body, '@context': ctx };
  return body;
}

/** 204 / 201 answers without a body. */
export function emptyAnswer(x: NgsiExchange, status: 201 | 204, location?: string): Response {
  const headers: Record<string, string> = {};
  if (location) headers.Location = location;
  if (x.call.tenant !== '') headers['NGSILD-Tenant'] = x.call.tenant;
  return new Response(null, { status, headers });
}
