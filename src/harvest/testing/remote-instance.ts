/**
 * Test and bench support only: a second s5 started on loopback, a real CKAN-compatible server
 * to harvest from (its own SQLite, the real API app, `serve` on a free port).
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/index.ts';
import type { Actor } from '../../core/action.ts';
import { type Config, loadConfig } from '../../core/config.ts';
import { silentLogger } from '../../core/logger.ts';
import { openPlatform, type Platform } from '../../platform/index.ts';

/** The site actor of the remote (its local sysadmin). */
export const REMOTE_SITE: Actor = {
  userId: null,
  name: 'site',
  sysadmin: true,
  memberships: new Map(),
};

export interface RemoteInstance {
  /** The portal's base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  platform: Platform;
  /** Runs an action on the remote as its sysadmin. */
  call(name: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Opens a seeded s5 on a file SQLite database and serves its API on 127.0.0.1:0. Its clock moves
 * one second on every reading, so each remote write gets its own metadata_modified.
 */
export async function startRemoteInstance(
  options: { start?: string; seed?: string } = {},
): Promise<RemoteInstance> {
  const dir = mkdtempSync(path.join(tmpdir(), 's5-remote-'));
  // Listen first, so the site URL (download links of uploaded files) names the real port.
  let app: { fetch: (request: Request) => Response | Promise<Response> } | null = null;
  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve) => {
    const s = serve(
      {
        fetch: (request) => (app ? app.fetch(request) : new Response('starting', { status: 503 })),
        port: 0,
        hostname: '127.0.0.1',
      },
      (info: AddressInfo) => {
        // serve() returns the node:http server it listens with.
        resolve({ server: s as Server, port: info.port });
      },
    );
  });
  const base = loadConfig({
    S5_SEED_DIR: options.seed ?? path.resolve(import.meta.dirname, '../../../seed/hokkaido'),
    S5_LOG_LEVEL: 'silent',
    S5_DATA_DIR: dir,
    S5_SITE_URL: `http://127.0.0.1:${port}`,
  });
  const config: Config = { ...base, database: { kind: 'sqlite', file: path.join(dir, 's5.db') } };
  let t = Date.parse(options.start ?? '2026-06-01T00:00:00Z');
  const platform = await openPlatform(config, {
    log: silentLogger,
    clock: {
      now: () => {
        t += 1000;
        return new Date(t);
      },
    },
    seed: true,
  });
  app = createApp(platform);
  return {
    url: `http://127.0.0.1:${port}`,
    platform,
    call: (name, input) => platform.call(name, input, REMOTE_SITE),
    close: async () => {
      await new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
      await platform.close();
    },
  };
}
