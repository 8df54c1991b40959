// Hostile requests for the corpus (issue 8): SQL in every parameter, markup in every text field,
// bad tokens, bad bodies, each with the statuses s5 may answer. 500 is never acceptable.

/** Ids and tokens of the data the corpus test sets up before running the cases. */
export interface CorpusEnv {
  /** Public dataset name and its datastore resource (fields 名称 text, 台数 int). */
  datasetName: string;
  resourceId: string;
  privateResourceId: string;
  privateDatasetName: string;
  /** A string only the private dataset and table hold: it must never appear in an answer. */
  secret: string;
  tokens: { editor: string; otherOrgEditor: string; sysadmin: string };
}

export interface RequestCase {
  id: string;
  what: string;
  build(env: CorpusEnv): { path: string; init?: RequestInit };
  /** Acceptable statuses. */
  status: number[];
  /** Extra check of the answer's body. */
  check?(body: string, env: CorpusEnv): void;
}

export const SQL_PAYLOADS: ReadonlyArray<[string, string]> = [
  ['quote-or', "' OR '1'='1"],
  ['drop', '1; DROP TABLE package; --'],
  ['dquote-or', '" OR ""="'],
  ['union-master', "') UNION SELECT name, sql FROM sqlite_master --"],
  ['union-users', '1) UNION SELECT * FROM users --'],
  ['pg-sleep', "'; SELECT pg_sleep(5); --"],
  ['like', "%' AND 1=1 --"],
  ['ident-break', '_id"; DROP TABLE resource; --'],
  ['comment', 'name/**/OR/**/1=1'],
  ['nul', 'a\u0000b'],
  ['dollar', '$$; DROP TABLE package; $$'],
  ['concat', '" || (SELECT apikey FROM users) || "'],
  ['attach', "x'; ATTACH DATABASE '/tmp/s5-corpus.db' AS x; --"],
  ['star', '*'],
  ['subquery', '(SELECT 1)'],
];

export const MARKUP_PAYLOADS: ReadonlyArray<[string, string]> = [
  ['script', '<script>alert(1)</script>'],
  ['img', '"><img src=x onerror=alert(1)>'],
  ['svg', '<svg/onload=alert(1)>'],
  ['js-link', '[click](javascript:alert(1))'],
  ['iframe', '<iframe src="https://evil.example"></iframe>'],
  ['style', '<style>body{display:none}</style>'],
  ['template', '{{constructor.constructor("alert(1)")()}}'],
  ['entity', '&lt;script&gt;alert(1)&lt;/script&gt;'],
];

const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: token } : {}) },
  body: JSON.stringify(body),
});

/** The answer never carries the private dataset's secret. */
const noSecret = (body: string, env: CorpusEnv) => {
  if (body.includes(env.secret)) throw new Error('the private secret leaked');
};

function sqlCases(): RequestCase[] {
  const out: RequestCase[] = [];
  for (const [name, p] of SQL_PAYLOADS) {
    const ds = (extra: Record<string, unknown>) => (env: CorpusEnv) => ({
      path: '/api/3/action/datastore_search',
      init: json({ resource_id: env.resourceId, ...extra }),
    });
    out.push(
      {
        id: `sql-ds-filter-key-${name}`,
        what: `datastore_search filters key ${p}`,
        build: ds({ filters: { [p]: 'x' } }),
        status: [409],
        check: noSecret,
      },
      {
        id: `sql-ds-filter-value-${name}`,
        what: `datastore_search filters value ${p}`,
        build: ds({ filters: { 名称: p } }),
        status: [200, 409],
        check: noSecret,
      },
      {
        id: `sql-ds-filter-list-${name}`,
        what: `datastore_search filters list ${p}`,
        build: ds({ filters: { 台数: [p, 1] } }),
        status: [200, 409],
        check: noSecret,
      },
      {
        id: `sql-ds-sort-${name}`,
        what: `datastore_search sort ${p}`,
        build: ds({ sort: p }),
        status: [409],
        check: noSecret,
      },
      {
        id: `sql-ds-fields-${name}`,
        what: `datastore_search fields ${p}`,
        build: ds({ fields: [p] }),
        status: p === '*' ? [200, 409] : [409],
        check: noSecret,
      },
      {
        id: `sql-ds-q-${name}`,
        what: `datastore_search q ${p}`,
        build: ds({ q: p }),
        status: [200],
        check: noSecret,
      },
      {
        id: `sql-ds-q-field-${name}`,
        what: `datastore_search q by field ${p}`,
        build: ds({ q: { [p]: 'x' } }),
        status: [409],
        check: noSecret,
      },
      {
        id: `sql-ds-distinct-${name}`,
        what: `datastore_search distinct with fields ${p}`,
        build: ds({ distinct: true, fields: ['名称', p] }),
        status: [409],
        check: noSecret,
      },
      {
        id: `sql-ds-resource-${name}`,
        what: `datastore_search resource_id ${p}`,
        build: () => ({ path: '/api/3/action/datastore_search', init: json({ resource_id: p }) }),
        status: [404, 409],
        check: noSecret,
      },
      {
        id: `sql-ps-q-${name}`,
        what: `package_search q ${p}`,
        build: () => ({ path: `/api/3/action/package_search?q=${encodeURIComponent(p)}` }),
        status: [200, 400],
        check: noSecret,
      },
      {
        id: `sql-ps-fq-${name}`,
        what: `package_search fq ${p}`,
        build: () => ({
          path: `/api/3/action/package_search?fq=${encodeURIComponent(`organization:${p}`)}`,
        }),
        status: [200, 400],
        check: noSecret,
      },
      {
        id: `sql-ps-sort-${name}`,
        what: `package_search sort ${p}`,
        build: () => ({ path: `/api/3/action/package_search?sort=${encodeURIComponent(p)}` }),
        status: [400, 409],
        check: noSecret,
      },
      {
        id: `sql-package-show-${name}`,
        what: `package_show id ${p}`,
        build: () => ({ path: `/api/3/action/package_show?id=${encodeURIComponent(p)}` }),
        status: [404, 409],
        check: noSecret,
      },
      {
        id: `sql-sql-literal-${name}`,
        what: `datastore_search_sql with ${p} inside a string literal`,
        build: (env) => ({
          path: '/api/3/action/datastore_search_sql',
          init: json({
            sql: `SELECT * FROM "${env.resourceId}" WHERE "名称" = '${p.replaceAll("'", "''")}'`,
          }),
        }),
        status: [200, 409],
        check: noSecret,
      },
    );
  }
  // U+0000 is refused before any action runs, whatever the parameter (PostgreSQL text cannot hold it).
  return out.map((c) => (c.id.endsWith('-nul') ? { ...c, status: [409] } : c));
}

function searchSqlWriteCases(): RequestCase[] {
  const statements: Array<[string, (env: CorpusEnv) => string]> = [
    ['drop', (e) => `DROP TABLE "${e.resourceId}"`],
    ['delete', (e) => `DELETE FROM "${e.resourceId}"`],
    ['insert', (e) => `INSERT INTO "${e.resourceId}" ("名称") VALUES ('x')`],
    ['update', (e) => `UPDATE "${e.resourceId}" SET "名称" = 'x'`],
    ['create', () => 'CREATE TABLE evil (a text)'],
    ['attach', () => "ATTACH DATABASE '/tmp/s5-corpus.db' AS evil"],
    ['pragma', () => 'PRAGMA writable_schema = 1'],
    ['load-extension', () => "SELECT load_extension('/tmp/evil.so')"],
    ['users', () => 'SELECT * FROM users'],
    ['tokens', () => 'SELECT * FROM api_token'],
    ['audit', () => 'SELECT * FROM audit_log'],
    ['private-table', (e) => `SELECT * FROM "${e.privateResourceId}"`],
    ['two-statements', (e) => `SELECT 1; DROP TABLE "${e.resourceId}"`],
    ['cte-delete', (e) => `WITH d AS (DELETE FROM "${e.resourceId}" RETURNING *) SELECT * FROM d`],
    ['pg-read-file', () => "SELECT pg_read_file('/etc/passwd')"],
    ['readfile', () => "SELECT readfile('/etc/passwd')"],
    ['vacuum-into', () => "VACUUM INTO '/tmp/s5-corpus-copy.db'"],
    ['sqlite-master', () => 'SELECT sql FROM sqlite_master'],
    ['pg-catalog', () => 'SELECT * FROM pg_catalog.pg_user'],
    ['set-role', () => 'SET ROLE postgres'],
    ['copy', () => "COPY (SELECT 1) TO '/tmp/s5-corpus.txt'"],
    ['select-into', (e) => `SELECT * INTO evil FROM "${e.resourceId}"`],
    ['for-update', (e) => `SELECT * FROM "${e.resourceId}" FOR UPDATE`],
    ['dblink', () => "SELECT * FROM dblink('host=127.0.0.1', 'select 1') AS t(a int)"],
    ['lo-import', () => "SELECT lo_import('/etc/passwd')"],
  ];
  return statements.map(([name, sql]) => ({
    id: `search-sql-${name}`,
    what: `datastore_search_sql refuses ${name}`,
    build: (env) => ({ path: '/api/3/action/datastore_search_sql', init: json({ sql: sql(env) }) }),
    status: [400, 403, 409],
    check: noSecret,
  }));
}

function markupCases(): RequestCase[] {
  const out: RequestCase[] = [];
  for (const [name, m] of MARKUP_PAYLOADS) {
    const fields: Array<[string, (env: CorpusEnv) => Record<string, unknown>]> = [
      ['title', () => ({ title: m })],
      ['notes', () => ({ notes: m })],
      [
        'tag',
        () => ({
          tags: [{ name: m.replace(/[^\p{L}\p{N} _.-]/gu, '').slice(0, 50) || 'x' }],
          notes: m,
        }),
      ],
      ['extra', () => ({ extras: [{ key: `k-${name}`, value: m }] })],
      [
        'resource',
        () => ({ resources: [{ name: m, description: m, url: 'https://example.jp/a.csv' }] }),
      ],
      [
        'url',
        () => ({
          url: 'javascript:alert(1)',
          resources: [{ name: 'r', url: 'javascript:alert(1)' }],
        }),
      ],
    ];
    for (const [field, extra] of fields) {
      out.push({
        id: `markup-${field}-${name}`,
        what: `${m} in a dataset's ${field}`,
        build: (env) => ({
          path: '/api/3/action/package_create',
          init: json(
            {
              name: `corpus-${field}-${name}`,
              title: 'corpus',
              owner_org: 'sapporo-shi',
              ...extra(env),
            },
            env.tokens.editor,
          ),
        }),
        status: [200, 409],
      });
    }
  }
  return out;
}

function tokenCases(): RequestCase[] {
  const tokens: Array<[string, (env: CorpusEnv) => string]> = [
    ['garbage', () => 'not-a-token'],
    ['long', () => 'x'.repeat(10_000)],
    ['sql', () => "' OR '1'='1"],
    ['bearer', (e) => `Bearer ${e.tokens.editor}x`],
    ['truncated', (e) => e.tokens.editor.slice(0, -2)],
    ['jwt-none', () => 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJyb290Iiwic3lzYWRtaW4iOnRydWV9.'],
    ['latin1', () => 'tökén'],
    ['other-org', (e) => e.tokens.otherOrgEditor],
  ];
  const out: RequestCase[] = [];
  for (const [name, token] of tokens) {
    out.push(
      {
        id: `token-write-${name}`,
        what: `package_patch of another's dataset with token ${name}`,
        build: (env) => ({
          path: '/api/3/action/package_patch',
          init: json({ id: env.datasetName, title: 'hijacked' }, token(env)),
        }),
        status: [403],
      },
      {
        id: `token-private-read-${name}`,
        what: `reading a private dataset with token ${name}`,
        build: (env) => ({
          path: `/api/3/action/package_show?id=${env.privateDatasetName}`,
          init: { headers: { Authorization: token(env) } },
        }),
        status: [403, 404, 409],
        check: noSecret,
      },
    );
  }
  return out;
}

function bodyCases(): RequestCase[] {
  const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  return [
    {
      id: 'body-oversized',
      what: 'a 2 MB JSON body',
      build: () => ({
        path: '/api/3/action/package_search',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ q: 'x'.repeat(2_000_000) }),
        },
      }),
      status: [413],
    },
    {
      id: 'body-nested',
      what: 'JSON nested 100,000 levels',
      build: () => ({
        path: '/api/3/action/package_search',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: `{"q":${nested}}`,
        },
      }),
      status: [400, 409],
    },
    {
      id: 'body-invalid-json',
      what: 'broken JSON',
      build: () => ({
        path: '/api/3/action/package_search',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"q": "a",',
        },
      }),
      status: [400],
    },
    {
      id: 'body-array',
      what: 'a JSON array instead of an object',
      build: () => ({
        path: '/api/3/action/package_search',
        init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[1,2,3]' },
      }),
      status: [400, 409],
    },
    {
      id: 'body-proto',
      what: '__proto__ pollution in the body',
      build: (env) => ({
        path: '/api/3/action/package_patch',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: `{"id":"${env.datasetName}","__proto__":{"sysadmin":true},"constructor":{"prototype":{"sysadmin":true}}}`,
        },
      }),
      status: [403, 409],
    },
    {
      id: 'body-huge-number',
      what: 'a number with 10,000 digits as rows',
      build: () => ({
        path: '/api/3/action/package_search',
        init: json({ rows: Number('9'.repeat(400)) }),
      }),
      status: [409],
    },
    {
      id: 'body-wrong-type',
      what: 'XML with a JSON action',
      build: () => ({
        path: '/api/3/action/package_search',
        init: { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: '<q>x</q>' },
      }),
      status: [200, 400, 409],
    },
    {
      id: 'body-unknown-param',
      what: 'an unknown parameter',
      build: () => ({
        path: '/api/3/action/package_show',
        init: json({ id: 'x', drop_tables: true }),
      }),
      status: [409],
    },
    {
      id: 'body-limit-negative',
      what: 'a negative datastore limit',
      build: (env) => ({
        path: '/api/3/action/datastore_search',
        init: json({ resource_id: env.resourceId, limit: -1 }),
      }),
      status: [409],
    },
    {
      id: 'body-limit-huge',
      what: 'a datastore limit of 10^12',
      build: (env) => ({
        path: '/api/3/action/datastore_search',
        init: json({ resource_id: env.resourceId, limit: 1e12 }),
      }),
      status: [200, 409],
    },
    {
      id: 'body-offset-huge',
      what: 'an offset of 10^15',
      build: (env) => ({
        path: '/api/3/action/datastore_search',
        init: json({ resource_id: env.resourceId, offset: 1e15 }),
      }),
      status: [200, 409],
    },
    {
      id: 'body-action-traversal',
      what: 'an action name with path traversal',
      build: () => ({ path: '/api/3/action/..%2F..%2Fetc%2Fpasswd' }),
      status: [400, 404],
    },
    {
      id: 'body-action-proto',
      what: 'the action name __proto__',
      build: () => ({ path: '/api/3/action/__proto__' }),
      status: [400],
    },
    {
      id: 'body-action-constructor',
      what: 'the action name constructor',
      build: () => ({ path: '/api/3/action/constructor' }),
      status: [400],
    },
  ];
}

/** Every request case. */
export function requestCases(): RequestCase[] {
  return [
    ...sqlCases(),
    ...searchSqlWriteCases(),
    ...markupCases(),
    ...tokenCases(),
    ...bodyCases(),
  ];
}
