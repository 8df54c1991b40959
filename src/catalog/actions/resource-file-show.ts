import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notFound } from '../../core/errors.ts';
import { idParam } from '../schema.ts';
import { readableResource } from '../write-resources.ts';

/** Where the bytes of an uploaded resource are; used by the download route, under the same rules as resource_show. */
export const resourceFileShow = defineAction({
  name: 's5_resource_file_show',
  description:
    'Return the stored file of an uploaded resource (its SHA-256, size, media type and file name), for downloading.\n\n:param id: resource id',
  input: z.strictObject({ id: idParam }),
  readOnly: true,
  auth: 'anyone',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000000' },
  run: async (ctx, input) => {
    const r = await readableResource(ctx, input.id);
    if (!r.file_sha256) throw notFound('This resource is a link, not an uploaded file');
    return {
      sha256: r.file_sha256,
      size: r.size === null ? null : Number(r.size),
      mimetype: r.mimetype || 'application/octet-stream',
      file_name: decodeURIComponent(r.url.split('/').pop() ?? 'file'),
      package_id: r.package_id,
    };
  },
});
