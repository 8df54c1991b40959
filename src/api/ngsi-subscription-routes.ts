import type { Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import { parsePaging, subscriptionsOf } from '../ngsi/index.ts';
import { emptyAnswer, jsonAnswer, type NgsiExchange, ngsiHandler } from './ngsi-http.ts';

const API = '/ngsi-ld/v1';
const READ = ['json', 'ld'] as const;

/** Subscription routes (clause 6.10–6.11): /subscriptions and /subscriptions/{id}. */
export function subscriptionRoutes(app: Hono, platform: Platform): void {
  const h = (spec: Parameters<typeof ngsiHandler>[1], run: Parameters<typeof ngsiHandler>[2]) =>
    ngsiHandler(platform, spec, run);
  const both = (path: string) => [path, `${path}/`];
  const svc = (x: NgsiExchange) => subscriptionsOf(x.broker);

  app.on(
    'POST',
    both('/subscriptions'),
    h({ params: [], body: 'json' }, async (x) => {
      const id = await svc(x).create(x.call, x.body, x.context);
      return emptyAnswer(x, 201, `${API}/subscriptions/${encodeURIComponent(id)}`);
    }),
  );
  app.on(
    'GET',
    both('/subscriptions'),
    h({ params: ['limit', 'offset', 'count'], produces: READ }, async (x) => {
      const s = x.broker.settings;
      const paging = parsePaging(x.params, s.maxLimit, s.defaultLimit);
      const r = await svc(x).list(x.call, paging.limit, paging.offset, paging.count);
      const headers: Record<string, string> = {};
      if (r.total !== undefined) headers['NGSILD-Results-Count'] = String(r.total);
      const links: string[] = [];
      const link = (offset: number, rel: string) =>
        links.push(
          `<${API}/subscriptions?limit=${paging.limit}&offset=${offset}>;rel="${rel}";type="application/ld+json"`,
        );
      if (paging.offset > 0) link(Math.max(0, paging.offset - paging.limit), 'prev');
      if (r.items.length === paging.limit) link(paging.offset + paging.limit, 'next');
      return jsonAnswer(x, r.items, { headers, links });
    }),
  );
  app.on(
    'GET',
    both('/subscriptions/:id'),
    h({ params: [], produces: READ }, async (x) =>
      jsonAnswer(x, await svc(x).retrieve(x.call, x.c.req.param('id') ?? '')),
    ),
  );
  app.on(
    'PATCH',
    both('/subscriptions/:id'),
    h({ params: [], body: 'json-or-merge' }, async (x) => {
      await svc(x).update(x.call, x.c.req.param('id') ?? '', x.body);
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'DELETE',
    both('/subscriptions/:id'),
    h({ params: [] }, async (x) => {
      await svc(x).delete(x.call, x.c.req.param('id') ?? '');
      return emptyAnswer(x, 204);
    }),
  );
}
