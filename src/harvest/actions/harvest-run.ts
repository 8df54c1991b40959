import { z } from 'zod';
import { ckanBool } from '../../core/ckan-params.ts';
import { defineAction } from '../../core/action.ts';
import { presentJob } from '../present.ts';
import { queueHarvest, startHarvest } from '../queue.ts';
import { runHarvestJob } from '../run-job.ts';
import { depsOf, manageableSource, type RegistryRef } from '../source-access.ts';

/** s5_harvest_run: queue a job for a source and start it; optionally wait for its end. */
export function harvestRun(ref: RegistryRef) {
  return defineAction({
    name: 's5_harvest_run',
    description:
      'Start a harvest job of a source (sysadmin or admin of its organization): datasets modified remotely since the last run are created or updated locally, withdrawn ones deleted. Returns the job; follow it with s5_harvest_job_show, or pass wait=true to get it finished, with its report.\n\n' +
      ':param id: source id or name\n:param wait: answer when the job has ended (default false)\n' +
      ':param full: read every remote dataset, not only those modified since the last run (default false)',
    input: z.strictObject({
      id: z.string().min(1).max(200),
      wait: ckanBool.default(false),
      full: ckanBool.default(false),
    }),
    readOnly: false,
    auth: 'authenticated',
    example: { id: 'otaru-portal', wait: true },
    run: async (ctx, input) => {
      const source = await manageableSource(ctx, input.id);
      const deps = depsOf(ctx, ref);
      const job = await queueHarvest(deps, source, ctx.actor.name);
      if (input.wait)
        return presentJob(await runHarvestJob(deps, job.id, { full: input.full }), true);
      void startHarvest(deps, job.id, { full: input.full });
      return presentJob(job, false);
    },
  });
}
