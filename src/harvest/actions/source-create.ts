import { defineAction } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { conflict, notAuthorized } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { withTransaction } from '../../db/index.ts';
import { canManageSource } from '../policy.ts';
import { presentSource } from '../present.ts';
import { insertSource, sourceNameTaken } from '../repo/sources.ts';
import { sourceCreateInput } from '../schema.ts';
import { type RegistryRef, resolveOrg } from '../source-access.ts';

/** s5_harvest_source_create: register a remote CKAN portal to harvest into a local organization. */
export function sourceCreate(ref: RegistryRef) {
  return defineAction({
    name: 's5_harvest_source_create',
    description:
      'Register a harvest source: a remote CKAN portal (optionally one of its organizations) whose public datasets are copied into a local organization (sysadmin or admin of that organization).\n\n' +
      ':param name: URL name of the source\n:param url: the portal (https://example.jp or its /api/3 URL)\n' +
      ':param owner_org: local organization id or name\n:param remote_org: remote organization name (optional)\n' +
      ':param interval_minutes: run every N minutes (5–525600; omit for manual runs)\n' +
      ':param local_fields: fields set on creation and never overwritten (title, notes, tags, extras, resources, …)\n' +
      ':param fetch_resources: also fetch resource files into the datastore (default false: files stay remote)\n' +
      ':param page_size: datasets per remote page (1–1000, default 100)\n:param active: default true',
    input: sourceCreateInput,
    readOnly: false,
    auth: 'authenticated',
    example: {
      name: 'otaru-portal',
      title: '小樽市オープンデータ',
      url: 'https://opendata.example.jp',
      owner_org: 'otaru-shi',
      interval_minutes: 1440,
      local_fields: ['title'],
    },
    run: async (ctx, input) => {
      const org = await resolveOrg(ctx, ref, input.owner_org);
      if (!canManageSource(ctx.actor, org.id)) {
        throw notAuthorized(
          `User ${ctx.actor.name ?? 'anonymous'} not authorized to add a harvest source to organization ${org.name}`,
        );
      }
      const now = toCkanTimestamp(ctx.now);
      const source = {
        id: newId(),
        name: input.name,
        title: input.title ?? input.name,
        url: input.url,
        remoteOrg: input.remote_org ?? null,
        localOrgId: org.id,
        intervalMinutes: input.interval_minutes ?? null,
        localFields: [...new Set(input.local_fields)],
        fetchResources: input.fetch_resources,
        pageSize: input.page_size,
        active: input.active,
        createdBy: ctx.actor.name,
        created: now,
        modified: now,
      };
      await withTransaction(ctx.db, async (tx) => {
        if (await sourceNameTaken(tx, source.name, null)) {
          throw conflict({ name: ['That harvest source name is already in use.'] });
        }
        await insertSource(tx, source);
      });
      return presentSource(source);
    },
  });
}
