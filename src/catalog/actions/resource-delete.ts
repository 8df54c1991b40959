import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { withTransaction } from '../../db/index.ts';
import { dropOrphanTables } from '../../datastore/index.ts';
import { idParam } from '../schema.ts';
import { deleteResource } from '../write-resources.ts';

export const resourceDelete = defineAction({
  name: 'resource_delete',
  description:
    'Delete a resource from its dataset (and its datastore table, as CKAN does).\n\n:param id: resource id',
  input: z.strictObject({ id: idParam }),
  readOnly: false,
  auth: 'authenticated',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000000' },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      await deleteResource({ ...ctx, db }, input.id);
      // In the same transaction: a committed delete never leaves a table behind.
      await dropOrphanTables(db, toCkanTimestamp(ctx.now));
      return null;
    }),
});
