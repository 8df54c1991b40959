import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../core/config.ts';
import type { Database } from '../../db/index.ts';
import { attachRealtime } from '../realtime.ts';
import { Broker } from './broker.ts';

/** Default page size of GET /entities when no `limit` is given. */
const DEFAULT_LIMIT = 20;

const brokers = new WeakMap<Database, Broker>();

/**
 * The broker of a running platform, one per database: the HTTP routes, history, notifications
 * and MQTT ingest all share it (and its @context caches and change listeners).
 */
export function brokerFor(db: Database, config: Config): Broker {
  const known = brokers.get(db);
  if (known) return known;
  const broker = new Broker({
    db,
    settings: {
      maxLimit: config.ngsiMaxLimit,
      defaultLimit: Math.min(DEFAULT_LIMIT, config.ngsiMaxLimit),
      openAccess: config.ngsiConformance !== undefined,
    },
    apiBase: `${config.siteUrl}/ngsi-ld/v1`,
    contextHosts: config.ngsiContextHosts,
    fetchTimeoutMs: Math.min(config.fetchTimeoutMs, 10_000),
    preloaded: config.ngsiConformance ? readContextMap(config.ngsiConformance) : new Map(),
  });
  attachRealtime(broker, db, config); // history + notifications in every write's transaction
  brokers.set(db, broker);
  return broker;
}

/**
 * Reads a conformance harness's `context-map.json` (canonical @context URL → file, paths relative
 * to the harness folder, i.e. the map's parent folder's parent).
 */
export function readContextMap(mapFile: string): Map<string, unknown> {
  const root = path.dirname(path.dirname(path.resolve(mapFile)));
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as Record<string, unknown>;
  const out = new Map<string, unknown>();
  for (const [url, file] of Object.entries(map)) {
    if (url.startsWith('_') || typeof file !== 'string') continue;
    out.set(url, JSON.parse(readFileSync(path.join(root, file), 'utf8')) as unknown);
  }
  return out;
}
