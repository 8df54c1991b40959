import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Context } from 'hono';

interface Asset {
  readonly body: Uint8Array;
  readonly type: string;
  readonly etag: string;
}

const OWN_DIR = path.join(import.meta.dirname, '..', 'static');
const MAPLIBRE_DIR = path.dirname(
  createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl.css'),
);

/** Files served under /static: our own, and MapLibre's distribution files (served locally). */
const FILES: Record<string, { file: string; type: string }> = {
  's5.css': { file: path.join(OWN_DIR, 's5.css'), type: 'text/css; charset=utf-8' },
  'print.css': { file: path.join(OWN_DIR, 'print.css'), type: 'text/css; charset=utf-8' },
  'staff.css': {
    file: path.join(OWN_DIR, '..', 'staff', 'staff.css'),
    type: 'text/css; charset=utf-8',
  },
  'map.js': { file: path.join(OWN_DIR, 'map.js'), type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { file: path.join(OWN_DIR, 'favicon.svg'), type: 'image/svg+xml' },
  'maplibre/maplibre-gl.mjs': {
    file: path.join(MAPLIBRE_DIR, 'maplibre-gl.mjs'),
    type: 'text/javascript; charset=utf-8',
  },
  'maplibre/maplibre-gl-worker.mjs': {
    file: path.join(MAPLIBRE_DIR, 'maplibre-gl-worker.mjs'),
    type: 'text/javascript; charset=utf-8',
  },
  'maplibre/maplibre-gl-shared.mjs': {
    file: path.join(MAPLIBRE_DIR, 'maplibre-gl-shared.mjs'),
    type: 'text/javascript; charset=utf-8',
  },
  'maplibre/maplibre-gl.css': {
    file: path.join(MAPLIBRE_DIR, 'maplibre-gl.css'),
    type: 'text/css; charset=utf-8',
  },
};

const cache = new Map<string, Asset>();

function load(name: string): Asset | undefined {
  const hit = cache.get(name);
  if (hit) return hit;
  const spec = FILES[name];
  if (!spec) return undefined;
  const body = new Uint8Array(readFileSync(spec.file));
  const asset = {
    body,
    type: spec.type,
    etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`,
  };
  cache.set(name, asset);
  return asset;
}

/** The URL of an asset with its content version, so it can be cached for a long time. */
export function assetUrl(name: keyof typeof FILES & string): string {
  const asset = load(name);
  return `/static/${name}${asset ? `?v=${asset.etag.slice(1, 9)}` : ''}`;
}

/** `GET /static/*`: a known file, never a path from the request (no traversal possible). */
export function staticHandler(c: Context): Response {
  const name = c.req.path.replace(/^\/static\//, '');
  const asset = load(name);
  if (!asset) return c.text('Not Found', 404);
  const headers = {
    'Content-Type': asset.type,
    ETag: asset.etag,
    'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  };
  if (c.req.header('if-none-match') === asset.etag)
    return new Response(null, { status: 304, headers });
  return new Response(asset.body, { headers });
}
