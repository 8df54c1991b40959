import type { Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import {
  contentRange,
  type Params,
  badData,
  ngsiError,
  parseAttrs,
  parseProjection,
  parseTemporalQuery,
  parseView,
  type RenderOptions,
  renderTemporal,
  TEMPORAL_PARAMS,
  type TemporalEntity,
  temporalOf,
} from '../ngsi/index.ts';
import { emptyAnswer, jsonAnswer, type NgsiExchange, ngsiHandler } from './ngsi-http.ts';

const API = '/ngsi-ld/v1';
const READ = ['json', 'ld'] as const;
const VIEW = [
  'options',
  'format',
  'attrs',
  'pick',
  'omit',
  'lang',
  'datasetId',
  ...TEMPORAL_PARAMS,
];
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
  'limit',
  'offset',
  'count',
  'scopeQ',
  'local',
];

/** Temporal routes (clause 6.18–6.22): /temporal/entities and the instances of its attributes. */
export function temporalRoutes(app: Hono, platform: Platform): void {
  const h = (spec: Parameters<typeof ngsiHandler>[1], run: Parameters<typeof ngsiHandler>[2]) =>
    ngsiHandler(platform, spec, run);
  const both = (path: string) => [path, `${path}/`];
  const svc = (x: NgsiExchange) => temporalOf(x.broker);

  app.on(
    'POST',
    both('/temporal/entities'),
    h({ params: ['local'], body: 'json' }, async (x) => {
      const r = await svc(x).upsert(x.call, x.body);
      return r.created
        ? emptyAnswer(x, 201, `${API}/temporal/entities/${encodeURIComponent(r.id)}`)
        : emptyAnswer(x, 204);
    }),
  );
  app.on(
    'GET',
    both('/temporal/entities'),
    h({ params: QUERY, produces: READ }, async (x) => {
      const r = await svc(x).query(x.call, x.params);
      const o = renderOptions(x, x.params);
      const headers: Record<string, string> = {};
      if (r.count !== undefined) headers['NGSILD-Results-Count'] = String(r.count);
      const clipped = r.list.find((t) => t.clipped)?.clipped;
      if (clipped) headers['Content-Range'] = contentRange(clipped.fromMs, clipped.toMs);
      return jsonAnswer(
        x,
        r.list.map((t) => renderTemporal(t, r.tq, o)),
        { status: clipped ? 206 : 200, headers },
      );
    }),
  );
  app.on(
    'POST',
    both('/temporal/entityOperations/query'),
    h(
      { params: ['limit', 'offset', 'count', 'options', 'format'], produces: READ, body: 'json' },
      async (x) => {
        const params = { ...queryBodyParams(x.body), ...x.params };
        const r = await svc(x).query(x.call, params);
        const o = renderOptions(x, params);
        const headers: Record<string, string> = {};
        if (r.count !== undefined) headers['NGSILD-Results-Count'] = String(r.count);
        return jsonAnswer(
          x,
          r.list.map((t) => renderTemporal(t, r.tq, o)),
          { headers },
        );
      },
    ),
  );
  app.on(
    'GET',
    both('/temporal/entities/:id'),
    h({ params: [...VIEW, 'local'], produces: READ }, async (x) => {
      const t: TemporalEntity = await svc(x).retrieve(x.call, param(x, 'id'), x.params);
      const r = renderTemporal(t, parseTemporalQuery(x.params), renderOptions(x, x.params));
      if (Object.keys(r).length === 0)
        throw ngsiError('ResourceNotFound', 'Nothing of the entity matches the projection');
      if (!t.clipped) return jsonAnswer(x, r);
      return jsonAnswer(x, r, {
        status: 206,
        headers: { 'Content-Range': contentRange(t.clipped.fromMs, t.clipped.toMs) },
      });
    }),
  );
  app.on(
    'DELETE',
    both('/temporal/entities/:id'),
    h({ params: ['local'] }, async (x) => {
      await x.broker.entities.delete(x.call, param(x, 'id'));
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'POST',
    both('/temporal/entities/:id/attrs'),
    h({ params: [], body: 'json' }, async (x) => {
      await svc(x).addAttributes(x.call, param(x, 'id'), x.body);
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'DELETE',
    both('/temporal/entities/:id/attrs/:attr'),
    h({ params: ['datasetId', 'deleteAll'] }, async (x) => {
      await svc(x).deleteAttribute(
        x.call,
        param(x, 'id'),
        param(x, 'attr'),
        x.params.datasetId,
        x.params.deleteAll === 'true',
      );
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'PATCH',
    both('/temporal/entities/:id/attrs/:attr'),
    h({ params: [] }, async () => {
      throw ngsiError(
        'MethodNotAllowed',
        'PATCH needs an instance id: …/attrs/{attrId}/{instanceId}',
      );
    }),
  );
  app.on(
    'PATCH',
    both('/temporal/entities/:id/attrs/:attr/:instanceId'),
    h({ params: [], body: 'json' }, async (x) => {
      await svc(x).patchInstance(
        x.call,
        param(x, 'id'),
        param(x, 'attr'),
        param(x, 'instanceId'),
        x.body,
      );
      return emptyAnswer(x, 204);
    }),
  );
  app.on(
    'DELETE',
    both('/temporal/entities/:id/attrs/:attr/:instanceId'),
    h({ params: [] }, async (x) => {
      await svc(x).deleteInstance(x.call, param(x, 'id'), param(x, 'attr'), param(x, 'instanceId'));
      return emptyAnswer(x, 204);
    }),
  );
}

function param(x: NgsiExchange, name: string): string {
  return x.c.req.param(name) ?? '';
}

/** Render options of a temporal GET: the ordinary view minus the temporal options. */
function renderOptions(x: NgsiExchange, params: Params): RenderOptions {
  const temporal = ['temporalValues', 'aggregatedValues'];
  const options = (params.options ?? '')
    .split(',')
    .filter((o) => o !== '' && !temporal.includes(o))
    .join(',');
  const format = params.format && !temporal.includes(params.format) ? params.format : undefined;
  const view = parseView({ options, ...(format ? { format } : {}) });
  const o: RenderOptions = { terms: x.call.terms, format: view.format, sysAttrs: view.sysAttrs };
  const attrs = parseAttrs(params.attrs, x.call.terms);
  if (attrs) o.attrs = new Set(attrs);
  const pick = parseProjection(params.pick, x.call.terms);
  const omit = parseProjection(params.omit, x.call.terms);
  if (pick && omit)
    for (const name of pick.keys())
      if (omit.has(name)) throw badData(`${name} is both picked and omitted`);
  if ((pick || omit) && attrs) throw badData('attrs cannot be combined with pick or omit');
  if (pick) o.pick = pick;
  if (omit) o.omit = omit;
  if (params.lang) o.lang = params.lang;
  return o;
}

/** POST /temporal/entityOperations/query: the Query body (clause 5.2.23) as GET parameters. */
function queryBodyParams(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  const b = body as Record<string, unknown>; // a JSON object
  const entities = Array.isArray(b.entities) ? (b.entities as Array<Record<string, unknown>>) : [];
  const types = entities.map((e) => e.type).filter((t): t is string => typeof t === 'string');
  if (types.length > 0) out.type = types.join(',');
  const ids = entities.map((e) => e.id).filter((t): t is string => typeof t === 'string');
  if (ids.length > 0) out.id = ids.join(',');
  if (Array.isArray(b.attrs)) out.attrs = (b.attrs as unknown[]).map(String).join(',');
  if (typeof b.q === 'string') out.q = b.q;
  const tq = (b.temporalQ ?? {}) as Record<string, unknown>;
  for (const k of ['timerel', 'timeAt', 'endTimeAt', 'timeproperty', 'lastN'])
    if (tq[k] !== undefined) out[k] = String(tq[k]);
  return out;
}
