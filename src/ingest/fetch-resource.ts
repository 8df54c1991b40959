import type { ActionContext, ActionRegistry } from '../core/action.ts';
import { AppError } from '../core/errors.ts';
import { readableResource, siteActor } from '../catalog/index.ts';
import { Upload } from '../files/index.ts';
import { safeFetch } from '../net/index.ts';
import { fetchedFileName, mediaTypeOf, sourceUrlOf } from './fetched-file.ts';
import type { Job, JobProgress } from './repo/jobs.ts';

const PROGRESS_EVERY_BYTES = 1_048_576;

/**
 * A fetch job: downloads the resource's source URL with `safeFetch` (the site's private-address
 * rule, timeout and upload limit), streams it into the file store and attaches it through
 * `resource_patch` exactly as an upload is attached — the resource's `url` becomes the stored
 * copy's download URL and `source_url` keeps where it came from. The write listener then queues
 * the ingest of a tabular file. Runs as the site: the caller's right to edit was checked when the
 * job was queued.
 * @throws AppError bad_request (no URL, refused or failed fetch, HTTP status other than 2xx),
 *   validation (larger than the upload limit), not_found (the resource is gone).
 */
export async function fetchIntoResource(
  registry: ActionRegistry,
  ctx: ActionContext,
  job: Job,
  onProgress: (p: JobProgress) => void,
): Promise<void> {
  const asSite: ActionContext = { ...ctx, actor: siteActor, now: new Date() };
  const resource = await readableResource(asSite, job.resourceId);
  const url = sourceUrlOf(resource);
  if (!url) {
    throw new AppError('bad_request', '取得するURLがありません / The resource has no URL to fetch');
  }
  onProgress({ phase: 'fetch', rows: 0, bytes: 0 });
  const res = await safeFetch(url, {
    allowPrivate: ctx.site.fetchAllowPrivate,
    timeoutMs: ctx.site.fetchTimeoutMs,
    maxBytes: ctx.site.maxUploadBytes,
  });
  if (res.status < 200 || res.status > 299) {
    res.body.destroy();
    throw new AppError(
      'bad_request',
      `${new URL(res.url).host} が HTTP ${res.status} を返しました / The server answered HTTP ${res.status}`,
      { details: { status: res.status } },
    );
  }
  const stored = await ctx.files.put(counted(res.body, onProgress), ctx.site.maxUploadBytes);
  onProgress({ phase: 'fetch', rows: 0, bytes: stored.size });
  const upload = new Upload(
    stored,
    fetchedFileName(res.url, res.headers),
    mediaTypeOf(res.headers) || 'application/octet-stream',
  );
  await registry.call(
    'resource_patch',
    { ...asSite, now: new Date() },
    { id: resource.id, upload, source_url: url },
  );
}

async function* counted(
  body: AsyncIterable<Uint8Array>,
  onProgress: (p: JobProgress) => void,
): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  let reported = 0;
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    if (bytes - reported >= PROGRESS_EVERY_BYTES) {
      reported = bytes;
      onProgress({ phase: 'fetch', rows: 0, bytes });
    }
    yield chunk;
  }
}
