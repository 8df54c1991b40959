import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notFound } from '../../core/errors.ts';
import { canReadPackage } from '../policy.ts';
import { packageDict } from '../read-package.ts';
import { findPackage } from '../repo/packages.ts';
import { PACKAGE_READONLY_KEYS, packageFields } from '../schema.ts';
import { writePackage } from '../write-package.ts';

export const packageUpdate = defineAction({
  name: 'package_update',
  description:
    'Replace a dataset: fields not given are cleared; resources are replaced when `resources` is given.\n\n' +
    ':param id: id or name of the dataset; other parameters as package_create',
  input: packageFields.extend({ id: z.string().min(1).max(200) }),
  ignoredKeys: PACKAGE_READONLY_KEYS,
  readOnly: false,
  auth: 'authenticated',
  example: {
    id: 'sapporo-aed',
    name: 'sapporo-aed',
    title: 'AED設置箇所一覧',
    owner_org: 'sapporo-shi',
  },
  run: async (ctx, input) => {
    const existing = await findPackage(ctx.db, input.id);
    if (!existing || !canReadPackage(ctx.actor, existing)) throw notFound('Dataset not found');
    const id = await writePackage(ctx, { ...input, id: undefined }, existing);
    return packageDict(ctx, id);
  },
});
