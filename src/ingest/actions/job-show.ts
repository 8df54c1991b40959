import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notFound } from '../../core/errors.ts';
import { editableResource } from '../policy.ts';
import { presentJob } from '../present-job.ts';
import { findCurrentJob, findJob } from '../repo/jobs.ts';

/** s5_job_show: a background job's state and progress, for those who may edit its dataset. */
export const jobShow = defineAction({
  name: 's5_job_show',
  description:
    "Return a background job (an ingest or a fetch): its state (queued, running, done, failed), progress and error. Visible to whoever may edit the job's dataset.\n\n:param id: job id\n:param resource_id: instead of id: the resource's current job (queued or running, else the newest), e.g. the ingest an upload queued",
  input: z
    .strictObject({ id: z.string().min(1).optional(), resource_id: z.string().min(1).optional() })
    .refine((v) => (v.id === undefined) !== (v.resource_id === undefined), {
      message: 'Give either id or resource_id',
      path: ['id'],
    }),
  readOnly: true,
  auth: 'authenticated',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000001' },
  run: async (ctx, input) => {
    const job = input.id
      ? await findJob(ctx.db, input.id)
      : await findCurrentJob(ctx.db, input.resource_id ?? '');
    if (!job) throw notFound('Job was not found.');
    await editableResource(ctx, job.resourceId).catch(() => {
      throw notFound('Job was not found.');
    });
    return presentJob(job);
  },
});
