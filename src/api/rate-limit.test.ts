import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Platform } from '../platform/index.ts';
import { testBackends } from '../../test/support/backends.ts';
import { createApp } from './create-app.ts';

const [sqlite] = testBackends();

describe('API rate limit (S5_API_RATE_LIMIT)', () => {
  let p: Platform;
  before(async () => {
    p = await (sqlite?.open({ seed: false }) ?? Promise.reject(new Error('no backend')));
  });
  after(() => p.close());

  test('past the limit the API answers 429 with Retry-After, other pages still answer', async () => {
    const app = createApp({ ...p, config: { ...p.config, apiRateLimit: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await app.request('/api/3/action/status_show')).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const refused = await app.request('/api/3/action/package_list');
    assert.equal(refused.status, 429);
    assert.match(refused.headers.get('retry-after') ?? '', /^\d+$/);
    const body = (await refused.json()) as { success: boolean; error: { message: string } };
    assert.equal(body.success, false);
    assert.match(body.error.message, /Too many requests/);
    assert.equal((await app.request('/datastore/dump/x')).status, 429, 'dumps count too');
    assert.notEqual((await app.request('/')).status, 429, 'the portal is not the API');
  });

  test('0 means unlimited', async () => {
    const app = createApp({ ...p, config: { ...p.config, apiRateLimit: 0 } });
    for (let i = 0; i < 50; i += 1) {
      assert.equal((await app.request('/api/3/action/status_show')).status, 200);
    }
  });
});
