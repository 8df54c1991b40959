import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { conflict, isAppError } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { callAsSite } from '../deps.ts';
import { ckanBool } from '../../core/ckan-params.ts';
import { activeJob } from '../repo/jobs.ts';
import { activeObjects } from '../repo/objects.ts';
import { deleteSource } from '../repo/sources.ts';
import { depsOf, manageableSource, type RegistryRef } from '../source-access.ts';

/** s5_harvest_source_delete: remove a source, its jobs and links; optionally its datasets. */
export function sourceDelete(ref: RegistryRef) {
  return defineAction({
    name: 's5_harvest_source_delete',
    description:
      'Delete a harvest source with its job history (sysadmin or admin of its organization). The harvested datasets stay as ordinary local datasets unless withdraw_datasets is true.\n\n' +
      ':param id: source id or name\n:param withdraw_datasets: also delete the datasets it harvested (default false)',
    input: z.strictObject({
      id: z.string().min(1).max(200),
      withdraw_datasets: ckanBool.default(false),
    }),
    readOnly: false,
    auth: 'authenticated',
    example: { id: 'otaru-portal', withdraw_datasets: false },
    run: async (ctx, input) => {
      const source = await manageableSource(ctx, input.id);
      if (await activeJob(ctx.db, source.id)) {
        throw conflict(
          { id: ['A harvest job of this source is queued or running; wait for it to end'] },
          'A harvest job of this source is queued or running',
        );
      }
      let withdrawn = 0;
      if (input.withdraw_datasets) {
        const deps = depsOf(ctx, ref);
        for (const { localPackageId: localId } of await activeObjects(ctx.db, source.id)) {
          try {
            await callAsSite(deps, `harvest:${source.name}`, 'package_delete', { id: localId });
            withdrawn++;
          } catch (error) {
            if (!isAppError(error) || error.code !== 'not_found') throw error;
          }
        }
      }
      // Jobs and links go with the source (ON DELETE CASCADE).
      await withTransaction(ctx.db, (tx) => deleteSource(tx, source.id));
      return { id: source.id, name: source.name, withdrawn_datasets: withdrawn };
    },
  });
}
