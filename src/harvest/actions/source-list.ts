import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { visibleOrgIds } from '../policy.ts';
import { presentJob, presentSource } from '../present.ts';
import { latestJobs } from '../repo/jobs.ts';
import { listSources } from '../repo/sources.ts';

/** s5_harvest_source_list: the sources the caller may see, with their last job. */
export const sourceList = defineAction({
  name: 's5_harvest_source_list',
  description:
    'List harvest sources with their last job (sysadmins see all; others the sources of their organizations).\n\n' +
    ':param owner_org: only the sources of this local organization id (optional)',
  input: z.strictObject({ owner_org: z.string().min(1).max(200).optional() }),
  readOnly: true,
  auth: 'authenticated',
  example: {},
  run: async (ctx, input) => {
    const sources = (await listSources(ctx.db, visibleOrgIds(ctx.actor))).filter(
      (s) => input.owner_org === undefined || s.localOrgId === input.owner_org,
    );
    const last = await latestJobs(
      ctx.db,
      sources.map((s) => s.id),
    );
    return sources.map((s) => {
      const job = last.get(s.id);
      return { ...presentSource(s), last_job: job ? presentJob(job, false) : null };
    });
  },
});
