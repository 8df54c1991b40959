import { defineAction } from '../../core/action.ts';
import { presentJob, presentSource } from '../present.ts';
import { latestJobs } from '../repo/jobs.ts';
import { countObjects } from '../repo/objects.ts';
import { sourceRef } from '../schema.ts';
import { visibleSource } from '../source-access.ts';

/** s5_harvest_source_show: one source, its last job and how many datasets it keeps. */
export const sourceShow = defineAction({
  name: 's5_harvest_source_show',
  description:
    'Return a harvest source with its last job and the number of datasets it currently harvests (sysadmins and members of its organization).\n\n' +
    ':param id: source id or name',
  input: sourceRef,
  readOnly: true,
  auth: 'authenticated',
  example: { id: 'otaru-portal' },
  run: async (ctx, input) => {
    const source = await visibleSource(ctx, input.id);
    const job = (await latestJobs(ctx.db, [source.id])).get(source.id);
    return {
      ...presentSource(source),
      dataset_count: await countObjects(ctx.db, source.id),
      last_job: job ? presentJob(job, false) : null,
    };
  },
});
