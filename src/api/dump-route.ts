import type { Context } from 'hono';
import { actorForToken } from '../catalog/index.ts';
import { isAppError } from '../core/errors.ts';
import { exportTable, findTable, isExportFormat } from '../datastore/index.ts';
import type { Platform } from '../platform/index.ts';

interface ExportInfo {
  resource_id: string;
  file_name: string;
  media_type: string;
  unmappable_count?: number;
}

/**
 * `GET /datastore/dump/{resource_id}?format=csv|csv-cp932|tsv|json|geojson|xlsx&bom=true`: CKAN's
 * dump URL (CSV by default), streamed from the database. Authorization is the registry's
 * (`s5_datastore_export_info`), so a private table is as invisible as in datastore_search.
 */
export function dumpHandler(platform: Platform) {
  return async (c: Context) => {
    const token = (c.req.header('authorization') ?? c.req.header('x-ckan-api-key') ?? '')
      .replace(/^Bearer\s+/i, '')
      .trim();
    const actor = token ? ((await actorForToken(platform.db, token)) ?? undefined) : undefined;
    const format = (c.req.query('format') ?? 'csv').toLowerCase();
    if (!isExportFormat(format)) {
      return c.text(`形式が不明です / Unknown format: ${format}`, 400);
    }
    const bom = ['true', '1', 'yes', 'on'].includes((c.req.query('bom') ?? '').toLowerCase());
    let info: ExportInfo;
    try {
      info = (await platform.call(
        's5_datastore_export_info',
        { resource_id: c.req.param('resource_id'), format },
        actor,
      )) as ExportInfo; // the action's own result shape
    } catch (error) {
      if (isAppError(error) && (error.code === 'not_found' || error.code === 'validation')) {
        return c.text('Not Found', 404);
      }
      throw error;
    }
    const meta = await findTable(platform.db, info.resource_id);
    if (!meta) return c.text('Not Found', 404);
    let chunks: AsyncGenerator<Uint8Array>;
    try {
      chunks = exportTable(platform.db, meta, format, { bom });
    } catch (error) {
      if (isAppError(error) && error.code === 'validation') return c.text(error.message, 400);
      throw error;
    }
    return new Response(ReadableStream.from(chunks), {
      headers: {
        'Content-Type': info.media_type,
        // RFC 6266 / 5987: the Japanese file name survives; the ASCII one is for old clients.
        'Content-Disposition': `attachment; filename="${asciiFallback(info.file_name)}"; filename*=UTF-8''${encodeRfc5987(info.file_name)}`,
        'X-Content-Type-Options': 'nosniff',
        ...(info.unmappable_count !== undefined
          ? { 'X-S5-Unmappable-Count': String(info.unmappable_count) }
          : {}),
      },
    });
  };
}

/** RFC 5987 attr-char encoding: encodeURIComponent leaves `'()*` alone, which attr-char forbids. */
function encodeRfc5987(name: string): string {
  return encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function asciiFallback(name: string): string {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
  const base = name.slice(0, name.length - ext.length).replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${base.replace(/^_+|_+$/g, '') || 'download'}${ext}`;
}
