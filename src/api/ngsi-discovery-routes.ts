import type { Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import { badData } from '../ngsi/index.ts';
import { emptyAnswer, jsonAnswer, ngsiHandler } from './ngsi-http.ts';

const API = '/ngsi-ld/v1';

/** /types, /attributes (clause 6.25–6.28) and the @context store /jsonldContexts (6.29–6.30). */
export function discoveryRoutes(app: Hono, platform: Platform): void {
  const read = { params: ['details', 'local'], produces: ['json', 'ld'] } as const;
  const details = (v: string | undefined) => {
    if (v === undefined || v === 'false') return false;
    if (v === 'true') return true;
    throw badData('details must be true or false');
  };
  app.on(
    'GET',
    ['/types', '/types/'],
    ngsiHandler(platform, read, async (x) =>
      jsonAnswer(x, await x.broker.discovery.types(x.call, details(x.params.details))),
    ),
  );
  app.get(
    '/types/:type',
    ngsiHandler(platform, read, async (x) =>
      jsonAnswer(x, await x.broker.discovery.type(x.call, x.c.req.param('type') ?? '')),
    ),
  );
  app.on(
    'GET',
    ['/attributes', '/attributes/'],
    ngsiHandler(platform, read, async (x) =>
      jsonAnswer(x, await x.broker.discovery.attributes(x.call, details(x.params.details))),
    ),
  );
  app.get(
    '/attributes/:attr',
    ngsiHandler(platform, read, async (x) =>
      jsonAnswer(x, await x.broker.discovery.attribute(x.call, x.c.req.param('attr') ?? '')),
    ),
  );

  // The @context store answers plain JSON: its documents carry their own @context.
  const plain = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  app.on(
    'POST',
    ['/jsonldContexts', '/jsonldContexts/'],
    ngsiHandler(platform, { params: [], body: 'json', contextIsPayload: true }, async (x) => {
      const id = await x.broker.contexts.add(x.body, x.call.now);
      return emptyAnswer(x, 201, `${API}/jsonldContexts/${id}`);
    }),
  );
  app.on(
    'GET',
    ['/jsonldContexts', '/jsonldContexts/'],
    ngsiHandler(platform, { params: ['details', 'kind'], produces: ['json'] }, async (x) =>
      plain(await x.broker.contexts.list(x.params.details, x.params.kind)),
    ),
  );
  app.get(
    '/jsonldContexts/:id',
    ngsiHandler(platform, { params: ['details'], produces: ['json', 'ld'] }, async (x) =>
      plain(await x.broker.contexts.serve(x.c.req.param('id') ?? '', x.params.details)),
    ),
  );
  app.delete(
    '/jsonldContexts/:id',
    ngsiHandler(platform, { params: ['reload'] }, async (x) => {
      await x.broker.contexts.delete(x.c.req.param('id') ?? '', x.params.reload);
      return emptyAnswer(x, 204);
    }),
  );
}
