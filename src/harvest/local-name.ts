import { createHash } from 'node:crypto';

const NAME_RULE = /^[a-z0-9_-]{2,100}$/;

/**
 * The URL names to try for a new harvested dataset, in order: the remote name (made valid
 * locally), then with `-2` … `-5`, then with a suffix from the remote id — names that clash with
 * a local dataset get a suffix, and the last candidate is unique to the remote dataset.
 */
export function nameCandidates(remoteName: string, remoteId: string): string[] {
  const base = validBase(remoteName, remoteId);
  const withSuffix = (suffix: string) => `${base.slice(0, 100 - suffix.length)}${suffix}`;
  const digest = createHash('sha256').update(remoteId).digest('hex').slice(0, 8);
  return [base, ...[2, 3, 4, 5].map((n) => withSuffix(`-${n}`)), withSuffix(`-${digest}`)];
}

function validBase(remoteName: string, remoteId: string): string {
  if (NAME_RULE.test(remoteName)) return remoteName;
  const cleaned = remoteName
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  if (cleaned.length >= 2) return cleaned;
  return `harvested-${createHash('sha256').update(remoteId).digest('hex').slice(0, 12)}`;
}

/**
 * The local id of a harvested dataset, derived from the source and the remote id: a run that
 * stopped between creating a dataset and recording it finds the same id again (no duplicate).
 */
export function localIdFor(sourceId: string, remoteId: string): string {
  const h = createHash('sha256').update(`${sourceId}\n${remoteId}`).digest('hex');
  // RFC 9562 layout: version 8 (custom), variant 10.
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
