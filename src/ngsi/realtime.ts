import type { Actor } from '../core/action.ts';
import type { Config } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import type { Database } from '../db/index.ts';
import type { Broker } from './broker/broker.ts';
import { brokerFor } from './broker/open-broker.ts';
import { connectMqttBridge } from './mqtt/client-bridge.ts';
import { startEmbeddedMqtt } from './mqtt/embedded-broker.ts';
import { OutboxWorker, type Publisher } from './subscriptions/outbox-worker.ts';
import { SubscriptionService } from './subscriptions/subscription-service.ts';
import { recordHistory } from './temporal/history-repo.ts';
import { purgeHistory } from './temporal/retention.ts';
import { TemporalService } from './temporal/temporal-service.ts';

/** Instances per entity before a temporal answer is clipped (206); the ETSI suite wants < 40. */
const INSTANCE_LIMIT = 10_000;
const CONFORMANCE_INSTANCE_LIMIT = 30;

interface Realtime {
  temporal: TemporalService;
  subscriptions: SubscriptionService;
}
const attached = new WeakMap<Broker, Realtime>();

/**
 * Hooks history and notifications into a broker's write path: called once per broker by
 * brokerFor, so every entity write records its instances and queues its notifications in the
 * same transaction.
 */
export function attachRealtime(broker: Broker, db: Database, config: Config): void {
  const subscriptions = new SubscriptionService(db, broker);
  broker.onChange(recordHistory);
  broker.onChange(subscriptions.listener);
  const limit = config.ngsiConformance ? CONFORMANCE_INSTANCE_LIMIT : INSTANCE_LIMIT;
  attached.set(broker, { temporal: new TemporalService(db, broker, limit), subscriptions });
}

function realtimeOf(broker: Broker): Realtime {
  const r = attached.get(broker);
  if (!r) throw new Error('The broker was not opened with brokerFor (no history attached)');
  return r;
}

/** The temporal API of a broker made by brokerFor. */
export function temporalOf(broker: Broker): TemporalService {
  return realtimeOf(broker).temporal;
}

/** The subscriptions of a broker made by brokerFor. */
export function subscriptionsOf(broker: Broker): SubscriptionService {
  return realtimeOf(broker).subscriptions;
}

/**
 * Starts delivering notifications of the platform's broker (npm start; tests). Loopback and
 * private endpoints are allowed when the site allows private fetches or in conformance mode.
 */
export function startNotifications(
  db: Database,
  config: Config,
  o: { allowPrivate: boolean; log?: Logger; timeoutMs?: number; mqtt?: Publisher },
): OutboxWorker {
  const subs = subscriptionsOf(brokerFor(db, config));
  const worker = new OutboxWorker(db, {
    timeoutMs: o.timeoutMs ?? Math.min(config.fetchTimeoutMs, 10_000),
    allowPrivate: o.allowPrivate || config.ngsiConformance !== undefined,
    ...(o.log ? { log: o.log } : {}),
    ...(o.mqtt ? { mqtt: o.mqtt } : {}),
  });
  subs.onQueued = worker.kick;
  worker.start();
  return worker;
}

/** The running real-time services of `npm start`. */
export interface RealtimeRuntime {
  worker: OutboxWorker;
  /** The embedded broker's port (undefined with an external broker or none). */
  mqttPort: number | undefined;
  stop(): Promise<void>;
}

const PURGE_EVERY_MS = 3_600_000;

/**
 * Starts notifications, the hourly history retention purge, and MQTT: the embedded broker
 * (S5_MQTT_EMBEDDED, no S5_MQTT_URL) or a client of S5_MQTT_URL. mqtt:// notification endpoints
 * publish to that broker (the topic is the URI path).
 * @throws Error naming S5_MQTT_PORT when the embedded broker's port is taken.
 */
export async function startRealtime(
  db: Database,
  config: Config,
  o: { allowPrivate: boolean; log?: Logger; siteActor: Actor; mqttHost?: string },
): Promise<RealtimeRuntime> {
  const broker = brokerFor(db, config);
  let mqtt:
    | { publish(topic: string, payload: string): Promise<void>; close(): Promise<void> }
    | undefined;
  let mqttPort: number | undefined;
  if (config.mqttUrl)
    mqtt = await connectMqttBridge({ url: config.mqttUrl, broker, actor: o.siteActor, log: o.log });
  else if (config.mqttEmbedded) {
    const embedded = await startEmbeddedMqtt({
      db,
      broker,
      port: config.mqttPort,
      host: o.mqttHost ?? config.host,
      log: o.log,
    });
    mqtt = embedded;
    mqttPort = embedded.port;
  }
  const bus = mqtt;
  const worker = startNotifications(db, config, {
    allowPrivate: o.allowPrivate,
    ...(o.log ? { log: o.log } : {}),
    ...(bus
      ? {
          mqtt: (endpoint: string, message: { body: unknown }) =>
            bus.publish(
              decodeURIComponent(new URL(endpoint).pathname.slice(1)),
              JSON.stringify(message.body),
            ),
        }
      : {}),
  });
  const purge = setInterval(() => {
    purgeHistory(db, Date.now()).catch((error: unknown) =>
      o.log?.error('NGSI-LD history purge failed', { error: String(error) }),
    );
  }, PURGE_EVERY_MS);
  purge.unref();
  return {
    worker,
    mqttPort,
    stop: async () => {
      clearInterval(purge);
      await worker.stop();
      await mqtt?.close();
    },
  };
}
