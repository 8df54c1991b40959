import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { html } from 'hono/html';
import type { Platform } from '../platform/index.ts';
import { actionHandler } from './action-route.ts';
import { downloadHandler } from './download-route.ts';
import { dumpHandler } from './dump-route.ts';
import { apiRateLimit } from './rate-limit.ts';

/**
 * The HTTP application: the CKAN Action API under /api/3/action and /api/action, and a small
 * landing page until the portal (src/web) takes over `/`.
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
  app.get('/datastore/dump/:resource_id', dumpHandler(platform));
  app.get('/api/3', (c) => c.json({ version: 3 }));
  app.get('/api', (c) => c.json({ version: 3 }));
  app.get('/', (c) =>
    c.html(
      html`<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${platform.site.siteTitle}</title>
  </head>
  <body>
    <main>
      <h1>${platform.site.siteTitle}</h1>
      <p>CKAN互換API: <a href="/api/3/action/package_search">/api/3/action/package_search</a>,
        <a href="/api/3/action/organization_list">/api/3/action/organization_list</a>,
        <a href="/api/3/action/group_list">/api/3/action/group_list</a></p>
    </main>
  </body>
</html>`,
    ),
  );
  app.notFound((c) => c.json({ error: 'Not Found' }, 404));
  app.onError((error, c) => {
    platform.log.error('unhandled request error', { error: error.message, stack: error.stack });
    return c.json({ error: 'Internal Server Error' }, 500);
  });
  return app;
}
