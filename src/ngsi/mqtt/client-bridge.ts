import mqtt from 'mqtt';
import type { Actor } from '../../core/action.ts';
import type { Logger } from '../../core/logger.ts';
import type { Broker } from '../broker/broker.ts';
import { ingest } from './ingest.ts';
import { errorTopic, INGEST_TOPIC, IngestRefusal, parseIngest } from './topic.ts';

export interface MqttClientBridge {
  publish(topic: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * s5 as a client of an external broker (S5_MQTT_URL): a persistent session (clean=false, fixed
 * client id) subscribed to the ingest topics at QoS 1; a message is acknowledged only after its
 * write committed (or was refused), so acknowledged readings survive reconnects. Device
 * credentials are the external broker's job here; writes run as the site.
 */
export async function connectMqttBridge(o: {
  url: string;
  broker: Broker;
  actor: Actor;
  log: Logger | undefined;
  clientId?: string;
}): Promise<MqttClientBridge> {
  const client = await mqtt.connectAsync(o.url, {
    clientId: o.clientId ?? 's5-ingest',
    clean: false,
    reconnectPeriod: 2000,
  });
  const publish = async (topic: string, payload: string) => {
    await client.publishAsync(topic, payload, { qos: 1 });
  };
  client.handleMessage = (packet, done) => {
    const topic = packet.topic;
    let m: ReturnType<typeof parseIngest>;
    const refuse = (reason: string) => {
      o.log?.warn('MQTT message refused', { topic, reason });
      publish(errorTopic(topic), JSON.stringify({ topic, reason })).catch(() => {});
      done();
    };
    try {
      m = parseIngest(topic, packet.payload as Buffer);
    } catch (error) {
      refuse(error instanceof IngestRefusal ? error.message : 'bad message');
      return;
    }
    ingest(o.broker, o.actor, m)
      .then(() => done())
      .catch((error: unknown) => refuse(error instanceof Error ? error.message : String(error)));
  };
  await client.subscribeAsync(INGEST_TOPIC, { qos: 1 });
  return { publish, close: () => client.endAsync() };
}
