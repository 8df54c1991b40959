import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffMembers, isEmptyDiff } from './diff-members.ts';
import type { MemberState, StoredMember } from './member-state.ts';

function state(resourceId: string, overrides: Partial<MemberState> = {}): MemberState {
  return {
    schemaId: 'r01-aed',
    resourceId,
    packageId: `pkg-${resourceId}`,
    version: 1,
    tableModified: '2026-11-25T03:00:00.000000',
    tableRows: 10,
    publisherCode: '011002',
    publisherName: '札幌市',
    ...overrides,
  };
}

function stored(resourceId: string, overrides: Partial<MemberState> = {}): StoredMember {
  return { ...state(resourceId, overrides), columns: [], rowCount: 10 };
}

describe('diffMembers', () => {
  it('sorts members into added, removed, changed and unchanged', () => {
    const d = diffMembers(
      [stored('a'), stored('b'), stored('c')],
      [state('a'), state('b', { version: 2 }), state('d')],
    );
    assert.deepEqual(
      [
        d.added.map((m) => m.resourceId),
        d.removed.map((m) => m.resourceId),
        d.changed.map((c) => c.after.resourceId),
        d.unchanged.map((m) => m.resourceId),
      ],
      [['d'], ['c'], ['b'], ['a']],
    );
  });

  it('counts a table written since the copy, or a renamed publisher, as a change', () => {
    const d = diffMembers(
      [stored('a'), stored('b')],
      [
        state('a', { tableModified: '2026-11-26T00:00:00.000000' }),
        state('b', { publisherName: '新市' }),
      ],
    );
    assert.equal(d.changed.length, 2);
  });

  it('finds nothing to do when every member is as copied', () => {
    assert.equal(isEmptyDiff(diffMembers([stored('a')], [state('a')])), true);
  });
});
