import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notFound } from '../../core/errors.ts';
import { depsOf, editableResource } from '../policy.ts';
import { presentJob } from '../present-job.ts';
import { drainQueue, enqueueIngest } from '../queue.ts';

/** s5_resource_ingest: queue loading an uploaded resource's file into the datastore. */
export const resourceIngest = defineAction({
  name: 's5_resource_ingest',
  description:
    "Queue an ingest of a resource's uploaded file: validate it, type its columns and load it into the resource's datastore table (replacing the previous version only when the load succeeds). Returns the job; follow it with s5_job_show.\n\n:param id: resource id",
  input: z.strictObject({ id: z.string().min(1) }),
  readOnly: false,
  auth: 'authenticated',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000000' },
  run: async (ctx, input) => {
    const resource = await editableResource(ctx, input.id);
    if (!resource.file_sha256) throw notFound('This resource is a link, not an uploaded file');
    const deps = depsOf(ctx);
    const job = await enqueueIngest(deps, resource.id, ctx.actor.name);
    // Runs in the background of this process; the job row records the outcome.
    void drainQueue({ ...deps, now: () => new Date() }, ctx.log);
    return presentJob(job);
  },
});
