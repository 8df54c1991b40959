import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notFound } from '../../core/errors.ts';
import { presentJob } from '../present.ts';
import { findJob } from '../repo/jobs.ts';
import { visibleSource } from '../source-access.ts';

/** s5_harvest_job_show: a harvest job with its counts and report. */
export const jobShow = defineAction({
  name: 's5_harvest_job_show',
  description:
    'Return a harvest job: state (queued, running, done, failed), progress, counts (created, updated, deleted, unchanged, errors), the failure reason and the report — per-dataset errors with reasons, warnings, and fields kept because they were edited locally.\n\n' +
    ':param id: job id',
  input: z.strictObject({ id: z.string().min(1).max(200) }),
  readOnly: true,
  auth: 'authenticated',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000002' },
  run: async (ctx, input) => {
    const job = await findJob(ctx.db, input.id);
    if (!job) throw notFound('Harvest job was not found.');
    await visibleSource(ctx, job.sourceId).catch(() => {
      throw notFound('Harvest job was not found.');
    });
    return presentJob(job, true);
  },
});
