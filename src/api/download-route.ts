import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { isAppError } from '../core/errors.ts';
import type { Platform } from '../platform/index.ts';
import { actorForToken } from '../catalog/index.ts';

/**
 * `GET /dataset/{id}/resource/{resource_id}/download/{file}`: CKAN's download URL for uploaded
 * files. Authorization is the registry's (`s5_resource_file_show`), so a private dataset's file
 * is as invisible as its metadata.
 */
export function downloadHandler(platform: Platform) {
  return async (c: Context) => {
    const token = (c.req.header('authorization') ?? c.req.header('x-ckan-api-key') ?? '')
      .replace(/^Bearer\s+/i, '')
      .trim();
    const actor = token ? ((await actorForToken(platform.db, token)) ?? undefined) : undefined;
    let file: {
      sha256: string;
      size: number | null;
      mimetype: string;
      file_name: string;
      package_id: string;
    };
    try {
      file = (await platform.call(
        's5_resource_file_show',
        { id: c.req.param('resource_id') },
        actor,
      )) as typeof file;
    } catch (error) {
      if (isAppError(error) && (error.code === 'not_found' || error.code === 'validation')) {
        return c.text('Not Found', 404);
      }
      throw error;
    }
    const stream = Readable.toWeb(Readable.from(platform.files.open(file.sha256)));
    return new Response(stream as ReadableStream, {
      headers: {
        'Content-Type': file.mimetype,
        ...(file.size !== null ? { 'Content-Length': String(file.size) } : {}),
        // RFC 6266 / 5987: the Japanese file name survives, and the browser saves rather than renders.
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
        'X-Content-Type-Options': 'nosniff',
        ETag: `"${file.sha256}"`,
      },
    });
  };
}
