import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Platform } from '../platform/index.ts';
import { newId } from '../core/ids.ts';
import { batchRoutes } from './ngsi-batch-routes.ts';
import { discoveryRoutes } from './ngsi-discovery-routes.ts';
import { entityRoutes } from './ngsi-entity-routes.ts';
import { errorResponse } from './ngsi-http.ts';
import { problemResponse } from './ngsi-problem.ts';
import { subscriptionRoutes } from './ngsi-subscription-routes.ts';
import { temporalRoutes } from './ngsi-temporal-routes.ts';

/**
 * The NGSI-LD API (ETSI GS CIM 009), mounted at /ngsi-ld/v1 by create-app.ts. Every answer,
 * errors included, follows NGSI-LD (ProblemDetails), not CKAN's envelope.
 */
export function ngsiRoutes(platform: Platform): Hono {
  const app = new Hono();
  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', 'Link', 'NGSILD-Tenant', 'Accept'],
      exposeHeaders: ['Link', 'Location', 'NGSILD-Results-Count', 'NGSILD-Tenant'],
    }),
  );
  entityRoutes(app, platform);
  batchRoutes(app, platform);
  discoveryRoutes(app, platform);
  temporalRoutes(app, platform);
  subscriptionRoutes(app, platform);
  app.all('*', (c) => {
    // `/entities//attrs`: an empty id or attribute name is a bad request, not a missing route.
    const path = c.req.path;
    const emptyId = /^\/ngsi-ld\/v1\/(temporal\/)?entities\/(\/|[^/]+\/attrs\/\/|[^/]*\/\/)/.test(
      path,
    );
    const noId =
      /^\/ngsi-ld\/v1\/entities\/?$/.test(path) && ['PATCH', 'PUT'].includes(c.req.method);
    // DELETE /temporal/entities/ (no id): the collection cannot be deleted.
    if (/^\/ngsi-ld\/v1\/temporal\/entities\/?$/.test(path) && c.req.method === 'DELETE')
      return problemResponse('MethodNotAllowed', 'DELETE needs an entity id');
    if (emptyId || noId)
      return problemResponse('BadRequestData', 'An entity id or attribute name is empty');
    return problemResponse(
      'ResourceNotFound',
      'No such NGSI-LD endpoint (or method) in this broker',
    );
  });
  app.onError((error) => errorResponse(error, platform.log, newId()));
  return app;
}
