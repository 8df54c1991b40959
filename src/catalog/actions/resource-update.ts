import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { resourceFields } from '../schema.ts';
import { replaceResource } from '../write-resources.ts';

export const resourceUpdate = defineAction({
  name: 'resource_update',
  description:
    'Replace a resource; fields not given are cleared.\n\n:param id: resource id; other parameters as resource_create',
  input: resourceFields.and(
    z.object({ id: z.string({ error: 'Missing value' }).min(1, 'Missing value') }),
  ),
  readOnly: false,
  auth: 'authenticated',
  example: {
    id: '3f2b7c1e-0000-4000-8000-000000000000',
    url: 'https://example.jp/aed.csv',
    name: 'AED一覧',
  },
  run: (ctx, input) => replaceResource(ctx, input.id, input),
});
