import type { MemberState, StoredMember } from './member-state.ts';

/** How a schema's members changed since they were copied. */
export interface MemberDiff {
  /** Members now that were not copied before. */
  readonly added: readonly MemberState[];
  /** Copied members that are no longer members (private, deleted, nonconforming, …). */
  readonly removed: readonly StoredMember[];
  /** Members whose table or publisher changed: their rows are replaced. */
  readonly changed: ReadonlyArray<{ before: StoredMember; after: MemberState }>;
  /** Members exactly as copied: their rows are left alone. */
  readonly unchanged: readonly StoredMember[];
}

/**
 * Compares the copied members of one schema with its members now. A member changed when another
 * version was loaded, its table was written since (datastore_upsert/delete), or its publisher's
 * code or name changed — every such row of the merged table would be stale.
 */
export function diffMembers(
  stored: readonly StoredMember[],
  current: readonly MemberState[],
): MemberDiff {
  const now = new Map(current.map((m) => [m.resourceId, m]));
  const before = new Map(stored.map((m) => [m.resourceId, m]));
  const removed: StoredMember[] = [];
  const changed: Array<{ before: StoredMember; after: MemberState }> = [];
  const unchanged: StoredMember[] = [];
  for (const s of stored) {
    const c = now.get(s.resourceId);
    if (!c) removed.push(s);
    else if (sameState(s, c)) unchanged.push(s);
    else changed.push({ before: s, after: c });
  }
  const added = current.filter((m) => !before.has(m.resourceId));
  return { added, removed, changed, unchanged };
}

/** True when nothing is to be done. */
export function isEmptyDiff(d: MemberDiff): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0;
}

function sameState(a: MemberState, b: MemberState): boolean {
  return (
    a.packageId === b.packageId &&
    a.version === b.version &&
    a.tableModified === b.tableModified &&
    a.tableRows === b.tableRows &&
    a.publisherCode === b.publisherCode &&
    a.publisherName === b.publisherName
  );
}
