import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { notAuthorized } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { dropOrphanTables } from '../../datastore/index.ts';
import { canEditInOrg } from '../policy.ts';
import { readablePackage } from '../read-package.ts';
import { updatePackage } from '../repo/packages.ts';
import { reindexPackages } from '../repo/search-index.ts';
import { idParam } from '../schema.ts';

export const packageDelete = defineAction({
  name: 'package_delete',
  description:
    'Delete a dataset (its state becomes "deleted"; it disappears from search and lists; its datastore tables are dropped).\n\n:param id: id or name',
  input: z.strictObject({ id: idParam }),
  readOnly: false,
  auth: 'authenticated',
  example: { id: 'sapporo-aed' },
  run: async (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const pkg = await readablePackage(ctx, input.id, db);
      if (!canEditInOrg(ctx.actor, pkg.owner_org)) {
        throw notAuthorized(
          `User ${ctx.actor.name ?? 'anonymous'} not authorized to delete package ${pkg.name}`,
        );
      }
      await updatePackage(db, pkg.id, {
        state: 'deleted',
        metadata_modified: toCkanTimestamp(ctx.now),
      });
      await reindexPackages(db, [pkg.id]);
      // Its resources' datastore tables go with it, in the same transaction.
      await dropOrphanTables(db, toCkanTimestamp(ctx.now));
      return null;
    }),
});
