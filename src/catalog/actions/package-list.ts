import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { listPublicPackageNames } from '../repo/packages.ts';
import { ckanInt } from '../schema.ts';

export const packageList = defineAction({
  name: 'package_list',
  description:
    'Return the names of the public, active datasets, sorted by name.\n\n:param limit: page size (optional)\n:param offset: (optional)',
  input: z.strictObject({
    limit: ckanInt(0, 100_000).optional(),
    offset: ckanInt(0, 10_000_000).default(0),
  }),
  readOnly: true,
  auth: 'anyone',
  example: { limit: 10 },
  run: (ctx, input) => listPublicPackageNames(ctx.db, input.limit ?? null, input.offset),
});
