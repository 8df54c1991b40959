import { serve } from '@hono/node-server';
import { createApp } from './api/index.ts';
import { loadConfig } from './core/config.ts';
import { createLogger } from './core/logger.ts';
import { startHarvestScheduler } from './harvest/index.ts';
import { siteActor } from './catalog/index.ts';
import { drainQueue, queueDepsFor } from './ingest/index.ts';
import { startRealtime } from './ngsi/index.ts';
import { openPlatform } from './platform/index.ts';

/**
 * `npm start`: validate the configuration, open (migrate, and on first run seed) the database,
 * then serve. A wrong setting stops startup with a message naming it.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`s5: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  const platform = await openPlatform(config, { log, origin: 'server' });
  const app = createApp(platform);
  // Jobs queued before a restart resume here (running ones were marked failed at open); only the
  // server runs the queue, so CLI commands never start ingests behind the user's back.
  // Jobs resumed here end before any write listener sees them: refresh the merged tables after.
  void drainQueue(queueDepsFor(platform.registry, platform.context(siteActor, log, 'server')), log)
    .then(() => platform.call('s5_merged_refresh', { rebuild: false }, siteActor))
    .catch((error: unknown) =>
      log.error('merged refresh after startup failed', { error: String(error) }),
    );
  // Harvest jobs a restart interrupted are marked failed, queued ones resume; sources run on their
  // interval only with S5_HARVEST_SCHEDULER (default on).
  startHarvestScheduler(platform, { schedule: config.harvestScheduler });
  // NGSI-LD notifications, history retention and MQTT (embedded broker or S5_MQTT_URL).
  const realtime = await startRealtime(platform.db, config, {
    allowPrivate: platform.site.fetchAllowPrivate,
    log,
    siteActor,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info('s5 listening', {
      url: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`,
      database: config.database.kind,
    });
  });
  const stop = () => {
    server.close();
    void realtime
      .stop()
      .then(() => platform.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`s5: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
