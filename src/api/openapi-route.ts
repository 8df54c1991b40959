import type { Context } from 'hono';
import { CKAN_COMPAT_VERSION } from '../catalog/index.ts';
import type { Platform } from '../platform/index.ts';
import { buildOpenApi } from './openapi.ts';

/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document of every registered action. The registry is
 * fixed for the life of the process, so the document is built once, on the first request.
 */
export function openApiHandler(platform: Platform) {
  let body: string | null = null;
  return (c: Context) => {
    body ??= JSON.stringify(
      buildOpenApi(platform.registry.list(), {
        siteUrl: platform.site.siteUrl,
        siteTitle: platform.site.siteTitle,
        version: CKAN_COMPAT_VERSION,
      }),
    );
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  };
}
