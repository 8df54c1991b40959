import path from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * Configuration comes only from environment variables, validated once at startup.
 * Every variable is listed in README.md ("Configuration"); keep the two in step.
 */
const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be greater than 0');

const databaseUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL');

const ConfigSchema = z.object({
  S5_PORT: port.optional(),
  PORT: port.optional(),
  S5_HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  S5_DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: databaseUrl.optional(),
  S5_SITE_URL: z.url({ error: 'must be an absolute http(s) URL' }).optional(),
  S5_SITE_TITLE: z.string().min(1).max(200).default('s5 オープンデータカタログ'),
  S5_SEED_DIR: z.string().min(1).default('seed/hokkaido'),
  S5_AUTO_SEED: flag.default(true),
  S5_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  S5_SEARCH_MAX_ROWS: positiveInt.max(10000, 'must be at most 10000').default(1000),
  S5_MAX_BODY_BYTES: positiveInt.default(1_048_576),
  S5_MAX_UPLOAD_BYTES: positiveInt.default(104_857_600),
  S5_DATASTORE_MAX_LIMIT: positiveInt.max(1_000_000, 'must be at most 1000000').default(32000),
  S5_DATASTORE_SQL_TIMEOUT_MS: positiveInt.max(600_000, 'must be at most 600000').default(10000),
  S5_FETCH_ALLOW_PRIVATE: flag.default(false),
  S5_FETCH_TIMEOUT_MS: positiveInt.max(600_000, 'must be at most 600000').default(30000),
  S5_MAP_TILE_URL: z
    .string()
    .refine(
      (v) => /^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/.test(v),
      'must be an http(s) URL with {z}, {x} and {y}',
    )
    .optional(),
  S5_LOGIN_RATE_LIMIT: positiveInt.max(10000, 'must be at most 10000').default(10),
  S5_API_RATE_LIMIT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .default(0),
  S5_HARVEST_SCHEDULER: flag.default(true),
  S5_NGSI_CONTEXT_HOSTS: z
    .string()
    .refine(
      (v) => v.split(',').every((h) => /^[A-Za-z0-9.-]+(:\d+)?$/.test(h.trim())),
      'must be a comma-separated list of host names (host or host:port)',
    )
    .optional(),
  S5_NGSI_MAX_LIMIT: positiveInt.max(100000, 'must be at most 100000').default(1000),
  S5_NGSI_CONFORMANCE: z.string().min(1, 'must be the path of a context-map.json').optional(),
  S5_MQTT_URL: z
    .string()
    .refine((v) => /^mqtts?:\/\/[^/]+/.test(v), 'must be an mqtt:// or mqtts:// URL')
    .optional(),
  S5_MQTT_PORT: port.default(1883),
  S5_MQTT_EMBEDDED: flag.default(true),
});

/** Variables that start with S5_ but are read by tooling, not by the server. */
const TOOLING_VARIABLES = new Set(['S5_TEST_DATABASE_URL', 'S5_BENCH_DATABASE_URL']);

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `sqlite` file path or PostgreSQL URL. */
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  siteUrl: string;
  siteTitle: string;
  seedDir: string;
  autoSeed: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  searchMaxRows: number;
  maxBodyBytes: number;
  maxUploadBytes: number;
  /** Upper limit of `limit` in datastore_search and of the rows of datastore_search_sql. */
  datastoreMaxLimit: number;
  /** Statement timeout of datastore_search_sql (and of datastore_search on PostgreSQL). */
  datastoreSqlTimeoutMs: number;
  /** Where uploaded files are kept (content-addressed). */
  filesDir: string;
  /** URL fetches (resource URL registration, harvest) may reach loopback/private addresses. */
  fetchAllowPrivate: boolean;
  fetchTimeoutMs: number;
  /** Raster tile URL template for portal maps; undefined = plain background, no tile server. */
  mapTileUrl: string | undefined;
  /** Login attempts per minute per client address and user name. */
  loginRateLimit: number;
  /** API requests per minute per client address; 0 = unlimited. */
  apiRateLimit: number;
  /** Run harvest sources on their interval inside the server process. */
  harvestScheduler: boolean;
  /** Hosts user @context documents may be fetched from (NGSI-LD). Empty = none. */
  ngsiContextHosts: string[];
  /** Upper limit of NGSI-LD `limit`. */
  ngsiMaxLimit: number;
  /**
   * NGSI-LD conformance testing (loopback only): the suite's context-map.json; when set,
   * anonymous callers may write, every type is public and the mapped @contexts are pre-loaded.
   */
  ngsiConformance: string | undefined;
  /** External MQTT broker; undefined = the embedded broker (when mqttEmbedded). */
  mqttUrl: string | undefined;
  /** Port of the embedded MQTT broker. */
  mqttPort: number;
  mqttEmbedded: boolean;
}

/**
 * Reads and validates the configuration.
 * @throws AppError bad_request naming every wrong variable, so startup can stop with that message.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = new Set(Object.keys(ConfigSchema.shape));
  const unknown = Object.keys(env).filter(
    (k) => k.startsWith('S5_') && !known.has(k) && !TOOLING_VARIABLES.has(k),
  );
  const parsed = ConfigSchema.safeParse(pickDefined(env, known));
  const problems = unknown.map((k) => `${k}: unknown setting (see README "Configuration")`);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message} (got ${describe(env, issue.path)})`);
    }
  }
  // Conformance mode opens NGSI-LD writes to anonymous callers: only on this machine.
  if (parsed.success && parsed.data.S5_NGSI_CONFORMANCE && !isLoopback(parsed.data.S5_HOST))
    problems.push('S5_NGSI_CONFORMANCE: only allowed when S5_HOST is a loopback address');
  if (problems.length > 0 || !parsed.success) {
    throw new AppError('bad_request', `Invalid configuration:\n  ${problems.join('\n  ')}`, {
      details: { problems },
    });
  }
  const c = parsed.data;
  const portValue = c.S5_PORT ?? c.PORT ?? 8080;
  const dataDir = path.resolve(c.S5_DATA_DIR);
  return {
    port: portValue,
    host: c.S5_HOST,
    dataDir,
    database: c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 's5.db') },
    siteUrl: (c.S5_SITE_URL ?? `http://${hostForUrl(c.S5_HOST)}:${portValue}`).replace(/\/+$/, ''),
    siteTitle: c.S5_SITE_TITLE,
    seedDir: path.resolve(c.S5_SEED_DIR),
    autoSeed: c.S5_AUTO_SEED,
    logLevel: c.S5_LOG_LEVEL,
    searchMaxRows: c.S5_SEARCH_MAX_ROWS,
    maxBodyBytes: c.S5_MAX_BODY_BYTES,
    maxUploadBytes: c.S5_MAX_UPLOAD_BYTES,
    datastoreMaxLimit: c.S5_DATASTORE_MAX_LIMIT,
    datastoreSqlTimeoutMs: c.S5_DATASTORE_SQL_TIMEOUT_MS,
    filesDir: path.join(dataDir, 'files'),
    fetchAllowPrivate: c.S5_FETCH_ALLOW_PRIVATE,
    fetchTimeoutMs: c.S5_FETCH_TIMEOUT_MS,
    mapTileUrl: c.S5_MAP_TILE_URL,
    loginRateLimit: c.S5_LOGIN_RATE_LIMIT,
    apiRateLimit: c.S5_API_RATE_LIMIT,
    harvestScheduler: c.S5_HARVEST_SCHEDULER,
    ngsiContextHosts: (c.S5_NGSI_CONTEXT_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== ''),
    ngsiMaxLimit: c.S5_NGSI_MAX_LIMIT,
    ngsiConformance: c.S5_NGSI_CONFORMANCE,
    mqttUrl: c.S5_MQTT_URL,
    mqttPort: c.S5_MQTT_PORT,
    mqttEmbedded: c.S5_MQTT_EMBEDDED,
  };
}

function pickDefined(env: Record<string, string | undefined>, keys: Set<string>) {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key];
    // An empty variable counts as unset, the way shells treat `FOO= cmd`.
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

function describe(env: Record<string, string | undefined>, p: PropertyKey[]): string {
  const key = String(p[0] ?? '');
  const value = env[key];
  if (key === 'DATABASE_URL' && value) return 'a value that is not a PostgreSQL URL';
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
