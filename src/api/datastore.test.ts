import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import { openDatastorePlatform } from '../datastore/testing/fixtures.ts';
import { createApp } from './create-app.ts';

const HELP = (name: string) => `http://s5.test/api/3/action/help_show?name=${name}`;

for (const backend of testBackends()) {
  describe(`datastore API over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let u: TestUsers;
    let id: string;
    let privateId: string;
    const post = (name: string, body: unknown, token?: string) =>
      app.request(`/api/3/action/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: token } : {}) },
        body: JSON.stringify(body),
      });
    const get = (name: string, params: Record<string, string>) =>
      app.request(`/api/3/action/${name}?${new URLSearchParams(params).toString()}`);

    before(async () => {
      p = await openDatastorePlatform(backend);
      app = createApp(p);
      u = await createTestUsers(p);
      const pkg = (await p.call('package_create', buildPackage(), u.editor)) as { id: string };
      const res = await post(
        'datastore_create',
        {
          resource: { package_id: pkg.id, name: 'AED設置箇所' },
          fields: [
            { id: '名称', type: 'text' },
            { id: '設置台数', type: 'int' },
          ],
          records: [
            { 名称: '札幌市役所', 設置台数: 2 },
            { 名称: '中央図書館', 設置台数: 1 },
          ],
          primary_key: ['名称'],
        },
        u.tokens.editor,
      );
      assert.equal(res.status, 200);
      id = ((await res.json()) as { result: { resource_id: string } }).result.resource_id;
      const privatePkg = (await p.call(
        'package_create',
        buildPackage({ private: true }),
        u.editor,
      )) as {
        id: string;
      };
      const priv = (await p.call(
        'datastore_create',
        { resource: { package_id: privatePkg.id }, fields: [{ id: 'a', type: 'text' }] },
        u.editor,
      )) as { resource_id: string };
      privateId = priv.resource_id;
    });
    after(() => p?.close());

    it('answers datastore_search over GET with JSON filters and a Japanese q', async () => {
      const res = await get('datastore_search', {
        resource_id: id,
        q: '図書',
        filters: JSON.stringify({ 設置台数: [1, 2] }),
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as {
        help: string;
        success: boolean;
        result: {
          records: Array<Record<string, unknown>>;
          total: number;
          _links: { start: string };
        };
      };
      assert.equal(body.help, HELP('datastore_search'));
      assert.equal(body.success, true);
      assert.deepEqual(
        body.result.records.map((r) => [r._id, r.名称, r.設置台数]),
        [[2, '中央図書館', 1]],
      );
      assert.equal(body.result.total, 1);
      assert.ok(body.result._links.start.startsWith('/api/3/action/datastore_search?resource_id='));
    });

    it("upserts over POST and refuses a write over GET with CKAN's bare 400", async () => {
      const res = await post(
        'datastore_upsert',
        { resource_id: id, records: [{ 名称: '札幌市役所', 設置台数: 3 }] },
        u.tokens.editor,
      );
      assert.equal(res.status, 200);
      const viaGet = await get('datastore_upsert', { resource_id: id });
      assert.equal(viaGet.status, 400);
      assert.equal(
        await viaGet.json(),
        'Bad request: JSON Error: Invalid request. Please use POST method for your request',
      );
    });

    it('answers a bad field with 409 Validation Error naming the parameter', async () => {
      const res = await get('datastore_search', { resource_id: id, sort: '存在しない desc' });
      assert.equal(res.status, 409);
      assert.deepEqual(await res.json(), {
        help: HELP('datastore_search'),
        success: false,
        error: { __type: 'Validation Error', sort: ['invalid value "存在しない desc"'] },
      });
    });

    it('answers 404 for a private table, as for one that does not exist', async () => {
      for (const rid of [privateId, 'no-such-resource']) {
        const res = await get('datastore_info', { id: rid });
        assert.equal(res.status, 404);
        assert.equal(
          ((await res.json()) as { error: { __type: string } }).error.__type,
          'Not Found Error',
        );
      }
    });

    it('runs datastore_search_sql over GET and refuses other tables with 409', async () => {
      const ok = await get('datastore_search_sql', {
        sql: `SELECT sum("設置台数") AS total FROM "${id}"`,
      });
      assert.equal(ok.status, 200);
      const body = (await ok.json()) as { result: { records: Array<{ total: unknown }> } };
      assert.equal(Number(body.result.records[0]?.total), 4);
      const refused = await get('datastore_search_sql', { sql: 'SELECT * FROM api_token' });
      assert.equal(refused.status, 409);
      assert.equal(
        ((await refused.json()) as { error: { __type: string } }).error.__type,
        'Validation Error',
      );
    });

    it('shows datastore_active on the resource', async () => {
      const res = await get('resource_show', { id });
      const body = (await res.json()) as {
        result: { datastore_active: boolean; url_type: string };
      };
      assert.equal(body.result.datastore_active, true);
      assert.equal(body.result.url_type, 'datastore');
    });
  });
}
