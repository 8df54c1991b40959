import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../core/errors.ts';
import type { Platform } from '../../platform/index.ts';
import { testBackends } from '../../../test/support/backends.ts';
import {
  createDataset,
  createTable,
  createTestUsers,
  openDatastorePlatform,
  rejectsWith,
  type TestUsers,
} from '../testing/fixtures.ts';

type SqlAnswer = {
  sql: string;
  fields: Array<{ id: string; type: string }>;
  records: Array<Record<string, unknown>>;
  records_truncated?: boolean;
};

for (const backend of testBackends()) {
  describe(`datastore_search_sql on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let id: string;
    let other: string;
    let privateId: string;
    const run = (sql: string, actor = u?.plain) =>
      p.call('datastore_search_sql', { sql }, actor) as Promise<SqlAnswer>;

    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      const pkg = await createDataset(p, u);
      id = await createTable(p, u, pkg, {
        fields: [
          { id: '名称', type: 'text' },
          { id: '区', type: 'text' },
          { id: '収容人数', type: 'int' },
          { id: 'バリアフリー', type: 'bool' },
        ],
        records: [
          { 名称: '中央小学校', 区: '中央区', 収容人数: 500, バリアフリー: true },
          { 名称: '北区体育館', 区: '北区', 収容人数: 1200, バリアフリー: false },
          { 名称: '手稲会館', 区: '手稲区', 収容人数: 80, バリアフリー: null },
        ],
      });
      other = await createTable(p, u, pkg, {
        fields: [
          { id: '区', type: 'text' },
          { id: '人口', type: 'int' },
        ],
        records: [
          { 区: '中央区', 人口: 250000 },
          { 区: '北区', 人口: 285000 },
        ],
      });
      privateId = await createTable(p, u, await createDataset(p, u, { private: true }), {
        fields: [{ id: '名称', type: 'text' }],
        records: [{ 名称: '秘密の施設' }],
      });
    });
    after(() => p?.close());

    it("answers a SELECT over a public table with CKAN's shape: sql, fields and records", async () => {
      const sql = `SELECT "名称", "収容人数", "バリアフリー" FROM "${id}" WHERE "収容人数" > 100 ORDER BY "収容人数";`;
      const r = await run(sql);
      assert.equal(r.sql, sql);
      assert.deepEqual(r.fields, [
        { id: '名称', type: 'text' },
        { id: '収容人数', type: 'int4' },
        { id: 'バリアフリー', type: 'bool' },
      ]);
      assert.deepEqual(r.records, [
        { 名称: '中央小学校', 収容人数: 500, バリアフリー: true },
        { 名称: '北区体育館', 収容人数: 1200, バリアフリー: false },
      ]);
      assert.equal(r.records_truncated, undefined);
    });

    it('joins and aggregates public tables', async () => {
      const r = await run(
        `SELECT s."区" AS ward, count(*) AS n, max(o."人口") AS population
         FROM "${id}" s JOIN "${other}" o ON o."区" = s."区" GROUP BY s."区" ORDER BY s."区"`,
      );
      assert.deepEqual(
        r.records.map((x) => [x.ward, Number(x.n), Number(x.population)]),
        [
          ['中央区', 1, 250000],
          ['北区', 1, 285000],
        ],
      );
    });

    it('tells the fields of an empty result, and says when rows were cut at the maximum', async () => {
      const empty = await run(`SELECT "名称" FROM "${id}" WHERE "収容人数" < 0`);
      assert.deepEqual(empty.records, []);
      assert.deepEqual(
        empty.fields.map((f) => f.id),
        ['名称'],
      );
      const ctx = { ...p.context(u.plain), site: { ...p.site, datastoreMaxLimit: 2 } };
      const cut = (await p.registry.call('datastore_search_sql', ctx, {
        sql: `SELECT "_id" FROM "${id}" ORDER BY "_id"`,
      })) as SqlAnswer;
      assert.deepEqual(
        cut.records.map((x) => x._id),
        [1, 2],
      );
      assert.equal(cut.records_truncated, true);
    });

    it('stops a query at the statement timeout and keeps answering afterwards', async () => {
      const ctx = { ...p.context(u.plain), site: { ...p.site, datastoreSqlTimeoutMs: 300 } };
      const endless =
        'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c';
      await assert.rejects(
        p.registry.call('datastore_search_sql', ctx, { sql: endless }),
        (e: unknown) =>
          e instanceof AppError &&
          e.code === 'validation' &&
          e.fields?.query?.[0] === 'Query took too long',
      );
      const r = await run(`SELECT count(*) AS n FROM "${id}"`);
      assert.equal(Number(r.records[0]?.n), 3);
    });

    it('refuses writes, other statements, other tables, private tables and unsafe functions, leaking nothing', async () => {
      const attacks = [
        'DROP TABLE users',
        `DELETE FROM "${id}"`,
        `INSERT INTO "${id}" ("名称") VALUES ('x')`,
        `UPDATE "${id}" SET "名称" = 'x'`,
        'CREATE TABLE x AS SELECT 1',
        'SELECT 1; DROP TABLE users',
        `SELECT * FROM "${id}"; DELETE FROM "${id}"`,
        `SELECT 1) AS q; DELETE FROM "${id}"; --`,
        `SELECT ?) AS q; DELETE FROM "${id}"; SELECT (1`,
        `WITH d AS (DELETE FROM "${id}" RETURNING *) SELECT * FROM d`,
        "ATTACH DATABASE '/tmp/s5-attack.db' AS x",
        'PRAGMA table_info(users)',
        "SELECT * FROM pragma_table_info('users')",
        'BEGIN',
        'COMMIT',
        'VACUUM',
        'SELECT * FROM users',
        'SELECT token_hash FROM api_token',
        'SELECT * FROM package',
        'SELECT * FROM resource',
        'SELECT * FROM datastore_table',
        'SELECT * FROM search_doc',
        'SELECT * FROM sqlite_master',
        'SELECT * FROM pg_catalog.pg_authid',
        'SELECT * FROM pg_user',
        'SELECT * FROM pg_settings',
        'SELECT * FROM information_schema.tables',
        `SELECT * FROM "${privateId}"`,
        `SELECT "名称" FROM "${id}" UNION SELECT name FROM users`,
        `SELECT "名称" FROM "${id}" WHERE "名称" = (SELECT token_hash FROM api_token LIMIT 1)`,
        `SELECT "名称" FROM "${id}" LIMIT (SELECT count(*) FROM users)`,
        "SELECT load_extension('/tmp/evil')",
        "SELECT pg_read_file('/etc/passwd')",
        "SELECT set_config('role', 'postgres', false)",
        "SELECT current_setting('data_directory')",
        "SELECT query_to_xml('select * from users', true, true, '')",
        `SELECT "名称" FROM "${id}" LIMIT pg_backend_pid()`,
        `SELECT "名称" FROM "${id}" OFFSET pg_advisory_lock(1)::int`,
        "SELECT 'users'::regclass",
        'SELECT pg_sleep(5)',
        'SELECT randomblob(1000000000)',
        'SELECT sqlite_version()',
      ];
      for (const attack of attacks) {
        await assert.rejects(
          run(attack),
          (e: unknown) => {
            assert.ok(e instanceof AppError, `${attack}: ${String(e)}`);
            assert.ok(['validation', 'bad_request'].includes(e.code), `${attack}: ${e.code}`);
            const text = JSON.stringify({ m: e.message, f: e.fields });
            for (const secret of ['秘密', 'root', 'sapporo-editor', '$2', 'passwd:', 'postgres:']) {
              assert.ok(!text.includes(secret), `${attack} leaked ${secret}: ${text}`);
            }
            return true;
          },
          attack,
        );
      }
      const r = (await p.call('datastore_search', { resource_id: id })) as { total: number };
      assert.equal(r.total, 3);
      const root = (await p.call('user_show', { id: 'root' }, u.sysadmin)) as { name: string };
      assert.equal(root.name, 'root');
    });

    it("refuses a private table even to the organization's own members and sysadmins", async () => {
      await rejectsWith(run(`SELECT * FROM "${privateId}"`, u.member), 'validation', ['query']);
      await rejectsWith(run(`SELECT * FROM "${privateId}"`, u.sysadmin), 'validation', ['query']);
    });
  });
}
