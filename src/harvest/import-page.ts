import { callAsSite } from './deps.ts';
import { importDataset, type ImportContext } from './import-dataset.ts';
import { skipReason } from './map-remote.ts';
import { type RemotePackage, remotePackage } from './remote/ckan-schema.ts';
import { addEntry } from './report.ts';
import { type HarvestObject, objectsFor, saveObjects } from './repo/objects.ts';
import { describeError, fail, type RunState } from './run-state.ts';
import { normalizeTimestamp } from './timestamps.ts';

/**
 * Harvests one page of remote dicts: checks each (shape, timestamp, visibility), imports it,
 * and records every outcome; a dataset that fails is an error entry, never the end of the job.
 * The page's links are saved together at the end.
 */
export async function importPage(
  ic: ImportContext,
  results: unknown[],
  state: RunState,
): Promise<void> {
  const valid: Array<{ remote: RemotePackage; modified: string }> = [];
  for (const raw of results) {
    const parsed = remotePackage.safeParse(raw);
    const rawId = idOf(raw);
    if (rawId) state.seen.add(rawId);
    if (!parsed.success) {
      fail(
        state,
        rawId,
        nameOf(raw),
        null,
        `リモートのデータセットの形式が正しくありません / the remote dataset has a wrong shape: ${describeIssues(parsed.error.issues)}`,
      );
      continue;
    }
    const modified = normalizeTimestamp(parsed.data.metadata_modified);
    if (modified === null) {
      fail(
        state,
        parsed.data.id,
        parsed.data.name,
        null,
        `metadata_modified "${parsed.data.metadata_modified}" は日時ではありません / is not a timestamp`,
      );
      continue;
    }
    if (skipReason(parsed.data) !== null) {
      state.seen.delete(parsed.data.id);
      continue;
    }
    // A remote that lists a dataset twice in one page: harvest it once.
    if (valid.some((v) => v.remote.id === parsed.data.id)) continue;
    valid.push({ remote: parsed.data, modified });
  }
  const objects = await objectsFor(
    ic.deps.db,
    ic.source.id,
    valid.map((v) => v.remote.id),
  );
  const toSave: HarvestObject[] = [];
  for (const { remote, modified } of valid) {
    if (state.maxModified === null || modified > state.maxModified) state.maxModified = modified;
    try {
      const outcome = await importDataset(ic, remote, modified, objects.get(remote.id));
      if (outcome.object) toSave.push(outcome.object);
      if (outcome.kind === 'skipped') {
        state.counts.unchanged++;
        addEntry(state.report, state.report.warnings, {
          remote_id: remote.id,
          remote_name: remote.name,
          message: outcome.reason,
        });
        continue;
      }
      state.counts[outcome.kind]++;
      for (const message of outcome.warnings) {
        addEntry(state.report, state.report.warnings, {
          remote_id: remote.id,
          remote_name: remote.name,
          message,
        });
      }
      if (outcome.kept.length > 0 && outcome.object) {
        addEntry(state.report, state.report.kept_local, {
          remote_name: remote.name,
          local_id: outcome.object.localPackageId,
          fields: outcome.kept,
        });
      }
      if (ic.source.fetchResources && state.canFetch)
        await fetchResources(ic, remote.id, remote.name, outcome.changedResources, state);
    } catch (error) {
      fail(state, remote.id, remote.name, modified, describeError(error));
    }
  }
  await saveObjects(ic.deps.db, toSave);
}

async function fetchResources(
  ic: ImportContext,
  remoteId: string,
  remoteName: string,
  resourceIds: readonly string[],
  state: RunState,
): Promise<void> {
  for (const id of resourceIds) {
    try {
      await callAsSite(ic.deps, ic.origin, 's5_resource_fetch', { id });
    } catch (error) {
      addEntry(state.report, state.report.warnings, {
        remote_id: remoteId,
        remote_name: remoteName,
        message: `リソース ${id} を取得できませんでした / could not fetch resource ${id}: ${describeError(error)}`,
      });
    }
  }
}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null;
  return typeof raw.id === 'string' && raw.id !== '' ? raw.id : null;
}

function nameOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('name' in raw)) return null;
  return typeof raw.name === 'string' ? raw.name : null;
}
