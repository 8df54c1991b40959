import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { invalid } from '../../core/errors.ts';
import { checkFetchUrl } from '../../net/index.ts';
import { sourceUrlOf } from '../fetched-file.ts';
import { depsOf, editableResource } from '../policy.ts';
import { presentJob } from '../present-job.ts';
import { enqueueFetch } from '../queue.ts';

/** s5_resource_fetch: queue downloading a resource's URL into s5, then its ingest. */
export const resourceFetch = defineAction({
  name: 's5_resource_fetch',
  description:
    "Download a resource's URL into s5 and load it: the file is fetched in the background (http/https only; never from loopback or private addresses unless the site allows it; the site's timeout and upload limit apply), stored and attached like an upload — `url` becomes the stored copy, `source_url` keeps the original — and a CSV/TSV/TXT/XLSX file is then ingested. Fetching again re-downloads `source_url`. Returns the job; follow it with s5_job_show.\n\n:param id: resource id",
  input: z.strictObject({ id: z.string().min(1) }),
  readOnly: false,
  auth: 'authenticated',
  example: { id: '3f2b7c1e-0000-4000-8000-000000000000' },
  run: async (ctx, input) => {
    const resource = await editableResource(ctx, input.id);
    const url = sourceUrlOf(resource);
    if (!url)
      throw invalid({ url: ['取得するURLがありません / The resource has no URL to fetch'] });
    // A URL that can never be fetched is refused now rather than as a failed job later.
    checkFetchUrl(url, ctx.site.fetchAllowPrivate);
    // The write listener (autoIngestListener) starts the queue once this write has answered.
    return presentJob(await enqueueFetch(depsOf(ctx), resource.id, ctx.actor.name));
  },
});
