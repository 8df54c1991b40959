import { z } from 'zod';
import { ckanInt } from '../../core/ckan-params.ts';
import { defineAction } from '../../core/action.ts';
import { presentJob } from '../present.ts';
import { listJobs } from '../repo/jobs.ts';
import { visibleSource } from '../source-access.ts';

/** s5_harvest_job_list: a source's jobs, newest first, without their reports. */
export const jobList = defineAction({
  name: 's5_harvest_job_list',
  description:
    "List a harvest source's jobs, newest first, with their counts (the reports are in s5_harvest_job_show).\n\n" +
    ':param source: source id or name\n:param limit: default 20, at most 100\n:param offset: default 0',
  input: z.strictObject({
    source: z.string().min(1).max(200),
    limit: ckanInt(1, 100).default(20),
    offset: ckanInt(0, 1_000_000).default(0),
  }),
  readOnly: true,
  auth: 'authenticated',
  example: { source: 'otaru-portal', limit: 10 },
  run: async (ctx, input) => {
    const source = await visibleSource(ctx, input.source);
    const jobs = await listJobs(ctx.db, [source.id], input.limit, input.offset);
    return jobs.map((j) => presentJob(j, false));
  },
});
