import { z } from 'zod';
import { type ActionContext, type ActionRegistry, defineAction } from '../../core/action.ts';
import { ckanBool } from '../../core/ckan-params.ts';
import { AppError } from '../../core/errors.ts';
import { siteActor } from '../../catalog/index.ts';
import type { MergedDeps } from '../deps.ts';
import { refreshMerged } from '../refresh-merged.ts';
import { runExclusive } from '../schedule-refresh.ts';

/**
 * s5_merged_refresh, given the registry it runs catalog actions through (the merged datasets are
 * created and changed by package_create / package_patch as the site actor).
 */
export function mergedRefreshAction(registry: () => ActionRegistry | null) {
  return defineAction({
    name: 's5_merged_refresh',
    description:
      'Rebuild the prefecture-wide merged standard tables now (sysadmins): every member’s rows are copied again, and a schema that gained its first public conforming file gets its merged dataset. With `rebuild: false`, only members that joined, left or changed are copied or removed, as the automatic refresh after each write and ingest does.\n\n' +
      'Answer: `{results: [{schemaId, packageId, resourceId, status (refreshed|unchanged|deleted|failed), added, removed, changed, unchanged, members, rebuilt, error?}]}`.\n\n' +
      ':param schema: optional schema id, number or slug; all schemas when absent\n' +
      ':param rebuild: `true` (default) to recopy every member, `false` for the incremental refresh',
    input: z.strictObject({
      schema: z.string().min(1).max(100).optional(),
      rebuild: ckanBool.default(true),
    }),
    readOnly: false,
    auth: 'sysadmin',
    example: { schema: 'a08-aed' },
    run: async (ctx, input) => {
      const deps = mergedDepsOf(ctx, registry);
      const options = input.schema === undefined ? {} : { schema: input.schema };
      // One refresh at a time per database, the background ones included.
      const results = await runExclusive(ctx.db, () =>
        refreshMerged(deps, { ...options, rebuild: input.rebuild }),
      );
      return { results };
    },
  });
}

function mergedDepsOf(ctx: ActionContext, registry: () => ActionRegistry | null): MergedDeps {
  return {
    db: ctx.db,
    log: ctx.log,
    now: () => new Date(ctx.now.getTime()),
    siteUrl: ctx.site.siteUrl,
    callAsSite: (name, input) => {
      const r = registry();
      if (!r) throw new AppError('internal', 'the action registry is not built');
      return r.call(name, { ...ctx, actor: siteActor }, input);
    },
  };
}
