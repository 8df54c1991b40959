import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { createTestUsers, type TestUsers, testBackends } from '../../test/support/backends.ts';
import { type OutboxWorker, startNotifications } from '../ngsi/index.ts';
import type { Platform } from '../platform/index.ts';
import { createApp } from './create-app.ts';
import { type NgsiClient, ngsiClient, TEST_CONTEXT } from './ngsi-testing.ts';

interface Received {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: { id: string; subscriptionId: string; data: Array<Record<string, unknown>> };
}

/** A loopback receiver; `silent` ones accept the request and never answer. */
async function receiver(silent = false) {
  const got: Received[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString('utf8');
    });
    req.on('end', () => {
      got.push({
        at: Date.now(),
        headers: req.headers,
        body: JSON.parse(text) as Received['body'],
      });
      if (!silent) res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  return {
    url,
    got,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const backend of testBackends()) {
  describe(`NGSI-LD subscriptions and notifications on ${backend.name}`, {
    skip: backend.skip,
  }, () => {
    let p: Platform;
    let app: Hono;
    let u: TestUsers;
    let c: NgsiClient;
    let link: Record<string, string>;
    let worker: OutboxWorker;
    let fast: Awaited<ReturnType<typeof receiver>>;
    let dead: Awaited<ReturnType<typeof receiver>>;

    before(async () => {
      p = await backend.open();
      app = createApp(p);
      u = await createTestUsers(p);
      c = ngsiClient(app, u.tokens.editor);
      const hosted = await c.req('POST', '/jsonldContexts', { body: { '@context': TEST_CONTEXT } });
      const url = `http://s5.test${hosted.headers.get('location')}`;
      link = {
        Link: `<${url}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`,
      };
      fast = await receiver();
      dead = await receiver(true);
      worker = startNotifications(p.db, p.config, { allowPrivate: true, timeoutMs: 5000 });
    });
    after(async () => {
      await fast.close();
      await dead.close();
      await worker.stop();
      await p.close();
    });

    const subscribe = async (body: Record<string, unknown>) => {
      const r = await c.req('POST', '/subscriptions', {
        body: { type: 'Subscription', ...body },
        headers: link,
      });
      assert.equal(r.status, 201, await r.clone().text());
      return decodeURIComponent((r.headers.get('location') ?? '').split('/').pop() ?? '');
    };
    const json = async (r: Response) => (await r.json()) as Record<string, unknown>;

    it('creates, lists, pauses and deletes subscriptions', async () => {
      const id = await subscribe({
        id: 'urn:ngsi-ld:Subscription:crud',
        entities: [{ type: 'Building' }],
        notification: { endpoint: { uri: fast.url } },
      });
      assert.equal(id, 'urn:ngsi-ld:Subscription:crud');
      const again = await c.req('POST', '/subscriptions', {
        body: {
          type: 'Subscription',
          id,
          entities: [{ type: 'Building' }],
          notification: { endpoint: { uri: fast.url } },
        },
        headers: link,
      });
      assert.equal(again.status, 409);
      const one = await json(await c.req('GET', `/subscriptions/${id}`, { headers: link }));
      assert.equal(one.status, 'active');
      assert.equal((one.notification as Record<string, unknown>).timesSent, 0);
      const second = await subscribe({
        entities: [{ type: 'Building' }],
        notification: { endpoint: { uri: fast.url } },
      });
      assert.match(second, /^urn:ngsi-ld:Subscription:/);
      const page = await c.req('GET', '/subscriptions?limit=1&offset=0&count=true', {
        headers: link,
      });
      assert.equal(page.headers.get('ngsild-results-count'), '2');
      assert.match(page.headers.get('link') ?? '', /rel="next"/);
      assert.equal(((await page.json()) as unknown[]).length, 1);
      const patch = await c.req('PATCH', `/subscriptions/${id}`, {
        body: { isActive: false },
        headers: link,
      });
      assert.equal(patch.status, 204);
      const paused = await json(await c.req('GET', `/subscriptions/${id}`, { headers: link }));
      assert.equal(paused.status, 'paused');
      for (const s of [id, second])
        assert.equal((await c.req('DELETE', `/subscriptions/${s}`)).status, 204);
      assert.equal((await c.req('GET', `/subscriptions/${id}`)).status, 404);
    });

    it('rejects invalid subscriptions with 400', async () => {
      for (const bad of [
        { entities: [{ type: 'Building' }] },
        { notification: { endpoint: { uri: fast.url } } },
        { entities: [{ type: 'Building' }], notification: { endpoint: { uri: 'ftp://x/y' } } },
        {
          entities: [{ type: 'Building' }],
          notificationTrigger: ['somethingHappened'],
          notification: { endpoint: { uri: fast.url } },
        },
        {
          entities: [{ type: 'Building' }],
          q: 'a==',
          notification: { endpoint: { uri: fast.url } },
        },
      ]) {
        const r = await c.req('POST', '/subscriptions', {
          body: { type: 'Subscription', ...bad },
          headers: link,
        });
        assert.equal(r.status, 400, JSON.stringify(bad));
      }
    });

    it('notifies matching changes (watchedAttributes, q, keyValues, receiverInfo) and counts them', async () => {
      const id = await subscribe({
        entities: [{ type: 'Sensor', idPattern: '^urn:ngsi-ld:Sensor:q' }],
        watchedAttributes: ['temperature'],
        q: 'temperature>20',
        notification: {
          format: 'keyValues',
          attributes: ['temperature'],
          endpoint: { uri: fast.url, receiverInfo: [{ key: 'X-Token', value: 'abc' }] },
        },
      });
      const before = fast.got.length;
      assert.equal(
        (
          await c.create({
            id: 'urn:ngsi-ld:Sensor:q1',
            type: 'Sensor',
            temperature: { type: 'Property', value: 25 },
            name: { type: 'Property', value: 'a' },
          })
        ).status,
        201,
      );
      // Not notified: q fails / other entity / unwatched attribute.
      await c.create({
        id: 'urn:ngsi-ld:Sensor:other',
        type: 'Sensor',
        temperature: { type: 'Property', value: 30 },
      });
      await c.req('PATCH', '/entities/urn:ngsi-ld:Sensor:q1/attrs', {
        body: { temperature: { type: 'Property', value: 10 } },
        headers: link,
      });
      await c.req('PATCH', '/entities/urn:ngsi-ld:Sensor:q1/attrs', {
        body: {
          temperature: { type: 'Property', value: 10 },
          name: { type: 'Property', value: 'b' },
        },
        headers: link,
      });
      await c.req('PATCH', '/entities/urn:ngsi-ld:Sensor:q1/attrs', {
        body: { temperature: { type: 'Property', value: 22 } },
        headers: link,
      });
      await until(() => fast.got.length >= before + 2);
      await new Promise((r) => setTimeout(r, 150));
      const mine = fast.got.slice(before).filter((g) => g.body.subscriptionId === id);
      assert.equal(mine.length, 2);
      assert.deepEqual(
        mine.map((g) => g.body.data),
        [
          [{ id: 'urn:ngsi-ld:Sensor:q1', type: 'Sensor', temperature: 25 }],
          [{ id: 'urn:ngsi-ld:Sensor:q1', type: 'Sensor', temperature: 22 }],
        ],
      );
      assert.equal(mine[0]?.headers['x-token'], 'abc');
      assert.match(mine[0]?.body.id ?? '', /^urn:ngsi-ld:Notification:/);
      await until(() => true);
      const s = await json(await c.req('GET', `/subscriptions/${id}`, { headers: link }));
      const n = s.notification as Record<string, unknown>;
      assert.equal(n.timesSent, 2);
      assert.equal(n.status, 'ok');
      assert.ok(typeof n.lastSuccess === 'string');
    });

    it('notifies entity deletion with notificationTrigger entityDeleted only', async () => {
      const id = await subscribe({
        entities: [{ type: 'Sensor', id: 'urn:ngsi-ld:Sensor:del' }],
        notificationTrigger: ['entityDeleted'],
        notification: { endpoint: { uri: fast.url } },
      });
      await c.create({
        id: 'urn:ngsi-ld:Sensor:del',
        type: 'Sensor',
        temperature: { type: 'Property', value: 1 },
      });
      assert.equal((await c.req('DELETE', '/entities/urn:ngsi-ld:Sensor:del')).status, 204);
      await until(() => fast.got.some((g) => g.body.subscriptionId === id));
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(fast.got.filter((g) => g.body.subscriptionId === id).length, 1);
    });

    it('keeps a fast endpoint fast while another endpoint never answers', async () => {
      await subscribe({
        entities: [{ type: 'Meter' }],
        notification: { endpoint: { uri: dead.url } },
      });
      const quick = await subscribe({
        entities: [{ type: 'Meter' }],
        notification: { endpoint: { uri: fast.url } },
      });
      const start = Date.now();
      for (let i = 0; i < 3; i++)
        await c.create({
          id: `urn:ngsi-ld:Meter:m${i}`,
          type: 'Meter',
          power: { type: 'Property', value: i },
        });
      await until(() => fast.got.filter((g) => g.body.subscriptionId === quick).length === 3, 1000);
      const last = Math.max(
        ...fast.got.filter((g) => g.body.subscriptionId === quick).map((g) => g.at),
      );
      assert.ok(last - start < 1000, `fast endpoint waited ${last - start} ms`);
      assert.ok(dead.got.length >= 1, 'the dead endpoint was tried');
    });
  });
}
