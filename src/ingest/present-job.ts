import type { Job } from './repo/jobs.ts';
import type { StoredVersion } from './repo/versions.ts';

/** The wire form of a job (snake_case, as CKAN's job dicts). */
export function presentJob(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    resource_id: job.resourceId,
    state: job.state,
    progress: job.progress,
    error: job.error,
    created: job.created,
    started: job.started,
    finished: job.finished,
    attempts: job.attempts,
  };
}

/** The wire form of a version: its outcome and a summary of its report (the full issues stay out). */
export function presentVersion(v: StoredVersion) {
  const report = isRecord(v.report) ? v.report : {};
  return {
    version: v.version,
    file_sha256: v.fileSha256,
    size: v.size,
    created: v.created,
    created_by: v.createdBy,
    status: v.status,
    error: v.error,
    row_count: v.rowCount,
    schema_id: v.schemaId,
    schema_generation: v.schemaGeneration,
    conformance: v.conformance,
    summary: report.summary ?? null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
