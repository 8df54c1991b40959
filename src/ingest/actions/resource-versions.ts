import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { readableResource } from '../../catalog/index.ts';
import { presentVersion } from '../present-job.ts';
import { listVersions } from '../repo/versions.ts';

/** s5_resource_versions: the load history of a resource, following its dataset's visibility. */
export const resourceVersions = defineAction({
  name: 's5_resource_versions',
  description:
    "Return the version history of a resource's ingested file, newest first: each load attempt with its file, status, row count, schema, conformance and validation summary.\n\n:param id: resource id",
  input: z.strictObject({ id: z.string().min(1) }),
  readOnly: true,
  auth: 'anyone',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000000' },
  run: async (ctx, input) => {
    const resource = await readableResource(ctx, input.id);
    const versions = await listVersions(ctx.db, resource.id);
    return versions.map(presentVersion);
  },
});
