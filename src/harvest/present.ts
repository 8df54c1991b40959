import type { HarvestJob } from './repo/jobs.ts';
import type { HarvestSource } from './repo/sources.ts';

/** The wire form of a source (snake_case, as CKAN's harvest dicts). */
export function presentSource(s: HarvestSource) {
  return {
    id: s.id,
    name: s.name,
    title: s.title,
    url: s.url,
    remote_org: s.remoteOrg,
    owner_org: s.localOrgId,
    interval_minutes: s.intervalMinutes,
    local_fields: s.localFields,
    fetch_resources: s.fetchResources,
    page_size: s.pageSize,
    active: s.active,
    created_by: s.createdBy,
    created: s.created,
    modified: s.modified,
  };
}

/** The wire form of a job; the report (per-dataset errors, kept fields) only when asked. */
export function presentJob(job: HarvestJob, withReport: boolean) {
  return {
    id: job.id,
    source_id: job.sourceId,
    state: job.state,
    created_by: job.createdBy,
    created: job.created,
    started: job.started,
    finished: job.finished,
    since: job.since,
    watermark: job.watermark,
    created_count: job.counts.created,
    updated_count: job.counts.updated,
    deleted_count: job.counts.deleted,
    unchanged_count: job.counts.unchanged,
    error_count: job.counts.errors,
    progress: job.progress,
    error: job.error,
    ...(withReport ? { report: job.report } : {}),
  };
}
