import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import {
  createTestUsers,
  siteActor,
  type TestUsers,
  testBackends,
} from '../../../test/support/backends.ts';
import type { Platform } from '../../platform/index.ts';
import { anonymous } from '../../core/action.ts';
import { brokerFor } from '../broker/open-broker.ts';
import { type RealtimeRuntime, startRealtime, subscriptionsOf } from '../realtime.ts';
import { realtimeDb } from '../temporal/tables.ts';

const V = 'https://uri.etsi.org/ngsi-ld/default-context/';

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const backend of testBackends()) {
  describe(`MQTT ingest through the embedded broker on ${backend.name}`, {
    skip: backend.skip,
  }, () => {
    let p: Platform;
    let u: TestUsers;
    let rt: RealtimeRuntime;
    let device: MqttClient;
    let watcher: MqttClient;
    const seen: Array<{ topic: string; body: Record<string, unknown> }> = [];

    before(async () => {
      p = await backend.open();
      u = await createTestUsers(p);
      rt = await startRealtime(
        p.db,
        { ...p.config, mqttUrl: undefined, mqttEmbedded: true, mqttPort: 0 },
        { allowPrivate: true, siteActor, mqttHost: '127.0.0.1' },
      );
      await p.call(
        's5_ngsi_device_scope_set',
        { user: 'sapporo-editor', types: ['ElectricityMeter'] },
        siteActor,
      );
      const url = `mqtt://127.0.0.1:${rt.mqttPort}`;
      device = await mqtt.connectAsync(url, {
        username: 'sapporo-editor',
        password: u.tokens.editor,
        clientId: 'meter-gw',
        clean: false,
      });
      watcher = await mqtt.connectAsync(url, { username: 'root', password: u.tokens.sysadmin });
      watcher.on('message', (topic, payload) =>
        seen.push({ topic, body: JSON.parse(payload.toString('utf8')) as Record<string, unknown> }),
      );
      await watcher.subscribeAsync(['s5/errors/#', 'notify/#'], { qos: 1 });
    });
    after(async () => {
      await device.endAsync();
      await watcher.endAsync();
      await rt.stop();
      await p.close();
    });

    const history = async (id: string) =>
      realtimeDb(p.db)
        .selectFrom('ngsi_attr_instance')
        .select(['attr', 'vnum'])
        .where('entity_id', '=', id)
        .orderBy('observed_ms')
        .execute()
        .then((rows) => rows.map((r) => ({ attr: r.attr, vnum: r.vnum })));

    it('writes keyValues and normalized readings (acknowledged = committed) into entity and history', async () => {
      const id = 'urn:ngsi-ld:ElectricityMeter:city-hall';
      await device.publishAsync(
        `s5/default/ElectricityMeter/${id}/attrs`,
        JSON.stringify({ power: 12.5 }),
        { qos: 1 },
      );
      // The PUBACK came after the commit: no waiting needed.
      assert.deepEqual(await history(id), [{ attr: `${V}power`, vnum: 12.5 }]);
      await device.publishAsync(
        `s5/default/ElectricityMeter/${id}/attrs`,
        JSON.stringify({
          power: { type: 'Property', value: 13, observedAt: '2030-01-01T00:00:00Z' },
        }),
        { qos: 1 },
      );
      assert.deepEqual(
        (await history(id)).map((r) => r.vnum),
        [12.5, 13],
      );
      const call = {
        actor: { ...anonymous, sysadmin: true },
        tenant: '',
        now: new Date(),
        terms: await brokerFor(p.db, p.config).resolver.termsFor(undefined),
      };
      const e = await brokerFor(p.db, p.config).entities.retrieve(call, id);
      assert.equal(e.attrs.get(`${V}power`)?.get('')?.value, 13);
      assert.deepEqual(e.types, [`${V}ElectricityMeter`]);
    });

    it('refuses bad payloads and writes outside the device scope, reporting on s5/errors', async () => {
      const before = seen.length;
      await device.publishAsync(
        's5/default/ElectricityMeter/urn:ngsi-ld:ElectricityMeter:x/attrs',
        'not json',
        { qos: 1 },
      );
      await device.publishAsync('s5/default/ElectricityMeter/not-a-uri/attrs', '{"power":1}', {
        qos: 1,
      });
      await device.publishAsync(
        's5/default/RiverLevel/urn:ngsi-ld:RiverLevel:r1/attrs',
        '{"level":1}',
        { qos: 1 },
      );
      await device.publishAsync(
        's5/default/ElectricityMeter/urn:ngsi-ld:ElectricityMeter:x/attrs',
        '{"power":{"type":"Property"}}',
        { qos: 1 },
      );
      await until(() => seen.filter((s) => s.topic.startsWith('s5/errors/')).length >= before + 4);
      const reasons = seen.slice(before).map((s) => String(s.body.reason));
      assert.ok(
        reasons.some((r) => /not JSON/.test(r)),
        reasons.join(' | '),
      );
      assert.ok(reasons.some((r) => /URI/.test(r)));
      assert.ok(reasons.some((r) => /may not write/.test(r)));
      assert.equal((await history('urn:ngsi-ld:RiverLevel:r1')).length, 0);
      assert.equal((await history('urn:ngsi-ld:ElectricityMeter:x')).length, 0);
      // The loop survived: a good message still goes through.
      await device.publishAsync(
        's5/default/ElectricityMeter/urn:ngsi-ld:ElectricityMeter:x/attrs',
        '{"power":2}',
        { qos: 1 },
      );
      assert.equal((await history('urn:ngsi-ld:ElectricityMeter:x')).length, 1);
    });

    it('refuses connections without a valid token', async () => {
      await assert.rejects(
        mqtt.connectAsync(`mqtt://127.0.0.1:${rt.mqttPort}`, {
          username: 'sapporo-editor',
          password: 'wrong',
          reconnectPeriod: 0,
        }),
      );
    });

    it('publishes notifications of mqtt:// endpoints to the broker', async () => {
      const call = {
        actor: { ...anonymous, sysadmin: true },
        tenant: '',
        now: new Date(),
        terms: await brokerFor(p.db, p.config).resolver.termsFor(undefined),
      };
      await subscriptionsOf(brokerFor(p.db, p.config)).create(
        call,
        {
          type: 'Subscription',
          entities: [{ type: 'ElectricityMeter' }],
          notification: {
            format: 'keyValues',
            endpoint: { uri: `mqtt://127.0.0.1:${rt.mqttPort}/notify/meters` },
          },
        },
        undefined,
      );
      await device.publishAsync(
        's5/default/ElectricityMeter/urn:ngsi-ld:ElectricityMeter:city-hall/attrs',
        '{"power":14}',
        { qos: 1 },
      );
      await until(() => seen.some((s) => s.topic === 'notify/meters'));
      const n = seen.find((s) => s.topic === 'notify/meters');
      assert.equal(n?.body.type, 'Notification');
      assert.deepEqual(((n?.body.data ?? []) as unknown[])[0], {
        id: 'urn:ngsi-ld:ElectricityMeter:city-hall',
        type: 'ElectricityMeter',
        power: 14,
      });
    });
  });
}
