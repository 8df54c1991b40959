import { z } from 'zod';
import { defineAction, toFieldErrors } from '../../core/action.ts';
import { AppError } from '../../core/errors.ts';
import { presentResource } from '../present/present-package.ts';
import { resourceFields } from '../schema.ts';
import { readableResource, replaceResource } from '../write-resources.ts';

export const resourcePatch = defineAction({
  name: 'resource_patch',
  description:
    'Change some fields of a resource, keeping the others.\n\n:param id: resource id; any resource field to change',
  input: z
    .object({ id: z.string({ error: 'Missing value' }).min(1, 'Missing value') })
    .catchall(z.unknown()),
  readOnly: false,
  auth: 'authenticated',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000000', name: 'AED一覧（2026年度）' },
  run: async (ctx, input) => {
    const current = presentResource(await readableResource(ctx, input.id));
    const merged: Record<string, unknown> = { ...current, ...input };
    for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
    const parsed = resourceFields.safeParse(merged);
    if (!parsed.success)
      throw new AppError('validation', 'Validation Error', { fields: toFieldErrors(parsed.error) });
    return replaceResource(ctx, input.id, parsed.data);
  },
});
