import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { silentLogger } from '../core/logger.ts';
import type { Platform } from '../platform/index.ts';
import {
  buildPackage,
  createTestUsers,
  type TestUsers,
  testBackends,
} from '../../test/support/backends.ts';
import { createApp } from './create-app.ts';
import { errorEnvelope } from './envelope.ts';

const HELP = (name: string) => `http://s5.test/api/3/action/help_show?name=${name}`;

for (const backend of testBackends()) {
  describe(`CKAN Action API over HTTP on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let app: Hono;
    let u: TestUsers;
    const post = (name: string, body: unknown, token?: string) =>
      app.request(`/api/3/action/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: token } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    before(async () => {
      p = await backend.open();
      app = createApp(p);
      u = await createTestUsers(p);
    });
    after(() => p?.close());

    it('answers a read action over GET with the success envelope', async () => {
      const res = await app.request('/api/3/action/group_list?limit=2&sort=name%20asc');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json;charset=utf-8');
      assert.deepEqual(await res.json(), {
        help: HELP('group_list'),
        success: true,
        result: ['hidaka', 'hiyama'],
      });
    });

    it('serves /api/action/{name} as an alias', async () => {
      const res = await app.request('/api/action/status_show');
      assert.equal(((await res.json()) as { success: boolean }).success, true);
    });

    it('decodes JSON lists in GET parameters', async () => {
      const res = await app.request(
        `/api/3/action/package_search?facet.field=${encodeURIComponent('["organization"]')}&rows=0`,
      );
      const body = (await res.json()) as { result: { facets: Record<string, unknown> } };
      assert.deepEqual(Object.keys(body.result.facets), ['organization']);
    });

    it('creates a dataset over POST with an API token and shows it anonymously', async () => {
      const res = await post(
        'package_create',
        buildPackage({ name: 'api-created', title: 'API経由' }),
        u.tokens.editor,
      );
      assert.equal(res.status, 200);
      const shown = await app.request('/api/3/action/package_show?id=api-created');
      assert.equal(((await shown.json()) as { result: { title: string } }).result.title, 'API経由');
    });

    it('accepts the token in X-CKAN-API-Key and as a Bearer token', async () => {
      for (const headers of [
        { 'X-CKAN-API-Key': u.tokens.editor },
        { Authorization: `Bearer ${u.tokens.editor}` },
      ]) {
        const res = await app.request('/api/3/action/package_create', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify(buildPackage()),
        });
        assert.equal(res.status, 200);
      }
    });

    it('accepts form-encoded POST bodies', async () => {
      const res = await app.request('/api/3/action/package_show', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'id=api-created',
      });
      assert.equal(res.status, 200);
    });

    it('answers a validation error with 409 and the fields at fault', async () => {
      const res = await post('package_create', buildPackage({ name: 'Bad Name' }), u.tokens.editor);
      assert.equal(res.status, 409);
      assert.deepEqual(await res.json(), {
        help: HELP('package_create'),
        success: false,
        error: {
          __type: 'Validation Error',
          name: ['Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_'],
        },
      });
    });

    it('answers a duplicate name with 409 as CKAN does', async () => {
      const res = await post(
        'package_create',
        buildPackage({ name: 'api-created' }),
        u.tokens.editor,
      );
      assert.equal(res.status, 409);
      assert.deepEqual(((await res.json()) as { error: unknown }).error, {
        __type: 'Validation Error',
        name: ['That URL is already in use.'],
      });
    });

    it('answers an anonymous write with 403 Authorization Error', async () => {
      const res = await post('package_create', buildPackage());
      assert.equal(res.status, 403);
      assert.deepEqual(await res.json(), {
        help: HELP('package_create'),
        success: false,
        error: { __type: 'Authorization Error', message: 'Access denied: Login required' },
      });
    });

    it('answers an invalid token with 403 rather than acting anonymously', async () => {
      const res = await app.request('/api/3/action/package_list', {
        headers: { Authorization: 'not-a-token' },
      });
      assert.equal(res.status, 403);
    });

    it('answers a missing dataset with 404 Not Found Error', async () => {
      const res = await app.request('/api/3/action/package_show?id=nothing-here');
      assert.equal(res.status, 404);
      assert.deepEqual(((await res.json()) as { error: unknown }).error, {
        __type: 'Not Found Error',
        message: 'Not found: Dataset not found',
      });
    });

    it('answers a bad search query with 400 Search Query Error', async () => {
      const res = await app.request('/api/3/action/package_search?sort=secret%20desc');
      assert.equal(res.status, 400);
      assert.equal(
        ((await res.json()) as { error: { __type: string } }).error.__type,
        'Search Query Error',
      );
    });

    it('answers an unknown action with CKAN bare-string 400', async () => {
      const res = await app.request('/api/3/action/drop_tables');
      assert.equal(res.status, 400);
      assert.equal(await res.json(), 'Bad request: Action name not known: drop_tables');
    });

    it('refuses GET for a write action', async () => {
      const res = await app.request('/api/3/action/package_delete?id=api-created');
      assert.equal(res.status, 400);
      assert.match((await res.json()) as string, /Please use POST/);
    });

    it('answers malformed JSON and a non-object body with 400', async () => {
      const bad = await post('package_show', '{"id": ');
      assert.equal(bad.status, 400);
      assert.match((await bad.json()) as string, /^Bad request: JSON Error/);
      const list = await post('package_show', '[1,2]');
      assert.equal(list.status, 400);
    });

    it('refuses an oversized body with 413 and keeps serving', async () => {
      const res = await post('package_show', JSON.stringify({ id: 'x'.repeat(2_000_000) }));
      assert.equal(res.status, 413);
      assert.equal((await app.request('/api/3/action/status_show')).status, 200);
    });

    it('survives deeply nested JSON with a validation error, not a crash', async () => {
      const nested = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
      const res = await post('package_show', nested);
      assert.ok([400, 409].includes(res.status));
    });

    it('serves help_show with the action description', async () => {
      const res = await app.request('/api/3/action/help_show?name=package_search');
      assert.match(((await res.json()) as { result: string }).result, /^Search datasets/);
    });

    it('allows browser clients from any origin', async () => {
      const res = await app.request('/api/3/action/status_show', {
        headers: { Origin: 'https://example.org' },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
    });

    it('escapes the site title on the landing page', async () => {
      const res = await app.request('/');
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<html lang="ja">/);
    });
  });
}

describe('error envelope', () => {
  it('never shows an unexpected error message or stack to the client', () => {
    const env = errorEnvelope(
      new Error('SQLITE_CORRUPT at /secret/path'),
      HELP('x'),
      silentLogger,
      'req-1',
    );
    assert.deepEqual(env, {
      status: 500,
      body: {
        help: HELP('x'),
        success: false,
        error: { __type: 'Internal Server Error', message: 'Internal Server Error' },
      },
    });
  });
});
