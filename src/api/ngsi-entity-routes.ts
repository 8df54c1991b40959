import type { Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import { badData, ngsiError, type Params, type UpdateResult } from '../ngsi/index.ts';
import { emptyAnswer, jsonAnswer, type NgsiExchange, ngsiHandler } from './ngsi-http.ts';
import { hasAnyAttr, renderList, viewOf } from './ngsi-render.ts';

const VIEW = ['options', 'format', 'attrs', 'pick', 'omit', 'lang', 'datasetId'];
const QUERY = [
  ...VIEW,
  'id',
  'type',
  'idPattern',
  'q',
  'georel',
  'geometry',
  'coordinates',
  'geoproperty',
  'geometryProperty',
  'limit',
  'offset',
  'count',
  'scopeQ',
  'local',
  'join',
  'joinLevel',
  'orderBy',
  'csf',
];
const READ = ['json', 'ld', 'geo'] as const;
const API = '/ngsi-ld/v1';

/** Entity routes (clause 6.4–6.7): /entities, /entities/{id}, …/attrs, …/attrs/{attrId}. */
export function entityRoutes(app: Hono, platform: Platform): void {
  const h = (spec: Parameters<typeof ngsiHandler>[1], run: Parameters<typeof ngsiHandler>[2]) =>
    ngsiHandler(platform, spec, run);
  const both = (path: string) => [path, `${path}/`];

  app.on(
    'POST',
    both('/entities'),
    h({ params: ['local'], body: 'json' }, async (x) => {
      const id = await x.broker.entities.create(x.call, x.body);
      return emptyAnswer(x, 201, `${API}/entities/${pathSegment(id)}`);
    }),
  );
  app.on(
    'GET',
    both('/entities'),
    h({ params: QUERY, produces: READ }, async (x) => queryAnswer(x, x.params)),
  );
  app.on(
    'DELETE',
    both('/entities'),
    h(
      {
        params: [
          'type',
          'id',
          'idPattern',
          'q',
          'attrs',
          'scopeQ',
          'keep',
          'drop',
          'local',
          'georel',
          'geometry',
          'coordinates',
          'geoproperty',
        ],
      },
      async (x) => {
        await x.broker.purge(x.call, x.params);
        return emptyAnswer(x, 204);
      },
    ),
  );
  app.on(
    'DELETE',
    both('/entities/:id/attrs'),
    h({ params: ['datasetId', 'deleteAll'] }, async () => {
      throw ngsiError('MethodNotAllowed', 'DELETE needs an attribute name: …/attrs/{attrId}');
    }),
  );
  app.on(
    'GET',
    both('/entities/:id'),
    h(
      { params: [...VIEW, 'geometryProperty', 'local', 'join', 'joinLevel'], produces: READ },
      async (x) => {
        const view = viewOf(x, x.params);
        const entity = await x.broker.entities.retrieve(x.call, param(x, 'id'));
        if (!hasAnyAttr(entity, view))
          throw ngsiError('ResourceNotFound', 'The entity has none of the requested attributes');
        const list = await renderList(x, [entity], view, x.params);
        // join=flat answers the entity and the entities it links to as an array.
        if (Array.isArray(list) && list.length > 1) return jsonAnswer(x, list);
        const one = Array.isArray(list) ? list[0] : (list.features as unknown[])[0];
        if (one === undefined)
          throw ngsiError('ResourceNotFound', 'Nothing of the entity matches the projection');
        return jsonAnswer(x, one);
      },
    ),
  );
  app.on(
    'DELETE',
    both('/entities/:id'),
    h({ params: ['local'] }, async (x) => {
      await x.broker.entities.delete(x.call, param(x, 'id'));
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'PATCH',
    both('/entities/:id'),
    h({ params: ['local'], body: 'json-or-merge' }, async (x) => {
      await x.broker.entities.merge(x.call, param(x, 'id'), x.body);
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'PUT',
    both('/entities/:id'),
    h({ params: ['local'], body: 'json' }, async (x) => {
      await x.broker.entities.replace(x.call, param(x, 'id'), x.body);
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'POST',
    both('/entities/:id/attrs'),
    h({ params: ['options'], body: 'json' }, async (x) => {
      const noOverwrite = x.params.options === 'noOverwrite';
      if (x.params.options !== undefined && !noOverwrite)
        throw badData(`Unknown option ${x.params.options}`);
      const r = await x.broker.entities.append(x.call, param(x, 'id'), x.body, noOverwrite);
      return updateAnswer(x, r);
    }),
  );
  app.on(
    'PATCH',
    both('/entities/:id/attrs'),
    h({ params: [], body: 'json' }, async (x) => {
      const r = await x.broker.entities.update(x.call, param(x, 'id'), x.body);
      return updateAnswer(x, r);
    }),
  );
  app.on(
    'PATCH',
    both('/entities/:id/attrs/:attrId'),
    h({ params: [], body: 'json-or-merge' }, async (x) => {
      await x.broker.entities.patchAttribute(x.call, param(x, 'id'), param(x, 'attrId'), x.body);
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'PUT',
    both('/entities/:id/attrs/:attrId'),
    h({ params: [], body: 'json' }, async (x) => {
      await x.broker.entities.replaceAttribute(x.call, param(x, 'id'), param(x, 'attrId'), x.body);
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'DELETE',
    both('/entities/:id/attrs/:attrId'),
    h({ params: ['datasetId', 'deleteAll'] }, async (x) => {
      const deleteAll = x.params.deleteAll;
      if (deleteAll !== undefined && deleteAll !== 'true' && deleteAll !== 'false')
        throw badData('deleteAll must be true or false');
      await x.broker.entities.deleteAttribute(
        x.call,
        param(x, 'id'),
        param(x, 'attrId'),
        x.params.datasetId,
        deleteAll === 'true',
      );
      return emptyAnswer(x, 204);
    }),
  );
}

/** An id as a path segment: URIs stay readable, only characters that end a segment are escaped. */
export function pathSegment(id: string): string {
  return id.replace(/[/?#%\s]/g, (ch) => encodeURIComponent(ch));
}

function param(x: NgsiExchange, name: string): string {
  return x.c.req.param(name) ?? '';
}

/** 204 when everything was written, else 207 with the UpdateResult (expanded names). */
function updateAnswer(x: NgsiExchange, r: UpdateResult): Response {
  if (r.notUpdated.length === 0) return emptyAnswer(x, 204);
  return new Response(
    JSON.stringify({
      updated: r.updated,
      notUpdated: r.notUpdated.map((n) => ({ attributeName: n.name, reason: n.reason })),
    }),
    { status: 207, headers: { 'Content-Type': 'application/json' } },
  );
}

/** GET /entities and POST /entityOperations/query: the page, count and page links. */
export async function queryAnswer(x: NgsiExchange, params: Params): Promise<Response> {
  const view = viewOf(x, params);
  const page = await x.broker.query(x.call, params);
  const headers: Record<string, string> = {};
  if (page.count !== undefined) headers['NGSILD-Results-Count'] = String(page.count);
  const links: string[] = [];
  const link = (offset: number, rel: string) => {
    const q = new URLSearchParams(
      Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
    );
    q.set('limit', String(page.limit));
    q.set('offset', String(offset));
    links.push(`<${API}/entities?${q}>;rel="${rel}";type="application/ld+json"`);
  };
  if (x.c.req.method === 'GET') {
    if (page.offset > 0) link(Math.max(0, page.offset - page.limit), 'prev');
    if (page.more) link(page.offset + page.limit, 'next');
  }
  return jsonAnswer(x, await renderList(x, page.entities, view, params), { headers, links });
}
