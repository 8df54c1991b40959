import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { idParam } from '../schema.ts';
import { deleteResource } from '../write-resources.ts';

export const resourceDelete = defineAction({
  name: 'resource_delete',
  description: 'Delete a resource from its dataset.\n\n:param id: resource id',
  input: z.strictObject({ id: idParam }),
  readOnly: false,
  auth: 'authenticated',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000000' },
  run: (ctx, input) => deleteResource(ctx, input.id),
});
