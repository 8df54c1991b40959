import { Readable } from 'node:stream';
import type { Context, Hono } from 'hono';
import { ZipFile } from 'yazl';
import { actorForToken } from '../catalog/index.ts';
import { isAppError } from '../core/errors.ts';
import {
  type DataPackageDescriptor,
  dataPackageZipEntries,
  exportTable,
  findTable,
} from '../datastore/index.ts';
import type { Platform } from '../platform/index.ts';
import { getSchema, toTableSchema } from '../schemas/index.ts';

/**
 * `GET /dataset/{id}/datapackage.json` and `/datapackage.zip`: a dataset's Frictionless Data
 * Package, the descriptor from `s5_datapackage_show` (which applies the dataset's visibility: a
 * private dataset is Not Found to outsiders, as in the dump route), and as a zip with the
 * descriptor, each table's CSV streamed from the database, and the schema files.
 */
export function dataPackageRoutes(app: Hono, platform: Platform): void {
  app.get('/dataset/:id/datapackage.json', async (c) => {
    const descriptor = await descriptorFor(c, platform);
    if (!descriptor) return c.json({ error: 'Not Found' }, 404);
    return c.body(`${JSON.stringify(descriptor, null, 2)}\n`, 200, {
      'Content-Type': 'application/json; charset=utf-8',
    });
  });
  app.get('/dataset/:id/datapackage.zip', async (c) => {
    const descriptor = await descriptorFor(c, platform);
    if (!descriptor) return c.json({ error: 'Not Found' }, 404);
    const zip = new ZipFile();
    const body = Readable.from(zip.outputStream);
    // A failing table read ends the download with an error (the client sees a broken transfer),
    // never the process: an unhandled stream error would crash it.
    const fail = (error: unknown) => {
      platform.log.error('datapackage zip failed', { error: String(error) });
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    };
    zip.on('error', fail);
    const mtime = platform.clock.now();
    for (const entry of dataPackageZipEntries(descriptor, (id) => toTableSchema(getSchema(id)))) {
      if ('json' in entry) {
        zip.addBuffer(Buffer.from(`${JSON.stringify(entry.json, null, 2)}\n`), entry.path, {
          mtime,
        });
        continue;
      }
      const resourceId = entry.resourceId;
      // Opened only when the archive reaches this file, so one table is read at a time.
      zip.addReadStreamLazy(entry.path, { mtime }, (done) => {
        findTable(platform.db, resourceId).then((meta) => {
          if (!meta) return fail(new Error(`datastore table of ${resourceId} is gone`));
          const rows = Readable.from(exportTable(platform.db, meta, 'csv', { bom: false }));
          rows.on('error', fail);
          done(null, rows);
        }, fail);
      });
    }
    zip.end();
    return new Response(Readable.toWeb(body) as ReadableStream, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${descriptor.name}-datapackage.zip"`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

/** The descriptor the caller may see, or null (unknown or invisible dataset). */
async function descriptorFor(
  c: Context,
  platform: Platform,
): Promise<DataPackageDescriptor | null> {
  const token = (c.req.header('authorization') ?? c.req.header('x-ckan-api-key') ?? '')
    .replace(/^Bearer\s+/i, '')
    .trim();
  const actor = token ? ((await actorForToken(platform.db, token)) ?? undefined) : undefined;
  try {
    // The action's own result type.
    return (await platform.call(
      's5_datapackage_show',
      { id: c.req.param('id') },
      actor,
    )) as DataPackageDescriptor;
  } catch (error) {
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'validation')) {
      return null;
    }
    throw error;
  }
}
