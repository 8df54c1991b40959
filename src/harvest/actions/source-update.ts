import { defineAction } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { conflict, notAuthorized } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { canManageSource } from '../policy.ts';
import { presentSource } from '../present.ts';
import { clearWatermarks } from '../repo/jobs.ts';
import { sourceNameTaken, updateSource } from '../repo/sources.ts';
import { sourceUpdateInput } from '../schema.ts';
import { manageableSource, type RegistryRef, resolveOrg } from '../source-access.ts';

/** s5_harvest_source_update: change some settings of a source, keeping the others. */
export function sourceUpdate(ref: RegistryRef) {
  return defineAction({
    name: 's5_harvest_source_update',
    description:
      'Change a harvest source: only the parameters given change (sysadmin or admin of its organization; moving it to another organization needs admin rights there too).\n\n' +
      ':param id: source id or name\n:param name, title, url, remote_org, owner_org, interval_minutes, local_fields, fetch_resources, page_size, active: as s5_harvest_source_create (null clears remote_org and interval_minutes)',
    input: sourceUpdateInput,
    readOnly: false,
    auth: 'authenticated',
    example: { id: 'otaru-portal', interval_minutes: 60, active: true },
    run: async (ctx, input) => {
      const current = await manageableSource(ctx, input.id);
      let localOrgId = current.localOrgId;
      if (input.owner_org !== undefined) {
        const org = await resolveOrg(ctx, ref, input.owner_org);
        if (!canManageSource(ctx.actor, org.id)) {
          throw notAuthorized(
            `User ${ctx.actor.name ?? 'anonymous'} not authorized to move a harvest source to organization ${org.name}`,
          );
        }
        localOrgId = org.id;
      }
      const next = {
        ...current,
        name: input.name ?? current.name,
        title: input.title ?? current.title,
        url: input.url ?? current.url,
        remoteOrg: input.remote_org === undefined ? current.remoteOrg : input.remote_org,
        localOrgId,
        intervalMinutes:
          input.interval_minutes === undefined ? current.intervalMinutes : input.interval_minutes,
        localFields: input.local_fields ? [...new Set(input.local_fields)] : current.localFields,
        fetchResources: input.fetch_resources ?? current.fetchResources,
        pageSize: input.page_size ?? current.pageSize,
        active: input.active ?? current.active,
        modified: toCkanTimestamp(ctx.now),
      };
      await withTransaction(ctx.db, async (tx) => {
        if (await sourceNameTaken(tx, next.name, next.id)) {
          throw conflict({ name: ['That harvest source name is already in use.'] });
        }
        await updateSource(tx, next);
        // Another portal or organization: the old watermark means nothing there.
        if (next.url !== current.url || next.remoteOrg !== current.remoteOrg) {
          await clearWatermarks(tx, next.id);
        }
      });
      return presentSource(next);
    },
  });
}
