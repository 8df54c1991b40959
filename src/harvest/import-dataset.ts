import { AppError, isAppError } from '../core/errors.ts';
import { toCkanTimestamp } from '../core/clock.ts';
import { callAsSite, type HarvestDeps } from './deps.ts';
import {
  contentHash,
  EXTRA_LOCAL_FIELDS,
  EXTRA_REMOTE_ID,
  EXTRA_REMOTE_URL,
  EXTRA_SOURCE_ID,
  type HarvestedFields,
} from './harvested-fields.ts';
import {
  harvestExtras,
  type LocalPackage,
  localPackage,
  localView,
  resourceInputs,
} from './local-dataset.ts';
import { localIdFor, nameCandidates } from './local-name.ts';
import { mapRemotePackage } from './map-remote.ts';
import { type KeptField, mergeLocal } from './merge-local.ts';
import type { RemotePackage } from './remote/ckan-schema.ts';
import type { HarvestObject } from './repo/objects.ts';
import type { HarvestSource } from './repo/sources.ts';

/** What one run shares while importing datasets. */
export interface ImportContext {
  deps: HarvestDeps;
  source: HarvestSource;
  /** The audit origin of the writes, `harvest:<source name>`. */
  origin: string;
  licenses: ReadonlySet<string>;
}

export type ImportOutcome =
  | {
      kind: 'created' | 'updated' | 'unchanged';
      /** The link to save; null when it is already right. */
      object: HarvestObject | null;
      kept: KeptField[];
      warnings: string[];
      /** Local resource ids whose remote URL is new or changed (for fetch_resources). */
      changedResources: string[];
    }
  | { kind: 'skipped'; object: HarvestObject; reason: string };

/**
 * Brings one remote dataset into the source's organization: creates it (trying suffixed names
 * when the name is taken), updates it keeping fields edited or declared local, or leaves it when
 * nothing changed. Each write is one catalog action, so one transaction: never half-written.
 * @throws AppError from the catalog (validation, conflict) — the caller records it per dataset.
 */
export async function importDataset(
  ic: ImportContext,
  remote: RemotePackage,
  modified: string,
  existing: HarvestObject | undefined,
): Promise<ImportOutcome> {
  const mapped = mapRemotePackage(remote, ic.licenses);
  const hash = contentHash(remote.name, mapped.fields);
  const remoteUrl = `${ic.source.url}/dataset/${encodeURIComponent(remote.name)}`;
  const now = toCkanTimestamp(ic.deps.now());
  const objectWith = (localId: string, harvested: HarvestedFields | null): HarvestObject => ({
    sourceId: ic.source.id,
    remoteId: remote.id,
    remoteName: remote.name,
    remoteUrl,
    localPackageId: localId,
    remoteModified: modified,
    contentHash: hash,
    harvested,
    state: 'active',
    created: existing?.created ?? now,
    modified: now,
  });
  if (existing?.state === 'active' && existing.contentHash === hash) {
    const object =
      existing.remoteModified === modified
        ? null
        : objectWith(existing.localPackageId, existing.harvested);
    return { kind: 'unchanged', object, kept: [], warnings: [], changedResources: [] };
  }
  const localId = existing?.localPackageId ?? localIdFor(ic.source.id, remote.id);
  // Without a link there is normally no local copy: creating it directly saves a read.
  const current = existing ? await showLocal(ic, localId) : null;
  const bookkeeping = {
    [EXTRA_SOURCE_ID]: ic.source.id,
    [EXTRA_REMOTE_ID]: remote.id,
    [EXTRA_REMOTE_URL]: remoteUrl,
  };
  if (!current) {
    const created = await createLocal(ic, remote, localId, mapped.fields, bookkeeping);
    if (created) {
      return {
        kind: 'created',
        object: objectWith(localId, mapped.fields),
        kept: [],
        warnings: mapped.warnings,
        changedResources: resourcesWithUrls(created, null),
      };
    }
  }
  const local = current ?? (await showLocal(ic, localId));
  if (!local) {
    throw new AppError('internal', `Harvested dataset ${localId} vanished while it was written`);
  }
  if (local.state === 'deleted' && existing?.state === 'active') {
    // An editor deleted the harvested copy: that is a local decision the harvest respects.
    return {
      kind: 'skipped',
      object: objectWith(localId, existing.harvested),
      reason: 'ローカルで削除されているため復元しません / deleted locally; not restored',
    };
  }
  const extras = harvestExtras(local);
  const localFields = new Set([
    ...ic.source.localFields,
    ...(extras[EXTRA_LOCAL_FIELDS] ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== ''),
  ]);
  // A copy adopted without a record (a crash after creating it) has no harvested snapshot.
  const previous = existing?.harvested ?? null;
  const merge = mergeLocal(mapped.fields, previous, localView(local), localFields);
  const newBookkeeping = { ...extras, ...bookkeeping };
  const restoring = local.state === 'deleted';
  if (!merge.changed && !restoring && sameRecord(extras, newBookkeeping)) {
    return {
      kind: 'unchanged',
      object: objectWith(localId, mapped.fields),
      kept: merge.kept,
      warnings: mapped.warnings,
      changedResources: [],
    };
  }
  const updated = await callAsSite(ic.deps, ic.origin, 'package_update', {
    id: local.id,
    name: local.name,
    owner_org: local.owner_org,
    private: local.private,
    state: local.state === 'draft' ? 'draft' : 'active',
    ...merge.scalars,
    tags: merge.tags.map((name) => ({ name })),
    extras: toExtras({ ...merge.extras, ...newBookkeeping }),
    groups: local.groups.map((g) => ({ name: g.name })),
    resources: resourceInputs(merge.resources, local),
  });
  return {
    kind: 'updated',
    object: objectWith(localId, mapped.fields),
    kept: merge.kept,
    warnings: mapped.warnings,
    changedResources: resourcesWithUrls(localPackage.parse(updated), local),
  };
}

async function showLocal(ic: ImportContext, id: string): Promise<LocalPackage | null> {
  try {
    return localPackage.parse(await callAsSite(ic.deps, ic.origin, 'package_show', { id }));
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * package_create with the derived id under the first free name. Returns null when the id already
 * exists (a copy created by a run that stopped before recording it): the caller updates it.
 */
async function createLocal(
  ic: ImportContext,
  remote: RemotePackage,
  localId: string,
  fields: HarvestedFields,
  bookkeeping: Record<string, string>,
): Promise<LocalPackage | null> {
  const candidates = nameCandidates(remote.name, remote.id);
  for (const [i, name] of candidates.entries()) {
    try {
      const created = await callAsSite(ic.deps, ic.origin, 'package_create', {
        id: localId,
        name,
        owner_org: ic.source.localOrgId,
        private: false,
        title: fields.title,
        notes: fields.notes,
        license_id: fields.license_id,
        author: fields.author,
        author_email: fields.author_email,
        maintainer: fields.maintainer,
        maintainer_email: fields.maintainer_email,
        version: fields.version,
        url: fields.url,
        tags: fields.tags.map((t) => ({ name: t })),
        extras: toExtras({ ...fields.extras, ...bookkeeping }),
        resources: fields.resources.map((r) => ({
          name: r.name,
          url: r.url,
          description: r.description,
          format: r.format,
          [EXTRA_REMOTE_ID]: r.remote_id,
        })),
      });
      return localPackage.parse(created);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'conflict') throw error;
      if (error.fields?.id) return null;
      if (!error.fields?.name || i === candidates.length - 1) throw error;
    }
  }
  return null;
}

function toExtras(extras: Record<string, string>) {
  return Object.entries(extras).map(([key, value]) => ({ key, value }));
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Local ids of harvested resources to fetch: those whose URL is new or changed, and those that
 * are still links (an earlier fetch failed, or fetch_resources was turned on later).
 */
function resourcesWithUrls(after: LocalPackage, before: LocalPackage | null): string[] {
  const previous = new Map((before?.resources ?? []).map((r) => [r.id, r.url]));
  return after.resources
    .filter(
      (r) =>
        typeof r[EXTRA_REMOTE_ID] === 'string' &&
        r.url !== '' &&
        (previous.get(r.id) !== r.url || r.url_type !== 'upload'),
    )
    .map((r) => r.id);
}
