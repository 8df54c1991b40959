import type { RemotePackage } from './remote/ckan-schema.ts';
import type { HarvestedFields } from './harvested-fields.ts';

/** What a remote dataset becomes locally, and what had to be adjusted on the way. */
export interface MappedDataset {
  fields: HarvestedFields;
  /** Adjustments worth telling the source's admins (dropped tags, unknown licence). */
  warnings: string[];
}

// The catalog's tag rule (CKAN's): 1–100 letters, digits, spaces and -_. in any script.
const TAG_RULE = /^[\p{L}\p{N}\p{M} ._-]{1,100}$/u;

/** The licence a dataset gets when the remote one is not known locally. */
export const FALLBACK_LICENSE = 'other';

/**
 * Maps a remote CKAN dataset to the fields a harvest writes. Remote groups are not mapped (they
 * mean nothing locally); tags the local rule refuses are dropped and an unknown licence becomes
 * `other`, each with a warning, so that one odd value does not keep the dataset out.
 */
export function mapRemotePackage(
  remote: RemotePackage,
  knownLicenses: ReadonlySet<string>,
): MappedDataset {
  const warnings: string[] = [];
  const tags = new Set<string>();
  for (const tag of remote.tags) {
    const name = tag.name.trim();
    if (TAG_RULE.test(name)) tags.add(name);
    else warnings.push(`タグ「${name}」は使えない文字を含むため除きました / tag "${name}" dropped`);
  }
  let license = remote.license_id.trim();
  if (!knownLicenses.has(license)) {
    warnings.push(
      `ライセンス「${license}」はこのサイトにないため ${FALLBACK_LICENSE} にしました / unknown licence "${license}" mapped to ${FALLBACK_LICENSE}`,
    );
    license = FALLBACK_LICENSE;
  }
  const extras: Record<string, string> = {};
  for (const extra of remote.extras) {
    // The remote's own harvest bookkeeping would be confused with ours.
    if (extra.key.startsWith('harvest_') || extra.key.trim() === '') continue;
    extras[extra.key] =
      typeof extra.value === 'string' ? extra.value : JSON.stringify(extra.value ?? null);
  }
  return {
    fields: {
      title: remote.title.trim() === '' ? remote.name : remote.title,
      notes: remote.notes,
      license_id: license,
      author: remote.author,
      author_email: remote.author_email,
      maintainer: remote.maintainer,
      maintainer_email: remote.maintainer_email,
      version: remote.version,
      url: remote.url,
      tags: [...tags].sort(),
      extras,
      resources: remote.resources.map((r) => ({
        remote_id: r.id,
        name: r.name,
        url: r.url,
        description: r.description,
        format: r.format,
      })),
    },
    warnings,
  };
}

/** Why a dataset in a remote listing is not harvested, or null when it is. */
export function skipReason(remote: RemotePackage): string | null {
  // Anonymous searches never return these; a remote that does must not leak them here.
  if (remote.private === true) return 'private';
  if (remote.state !== undefined && remote.state !== 'active') return `state ${remote.state}`;
  // CKAN's harvest sources are datasets of type "harvest".
  if (remote.type && remote.type !== 'dataset') return `type ${remote.type}`;
  return null;
}
