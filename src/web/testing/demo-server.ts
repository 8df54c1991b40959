import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../api/index.ts';
import type { Platform } from '../../platform/index.ts';

/** A running portal on a free loopback port. */
export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the whole app (API and portal) of a platform on 127.0.0.1, on a port the OS picks. */
export async function startServer(platform: Platform): Promise<DemoServer> {
  const app = createApp(platform);
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
            }),
        });
      },
    );
  });
}
