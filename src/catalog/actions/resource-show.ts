import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { presentStoredResource } from '../present-stored-resource.ts';
import { idParam } from '../schema.ts';
import { readableResource } from '../write-resources.ts';

export const resourceShow = defineAction({
  name: 'resource_show',
  description: 'Return the metadata of a resource.\n\n:param id: resource id',
  input: z.strictObject({ id: idParam }),
  ignoredKeys: ['include_tracking'],
  readOnly: true,
  auth: 'anyone',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000000' },
  run: async (ctx, input) => presentStoredResource(ctx.db, await readableResource(ctx, input.id)),
});
