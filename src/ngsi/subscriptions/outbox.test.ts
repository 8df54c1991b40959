import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { testBackends } from '../../../test/support/backends.ts';
import { anonymous } from '../../core/action.ts';
import type { Platform } from '../../platform/index.ts';
import type { NgsiCall } from '../broker/call.ts';
import { brokerFor } from '../broker/open-broker.ts';
import { subscriptionsOf } from '../realtime.ts';
import { realtimeDb } from '../temporal/tables.ts';
import { OutboxWorker } from './outbox-worker.ts';

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const backend of testBackends()) {
  describe(`notification outbox on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let call: NgsiCall;
    let server: http.Server;
    let url = '';
    const got: string[] = [];
    let failFirst = 0;

    before(async () => {
      p = await backend.open({ seed: false });
      const broker = brokerFor(p.db, p.config);
      call = {
        actor: { ...anonymous, sysadmin: true, name: 'site' },
        tenant: '',
        now: new Date(),
        terms: await broker.resolver.termsFor(undefined),
      };
      server = http.createServer((req, res) => {
        let text = '';
        req.on('data', (c: Buffer) => {
          text += c.toString('utf8');
        });
        req.on('end', () => {
          if (failFirst > 0) {
            failFirst--;
            res.writeHead(500).end();
            return;
          }
          got.push((JSON.parse(text) as { id: string }).id);
          res.writeHead(200).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/n`;
      await subscriptionsOf(broker).create(
        call,
        {
          type: 'Subscription',
          entities: [{ type: 'Meter' }],
          notification: { endpoint: { uri: url } },
        },
        undefined,
      );
    });
    after(async () => {
      server.closeAllConnections();
      server.close();
      await p.close();
    });

    const pending = async () =>
      (
        await realtimeDb(p.db)
          .selectFrom('ngsi_outbox')
          .select('id')
          .where('state', '=', 'pending')
          .execute()
      ).length;
    const worker = () =>
      new OutboxWorker(p.db, { timeoutMs: 2000, allowPrivate: true, backoffMs: 20 });

    it('delivers notifications committed while no worker ran exactly once, across restarts', async () => {
      const broker = brokerFor(p.db, p.config);
      // The "process" writes and dies before delivering: the notifications are in the outbox.
      for (let i = 0; i < 5; i++)
        await broker.entities.create(call, {
          id: `urn:ngsi-ld:Meter:r${i}`,
          type: 'Meter',
          power: { type: 'Property', value: i },
        });
      assert.equal(await pending(), 5);
      assert.equal(got.length, 0);
      const first = worker();
      first.start();
      await until(async () => (await pending()) === 0);
      await first.stop();
      assert.equal(got.length, 5);
      assert.equal(new Set(got).size, 5);
      // A second start (another restart) repeats nothing.
      const second = worker();
      second.start();
      await new Promise((r) => setTimeout(r, 150));
      await second.stop();
      assert.equal(got.length, 5);
    });

    it('retries a refused notification with backoff and counts the failure and the success', async () => {
      const broker = brokerFor(p.db, p.config);
      got.length = 0;
      failFirst = 2;
      await broker.entities.create(call, {
        id: 'urn:ngsi-ld:Meter:retry',
        type: 'Meter',
        power: { type: 'Property', value: 1 },
      });
      const w = worker();
      w.start();
      await until(async () => (await pending()) === 0);
      await w.stop();
      assert.equal(got.length, 1);
      const sub = await realtimeDb(p.db)
        .selectFrom('ngsi_subscription')
        .selectAll()
        .executeTakeFirst();
      assert.equal(sub?.times_sent, 6);
      assert.equal(sub?.times_failed, 2);
      const row = await realtimeDb(p.db)
        .selectFrom('ngsi_outbox')
        .selectAll()
        .where('id', '=', `${got[0]}`)
        .executeTakeFirst();
      assert.equal(row?.attempts, 3);
      assert.equal(row?.state, 'delivered');
    });
  });
}
