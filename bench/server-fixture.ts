/**
 * What the server-level benchmarks (api-load, cold-start, memory) share: a data directory (and,
 * for PostgreSQL, a private schema) filled with N datasets and one AED一覧 datastore table; the
 * real server (`node --import tsx src/main.ts`) started on it as a child process; and the
 * baseline, a bare `node:http` server in its own child. Both children report their peak RSS
 * (`process.resourceUsage().maxRSS`) on stdout when they exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { siteActor } from '../src/catalog/index.ts';
import { type Config, loadConfig } from '../src/core/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import { withTransaction } from '../src/db/index.ts';
import { Upload } from '../src/files/index.ts';
import { drainQueue, queueDepsFor } from '../src/ingest/index.ts';
import { openPlatform } from '../src/platform/index.ts';
import { writeAedCsv } from './datastore-rows.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;

/**
 * Loaded into each child before its own code: prints the peak RSS at exit. `writeSync` because
 * an exit handler cannot wait for a stream.
 */
const RSS_AT_EXIT =
  'data:text/javascript,import{writeSync}from"node:fs";process.on("exit",()=>{writeSync(1,"\\n"+JSON.stringify({maxRssKb:process.resourceUsage().maxRSS})+"\\n")});';

/** The baseline server: answers `/bytes/<n>` with a fixed JSON body of n bytes, made once. */
const BARE_SERVER = `
const http = require('node:http');
const cache = new Map();
const body = (n) => {
  let b = cache.get(n);
  if (!b) {
    const pad = Math.max(0, n - 40);
    b = Buffer.from(JSON.stringify({ success: true, result: { text: 'x'.repeat(pad) } }));
    cache.set(n, b);
  }
  return b;
};
http.createServer((req, res) => {
  const m = /^\\/bytes\\/(\\d+)/.exec(req.url);
  const b = body(m ? Number(m[1]) : 64);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': b.length });
  res.end(b);
}).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
`;

/** A place a server child can run on: its environment and the matching configuration. */
export interface Site {
  backend: 'sqlite' | 'postgres';
  env: Record<string, string>;
  config: Config;
  /** The AED table's resource id, once `populateSite` has run. */
  resourceId?: string;
  dispose(): Promise<void>;
}

/** A fresh, empty site (nothing migrated yet). PostgreSQL: a new schema in that database. */
export async function createSite(backend: 'sqlite' | 'postgres', pgUrl?: string): Promise<Site> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 's5-bench-site-'));
  const env: Record<string, string> = {
    S5_DATA_DIR: dataDir,
    S5_SEED_DIR: path.join(ROOT, 'seed/hokkaido'),
    S5_LOG_LEVEL: 'error',
    S5_HOST: '127.0.0.1',
    S5_HARVEST_SCHEDULER: 'false',
  };
  let schema = '';
  if (backend === 'postgres') {
    if (!pgUrl) throw new Error('PostgreSQL site without a URL');
    schema = `s5_bench_${randomBytes(4).toString('hex')}`;
    await adminQuery(pgUrl, `CREATE SCHEMA ${schema}`);
    const u = new URL(pgUrl);
    u.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = u.toString();
  }
  return {
    backend,
    env,
    config: loadConfig(env),
    dispose: async () => {
      if (schema && pgUrl) await adminQuery(pgUrl, `DROP SCHEMA ${schema} CASCADE`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` with a URL whose search_path is a new schema of that database, dropped afterwards. */
export async function withSchema<T>(pgUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const schema = `s5_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(pgUrl, `CREATE SCHEMA ${schema}`);
  try {
    const u = new URL(pgUrl);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return await fn(u.toString());
  } finally {
    await adminQuery(pgUrl, `DROP SCHEMA ${schema} CASCADE`);
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const TITLES = [
  '指定緊急避難場所一覧',
  'AED設置箇所一覧',
  '公衆トイレ一覧',
  '子育て施設一覧',
  '観光施設一覧',
  '文化財一覧',
  '医療機関一覧',
  '避難所運営マニュアル',
  '人口統計',
  '除雪計画',
];
const TAGS = ['防災', '観光', '子育て', '医療', '福祉', '統計', '環境', '交通', '教育', '財政'];

/**
 * Migrates and seeds the site, creates `datasets` datasets across the seeded organizations
 * (package_create, 500 per transaction) and uploads a generated AED一覧 of `rows` rows, which the
 * ingest queue loads into the datastore and the merged AED table takes in (the path an upload
 * takes in the server).
 */
export async function populateSite(
  site: Site,
  o: { datasets: number; rows: number },
): Promise<{ seconds: number }> {
  const started = performance.now();
  const p = await openPlatform(site.config, { log: silentLogger });
  try {
    const orgs = (await p.call('organization_list', { limit: 1000 })) as string[];
    for (let from = 0; from < o.datasets; from += 500) {
      await withTransaction(p.db, async (tx) => {
        const ctx = { ...p.context(siteActor), db: tx };
        for (let i = from; i < Math.min(o.datasets, from + 500); i++) {
          const org = orgs[i % orgs.length] ?? 'hokkaido';
          const title = TITLES[i % TITLES.length] ?? '';
          await p.registry.call('package_create', ctx, {
            name: `load-${i}`,
            title: `${title}（${2015 + (i % 11)}年度）`,
            notes: `${title}のデータです。標準データセットの形式で公開しています。第${i}版。`,
            owner_org: org,
            tags: [{ name: TAGS[i % TAGS.length] ?? '統計' }, { name: `t${i % 50}` }],
            resources: [{ url: `https://example.jp/${org}/${i}.csv`, name: `${title} ${i}` }],
          });
        }
      });
    }
    if (o.rows > 0) {
      const dir = mkdtempSync(path.join(tmpdir(), 's5-bench-csv-'));
      try {
        const csv = path.join(dir, 'aed.csv');
        await writeAedCsv(csv, o.rows);
        const pkg = (await p.call(
          'package_create',
          { name: 'load-aed', owner_org: 'hokkaido', title: 'AED一覧（ベンチマーク）' },
          siteActor,
        )) as { id: string };
        const stored = await p.files.put(
          createReadStream(csv) as AsyncIterable<Uint8Array>,
          Number.MAX_SAFE_INTEGER,
        );
        const res = (await p.call(
          'resource_create',
          {
            package_id: pkg.id,
            name: 'AED一覧',
            upload: new Upload(stored, 'aed.csv', 'text/csv'),
          },
          siteActor,
        )) as { id: string };
        // The upload queued an ingest job; run it here so the server starts with nothing queued.
        await drainQueue(queueDepsFor(p.registry, p.context(siteActor)), silentLogger);
        // And merge it into the prefecture-wide table, as the server does after a drained queue:
        // otherwise the server's first start does it (one long transaction before it answers).
        await p.call('s5_merged_refresh', { rebuild: false }, siteActor);
        site.resourceId = res.id;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await p.close();
  }
  return { seconds: (performance.now() - started) / 1000 };
}

/** A server child that answers HTTP. */
export interface RunningServer {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first 200 answer of the readiness URL. */
  readyMs: number;
  /** Resident set size now (from /proc), in MB. */
  rssMb(): number;
  /** Stops the child (SIGTERM) and returns its peak RSS in MB, as it reported it. */
  stop(): Promise<{ peakRssMb: number }>;
}

/** A free loopback port (the kernel picks it; the tiny race before the child binds is harmless). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A clean environment: the parent's S5_* and DATABASE_URL must not leak into a child. */
function baseEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k.startsWith('S5_') || k === 'DATABASE_URL' || k === 'PORT') continue;
    out[k] = v;
  }
  return out;
}

/** Starts s5 (`node --import tsx src/main.ts`) on a site; resolves once status_show answers 200. */
export async function startServer(site: Site): Promise<RunningServer> {
  const port = await freePort();
  const mqttPort = await freePort();
  const env = { ...baseEnv(), ...site.env, S5_PORT: String(port), S5_MQTT_PORT: String(mqttPort) };
  return startChild(
    [NODE, '--import', 'tsx', '--import', RSS_AT_EXIT, path.join(ROOT, 'src/main.ts')],
    env,
    `http://127.0.0.1:${port}`,
    '/api/3/action/status_show',
  );
}

/** Starts the bare `node:http` baseline server (no tsx: plain `node -e`). */
export async function startBareServer(): Promise<RunningServer> {
  const port = await freePort();
  return startChild(
    [NODE, '--import', RSS_AT_EXIT, '-e', BARE_SERVER],
    { ...baseEnv(), PORT: String(port) },
    `http://127.0.0.1:${port}`,
    '/bytes/64',
  );
}

/**
 * Milliseconds to spawn `node --import tsx` that imports what src/main.ts imports and exits:
 * the share of a cold start spent loading and transpiling code, before any database work.
 */
export async function timeModuleLoad(): Promise<number> {
  const modules = ['api', 'catalog', 'harvest', 'ingest', 'platform']
    .map((m) => `await import(${JSON.stringify(path.join(ROOT, 'src', m, 'index.ts'))});`)
    .join('');
  const started = performance.now();
  const child = spawn(NODE, ['--import', 'tsx', '--input-type=module', '-e', modules], {
    cwd: ROOT,
    env: baseEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`module load failed: ${stderr.slice(-500)}`);
  return performance.now() - started;
}

async function startChild(
  argv: string[],
  env: Record<string, string>,
  url: string,
  readyPath: string,
): Promise<RunningServer> {
  const [cmd = NODE, ...args] = argv;
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exited = once(child, 'exit');
  const readyMs = await waitReady(child, `${url}${readyPath}`, started, () => stderr);
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    readyMs,
    rssMb: () => rssOf(pid),
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      const line = stdout
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{"maxRssKb"'));
      if (!line)
        throw new Error(`server child reported no peak RSS; stderr: ${stderr.slice(-500)}`);
      // Our own preload's line.
      const { maxRssKb } = JSON.parse(line) as { maxRssKb: number };
      return { peakRssMb: maxRssKb / 1024 };
    },
  };
}

async function waitReady(
  child: ChildProcess,
  url: string,
  started: number,
  stderr: () => string,
): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${stderr().slice(-1000)}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > 300_000) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after 300 s: ${stderr().slice(-1000)}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
