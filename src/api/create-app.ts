import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Platform } from '../platform/index.ts';
import { mountPortal, portalError, portalNotFound, wantsHtml } from '../web/index.ts';
import { actionHandler } from './action-route.ts';
import { downloadHandler } from './download-route.ts';
import { dcatRoutes } from './dcat-routes.ts';
import { dataPackageRoutes } from './datapackage-route.ts';
import { dumpHandler } from './dump-route.ts';
import { ngsiRoutes } from './ngsi-routes.ts';
import { openApiHandler } from './openapi-route.ts';
import { resourceFileHandler } from './upload-route.ts';
import { apiRateLimit } from './rate-limit.ts';

/**
 * The HTTP application: the CKAN Action API under /api/3/action and /api/action, downloads,
 * and the public portal (src/web) on every other path.
 */
export function createApp(platform: Platform): Hono {
  const app = new Hono();
  // Open data is for everyone: any site may call the API from a browser. Tokens travel in
  // headers, never cookies, so allowing every origin grants no ambient authority.
  app.use(
    '/api/*',
    cors({ origin: '*', allowHeaders: ['Authorization', 'X-CKAN-API-Key', 'Content-Type'] }),
  );
  const limit = apiRateLimit(platform.config.apiRateLimit);
  app.use('/api/*', limit);
  app.use('/datastore/*', limit);
  app.use('/ngsi-ld/*', limit);
  const handler = actionHandler(platform);
  app.on(['GET', 'POST'], '/api/3/action/:name', handler);
  app.on(['GET', 'POST'], '/api/action/:name', handler);
  app.get('/dataset/:id/resource/:resource_id/download/:file?', downloadHandler(platform));
  app.put('/api/3/resource/:id/file', resourceFileHandler(platform));
  app.get('/datastore/dump/:resource_id', dumpHandler(platform));
  dataPackageRoutes(app, platform);
  app.get('/api/openapi.json', openApiHandler(platform));
  app.route('/', dcatRoutes(platform));
  app.route('/ngsi-ld/v1', ngsiRoutes(platform));
  app.get('/api/3', (c) => c.json({ version: 3 }));
  app.get('/api', (c, next) => (wantsHtml(c) ? next() : c.json({ version: 3 })));
  // The portal takes every path the routes above leave: keep it last.
  mountPortal(app, platform);
  app.notFound((c) => portalNotFound(c, platform) ?? c.json({ error: 'Not Found' }, 404));
  app.onError((error, c) => {
    platform.log.error('unhandled request error', { error: error.message, stack: error.stack });
    return portalError(c, platform) ?? c.json({ error: 'Internal Server Error' }, 500);
  });
  return app;
}
