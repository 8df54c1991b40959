// s5 as a client of an external broker (S5_MQTT_URL): runs against Mosquitto on 127.0.0.1:1883
// when one answers (the development machines and .ci/run have it), skipped otherwise.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import { siteActor, testBackends } from '../../../test/support/backends.ts';
import type { Platform } from '../../platform/index.ts';
import { type RealtimeRuntime, startRealtime } from '../realtime.ts';
import { realtimeDb } from '../temporal/tables.ts';

const URL = 'mqtt://127.0.0.1:1883';

async function reachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(1883, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const up = await reachable();
const [sqlite] = testBackends();

describe('MQTT ingest through Mosquitto (S5_MQTT_URL)', {
  skip: up ? undefined : 'no MQTT broker on 127.0.0.1:1883',
}, () => {
  let p: Platform;
  let rt: RealtimeRuntime;
  let device: MqttClient;
  // A tenant of its own, so that runs never see each other's retained sessions.
  const tenant = `t${randomUUID().slice(0, 8)}`;

  before(async () => {
    p = await (sqlite ?? { open: () => Promise.reject(new Error('no backend')) }).open({
      seed: false,
    });
    rt = await startRealtime(
      p.db,
      { ...p.config, mqttUrl: URL, mqttEmbedded: false },
      { allowPrivate: true, siteActor },
    );
    device = await mqtt.connectAsync(URL);
  });
  after(async () => {
    await device.endAsync();
    await rt.stop();
    await p.close();
  });

  it('writes readings published to the external broker', async () => {
    const id = `urn:ngsi-ld:WaterLevel:${tenant}`;
    await device.publishAsync(
      `s5/${tenant}/WaterLevel/${id}/attrs`,
      JSON.stringify({ level: 1.25 }),
      { qos: 1 },
    );
    await until(
      async () =>
        (
          await realtimeDb(p.db)
            .selectFrom('ngsi_attr_instance')
            .select('vnum')
            .where('entity_id', '=', id)
            .execute()
        ).length === 1,
    );
    const row = await realtimeDb(p.db)
      .selectFrom('ngsi_attr_instance')
      .select(['tenant', 'vnum'])
      .where('entity_id', '=', id)
      .executeTakeFirst();
    assert.equal(row?.tenant, tenant);
    assert.equal(row?.vnum, 1.25);
  });
});
