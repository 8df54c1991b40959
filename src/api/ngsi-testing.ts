import type { Hono } from 'hono';

/** Inline @context used by the NGSI-LD HTTP tests (no fetching needed). */
export const TEST_CONTEXT = {
  Building: 'https://example.org/vocab#Building',
  Sensor: 'https://example.org/vocab#Sensor',
  name: 'https://example.org/vocab#name',
  temperature: 'https://example.org/vocab#temperature',
  locatedIn: 'https://example.org/vocab#locatedIn',
};

export interface NgsiClient {
  /** A request to /ngsi-ld/v1{path}; a `body` object is sent as JSON. */
  req(
    method: string,
    path: string,
    o?: { body?: unknown; headers?: Record<string, string>; token?: string },
  ): Promise<Response>;
  /** Creates an entity (application/ld+json with TEST_CONTEXT) and checks the 201. */
  create(entity: Record<string, unknown>, token?: string, tenant?: string): Promise<Response>;
}

/** A small client for in-process NGSI-LD requests (app.request). */
export function ngsiClient(app: Hono, defaultToken?: string): NgsiClient {
  const req: NgsiClient['req'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    const token = o.token ?? defaultToken;
    if (token) headers.Authorization = token;
    if (o.body !== undefined && !headers['Content-Type'])
      headers['Content-Type'] = 'application/json';
    return await app.request(`/ngsi-ld/v1${path}`, {
      method,
      headers,
      ...(o.body === undefined
        ? {}
        : { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) }),
    });
  };
  return {
    req,
    create: (entity, token, tenant) =>
      req('POST', '/entities', {
        body: { ...entity, '@context': TEST_CONTEXT },
        headers: {
          'Content-Type': 'application/ld+json',
          ...(tenant ? { 'NGSILD-Tenant': tenant } : {}),
        },
        ...(token ? { token } : {}),
      }),
  };
}

/** Accept header asking for the @context inside the body. */
export const LD = { Accept: 'application/ld+json' };
