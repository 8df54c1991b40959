import type { Hono } from 'hono';
import { createApp } from '../../api/index.ts';
import type { Platform } from '../../platform/index.ts';
import type { Backend } from '../../../test/support/backends.ts';
import { buildDemoCatalog, type DemoCatalog } from './demo-catalog.ts';

/** A platform with the demo catalog and the app serving it in-process (`app.request`). */
export interface OpenPortal {
  p: Platform;
  app: Hono;
  demo: DemoCatalog;
  /** GET a path as a browser would (Accept: text/html); returns status, headers and text. */
  get(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; text: string }>;
}

export async function openPortal(backend: Backend): Promise<OpenPortal> {
  const p = await backend.open();
  const demo = await buildDemoCatalog(p);
  const app = createApp(p);
  return {
    p,
    app,
    demo,
    get: async (path, headers = {}) => {
      const res = await app.request(path, { headers: { accept: 'text/html', ...headers } });
      return { status: res.status, headers: res.headers, text: await res.text() };
    },
  };
}
