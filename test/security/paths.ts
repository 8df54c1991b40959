import type { Hono } from 'hono';

export type Role =
  | 'anonymous'
  | 'plain'
  | 'otherOrgEditor'
  | 'member'
  | 'editor'
  | 'admin'
  | 'sysadmin';
export type State = 'public' | 'private' | 'deleted';
export type Expectation = 'visible' | 'hidden' | 'any';

export const ROLES: readonly Role[] = [
  'anonymous',
  'plain',
  'otherOrgEditor',
  'member',
  'editor',
  'admin',
  'sysadmin',
];
export const STATES: readonly State[] = ['public', 'private', 'deleted'];

interface Target {
  marker: string;
  id: string;
  name: string;
  tableId: string;
  fileResourceId: string;
  mergedId: string;
}

export interface ReadPath {
  name: string;
  observe(
    app: Hono,
    o: Target,
    token: string | undefined,
  ): Promise<{ status: number; body: string }>;
  /** What the role may see of an object in that state. */
  expect(role: Role, state: State): Expectation;
  /** A 200 alone means seen (for paths whose answer need not repeat the marker). */
  visibleByStatus?: boolean;
  /** Pages that echo the request (a search box, a 404 naming the URL) look for the title. */
  byTitle?: boolean;
  /** Answers that echo the request (datastore_search's `q`): where the data itself would be. */
  seenIn?: (body: string, o: Target) => boolean;
}

const MEMBERS: ReadonlySet<Role> = new Set(['member', 'editor', 'admin', 'sysadmin']);
const EDITORS: ReadonlySet<Role> = new Set(['editor', 'admin', 'sysadmin']);

/** Show-like paths: public to all, private to members, deleted to editors (CKAN's rules). */
const showRule = (role: Role, state: State): Expectation =>
  state === 'public' ||
  (state === 'private' && MEMBERS.has(role)) ||
  (state === 'deleted' && EDITORS.has(role))
    ? 'visible'
    : 'hidden';
/** List-like paths: public to all, private to members, deleted to nobody. */
const listRule = (role: Role, state: State): Expectation =>
  state === 'public' || (state === 'private' && MEMBERS.has(role)) ? 'visible' : 'hidden';
/** Public listings that never include private datasets, whoever asks (CKAN's package_list). */
const publicOnly = (_role: Role, state: State): Expectation =>
  state === 'public' ? 'visible' : 'hidden';
/** Documents about the API, not the data: no dataset ever appears in them. */
const never = (): Expectation => 'hidden';

async function request(app: Hono, path: string, token: string | undefined, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', token);
  const res = await app.request(path, { ...init, headers });
  return { status: res.status, body: await res.text() };
}
const action = (name: string, params: Record<string, string>) =>
  `/api/3/action/${name}?${new URLSearchParams(params).toString()}`;

export const PATHS: readonly ReadPath[] = [
  {
    name: 'package_show',
    observe: (a, o, t) => request(a, action('package_show', { id: o.name }), t),
    expect: showRule,
  },
  {
    name: 'package_search (include_private, include_drafts)',
    observe: (a, o, t) =>
      request(
        a,
        action('package_search', { q: o.marker, include_private: 'true', include_drafts: 'true' }),
        t,
      ),
    expect: listRule,
  },
  {
    name: 'resource_show',
    observe: (a, o, t) => request(a, action('resource_show', { id: o.fileResourceId }), t),
    expect: showRule,
    visibleByStatus: true,
  },
  {
    name: 'datastore_search',
    observe: (a, o, t) => request(a, action('datastore_search', { resource_id: o.tableId }), t),
    expect: listRule,
  },
  {
    name: 'datastore_search q',
    observe: (a, o, t) =>
      request(a, action('datastore_search', { resource_id: o.tableId, q: o.marker }), t),
    expect: listRule,
  },
  {
    name: 'datastore_info',
    observe: (a, o, t) => request(a, action('datastore_info', { id: o.tableId }), t),
    expect: listRule,
    visibleByStatus: true,
  },
  {
    name: 'datastore_search_sql',
    observe: (a, o, t) =>
      request(a, '/api/3/action/datastore_search_sql', t, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sql: `SELECT * FROM "${o.tableId}"` }),
      }),
    // SQL reads only public tables, whoever asks: private tables never join a query.
    expect: publicOnly,
  },
  {
    name: 'datastore dump CSV',
    observe: (a, o, t) => request(a, `/datastore/dump/${o.tableId}`, t),
    expect: listRule,
  },
  {
    name: 'datastore dump GeoJSON',
    observe: (a, o, t) => request(a, `/datastore/dump/${o.tableId}?format=geojson`, t),
    expect: listRule,
  },
  {
    name: 'resource file download',
    observe: (a, o, t) => request(a, `/dataset/${o.id}/resource/${o.fileResourceId}/download`, t),
    expect: showRule,
  },
  {
    name: 'package_list',
    observe: (a, _o, t) => request(a, action('package_list', {}), t),
    expect: publicOnly,
  },
  {
    name: 'tag_list',
    observe: (a, _o, t) => request(a, action('tag_list', {}), t),
    expect: publicOnly,
  },
  {
    name: 'organization_show include_datasets',
    observe: (a, _o, t) =>
      request(a, action('organization_show', { id: 'sapporo-shi', include_datasets: 'true' }), t),
    expect: listRule,
  },
  {
    name: 'group_show include_datasets',
    observe: (a, _o, t) =>
      request(a, action('group_show', { id: 'ishikari', include_datasets: 'true' }), t),
    expect: listRule,
  },
  // Published for machines and search engines: read as an anonymous visitor, whoever asks.
  {
    name: 'DCAT dataset (Turtle)',
    observe: (a, o, t) => request(a, `/dataset/${o.id}.ttl`, t),
    expect: publicOnly,
  },
  {
    name: 'DCAT dataset (JSON-LD)',
    observe: (a, o, t) => request(a, `/dataset/${o.name}.jsonld`, t),
    expect: publicOnly,
  },
  {
    name: 'DCAT catalog (RDF/XML)',
    observe: (a, _o, t) => request(a, '/catalog.xml', t),
    expect: publicOnly,
  },
  {
    name: 'portal dataset page',
    observe: (a, o, t) => request(a, `/dataset/${o.name}`, t),
    expect: publicOnly,
    byTitle: true,
  },
  {
    name: 'portal search page',
    observe: (a, o, t) => request(a, `/dataset?q=${o.marker}`, t),
    expect: publicOnly,
    byTitle: true,
  },
  {
    name: 'portal organization page',
    observe: (a, _o, t) => request(a, '/organization/sapporo-shi', t),
    expect: publicOnly,
  },
  { name: 'sitemap.xml', observe: (a, _o, t) => request(a, '/sitemap.xml', t), expect: publicOnly },
  {
    name: 'OpenAPI document',
    observe: (a, _o, t) => request(a, '/api/openapi.json', t),
    expect: never,
  },
  {
    name: 'merged standard table (datastore_search q)',
    observe: (a, o, t) =>
      request(a, action('datastore_search', { resource_id: o.mergedId, q: o.marker }), t),
    expect: publicOnly,
    seenIn: (body, o) => {
      const records = (JSON.parse(body) as { result?: { records?: unknown[] } }).result?.records;
      return JSON.stringify(records ?? []).includes(o.marker);
    },
  },
  {
    name: 'merged standard table (GeoJSON dump)',
    observe: (a, o, t) => request(a, `/datastore/dump/${o.mergedId}?format=geojson`, t),
    expect: publicOnly,
  },
  {
    // The matrix cells name the resource and dataset ids that count; the marker is not in them.
    name: 's5_coverage',
    observe: async (a, o, t) => {
      const r = await request(a, action('s5_coverage', { organization: 'sapporo-shi' }), t);
      return { ...r, body: r.body.includes(o.id) ? `${r.body}${o.marker}` : r.body };
    },
    expect: publicOnly,
  },
  {
    name: 's5_resource_versions',
    observe: (a, o, t) => request(a, action('s5_resource_versions', { id: o.fileResourceId }), t),
    expect: showRule,
    visibleByStatus: true,
  },
];
