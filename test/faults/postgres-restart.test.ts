// Faults (issue 8): PostgreSQL restarts while s5 serves requests. Requests during the outage
// fail cleanly (503 naming the database, never a 500 or a hang); afterwards s5 recovers by
// itself, without a restart, and nothing written before is lost.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/api/index.ts';
import { loadConfig } from '../../src/core/config.ts';
import { createLogger } from '../../src/core/logger.ts';
import { openPlatform, type Platform } from '../../src/platform/index.ts';
import { buildPackage, createTestUsers, SEED_DIR } from '../support/backends.ts';
import {
  type PrivatePostgres,
  privatePostgresUnavailable,
  startPrivatePostgres,
} from './private-postgres.ts';

const skip = privatePostgresUnavailable();

describe('PostgreSQL restarted under load', { skip }, () => {
  let pg: PrivatePostgres;
  let p: Platform;
  /** Errors the server logged: the cause of any 500, shown if one happens. */
  const logged: string[] = [];
  before(async () => {
    pg = await startPrivatePostgres();
    const config = loadConfig({
      DATABASE_URL: pg.url,
      S5_SEED_DIR: SEED_DIR,
      S5_LOG_LEVEL: 'silent',
    });
    p = await openPlatform(config, {
      log: createLogger('error', {}, (line) => void logged.push(line)),
      seed: true,
    });
  });
  after(async () => {
    await p?.close().catch(() => undefined);
    pg?.destroy();
  });

  test('requests during the outage get 503, and s5 recovers when the database is back', async () => {
    const app = createApp(p);
    const u = await createTestUsers(p);
    await p.call(
      'package_create',
      buildPackage({ name: 'before-restart', title: '再起動前' }),
      u.editor,
    );
    const search = () => app.request('/api/3/action/package_show?id=before-restart');
    assert.equal((await search()).status, 200);

    // Load: a stream of reads and writes runs while the server goes down and comes back.
    const statuses: number[] = [];
    let running = true;
    let n = 0;
    const load = (async () => {
      while (running) {
        n += 1;
        const write = app.request('/api/3/action/package_create', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: u.tokens.editor },
          body: JSON.stringify(buildPackage({ name: `load-${n}` })),
        });
        const [a, b] = await Promise.all([search(), write]);
        statuses.push(a.status, b.status);
        if (a.status === 503) {
          const body = (await a.json()) as { error: { message: string } };
          assert.match(body.error.message, /database is unavailable/);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    pg.stop();
    await new Promise((r) => setTimeout(r, 800));
    const during = await search();
    assert.equal(during.status, 503, 'the outage is answered as such');
    pg.start();
    await new Promise((r) => setTimeout(r, 800));
    running = false;
    await load;

    assert.ok(
      !statuses.includes(500),
      `no 500 among ${statuses.length} answers; logged: ${logged.join('\n').slice(0, 2000)}`,
    );
    assert.ok(statuses.includes(503), 'some requests met the outage');
    const res = await search();
    assert.equal(res.status, 200, 'recovered without restarting s5');
    const body = (await res.json()) as { result: { title: string } };
    assert.equal(body.result.title, '再起動前');
    const created = await app.request('/api/3/action/package_create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: u.tokens.editor },
      body: JSON.stringify(buildPackage({ name: 'after-restart' })),
    });
    assert.equal(created.status, 200, 'writes work again');
  });
});
