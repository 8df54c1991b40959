import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import type { Actor } from '../../core/action.ts';
import type { Logger } from '../../core/logger.ts';
import type { Database } from '../../db/index.ts';
import { actorForToken } from '../../catalog/index.ts';
import type { Broker } from '../broker/broker.ts';
import { mayWrite } from './device-scope.ts';
import { ingest } from './ingest.ts';
import { errorTopic, IngestRefusal, parseIngest } from './topic.ts';

export interface EmbeddedMqtt {
  port: number;
  /** Publishes (QoS 1) from the broker itself: notifications, error reports. */
  publish(topic: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The embedded MQTT broker (aedes on a net server): devices connect with their user name and an
 * API token as password; a publish to an ingest topic is written to the database before the
 * broker acknowledges it (QoS 1 PUBACK after the commit), within the device's scope. Refused
 * messages are acknowledged (a device must not loop on them) and reported on s5/errors/….
 * @throws Error naming S5_MQTT_PORT when the port is taken.
 */
export async function startEmbeddedMqtt(o: {
  db: Database;
  broker: Broker;
  port: number;
  host: string;
  log: Logger | undefined;
}): Promise<EmbeddedMqtt> {
  const actors = new WeakMap<Client, Actor>();
  const aedes = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      const token = password?.toString('utf8') ?? '';
      actorForToken(o.db, token)
        .then((actor) => {
          if (!actor || !username || actor.name !== username) {
            const e = Object.assign(new Error('bad user name or token'), { returnCode: 4 });
            done(e, false);
            return;
          }
          actors.set(client, actor);
          done(null, true);
        })
        .catch(() =>
          done(Object.assign(new Error('authentication failed'), { returnCode: 3 }), false),
        );
    },
    authorizePublish: (client, packet, done) => {
      if (!client) return done(null);
      const actor = actors.get(client);
      if (packet.topic.startsWith('s5/errors/'))
        return done(new Error('s5/errors is the broker’s'));
      if (!packet.topic.startsWith('s5/'))
        return done(actor?.sysadmin ? null : new Error('not an s5 topic'));
      const refuse = (reason: string) => {
        o.log?.warn('MQTT message refused', { topic: packet.topic, reason });
        publish(errorTopic(packet.topic), JSON.stringify({ topic: packet.topic, reason })).catch(
          () => {},
        );
        done(null);
      };
      let m: ReturnType<typeof parseIngest>;
      try {
        m = parseIngest(packet.topic, packet.payload as Buffer);
      } catch (error) {
        return refuse(error instanceof IngestRefusal ? error.message : 'bad message');
      }
      if (!actor) return refuse('not authenticated');
      mayWrite(o.db, actor, m.tenant, m.type, m.id)
        .then(async (ok) => {
          if (!ok) return refuse(`${actor.name} may not write ${m.id}`);
          await ingest(o.broker, actor, m);
          done(null);
        })
        .catch((error: unknown) => refuse(error instanceof Error ? error.message : String(error)));
    },
  });
  const publish = (topic: string, payload: string) =>
    new Promise<void>((resolve, reject) =>
      aedes.publish(
        { cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false },
        (e) => (e ? reject(e) : resolve()),
      ),
    );
  const server = net.createServer(aedes.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(
              `MQTT port ${o.port} is already in use: set S5_MQTT_PORT to a free port (e.g. 1884), S5_MQTT_URL to use that broker, or S5_MQTT_EMBEDDED=false`,
            )
          : e,
      ),
    );
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    publish,
    close: async () => {
      await new Promise<void>((r) => aedes.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
