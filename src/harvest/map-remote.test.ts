import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapRemotePackage, skipReason } from './map-remote.ts';
import { remotePackage } from './remote/ckan-schema.ts';

const LICENSES = new Set(['cc-by-4.0', 'other']);

const remote = (overrides: Record<string, unknown> = {}) =>
  remotePackage.parse({
    id: 'r-1',
    name: 'aed',
    metadata_modified: '2026-11-25T03:00:00.000000',
    title: 'AED一覧',
    license_id: 'cc-by-4.0',
    tags: [{ name: '防災' }],
    extras: [{ key: 'spatial', value: 'x' }],
    resources: [{ id: 'res-1', url: 'https://e.jp/a.csv', name: 'a', format: 'CSV' }],
    ...overrides,
  });

describe('mapRemotePackage', () => {
  it('maps CKAN fields; remote nulls become empty strings', () => {
    const { fields, warnings } = mapRemotePackage(remote({ notes: null, author: null }), LICENSES);
    assert.deepEqual(
      [
        fields.title,
        fields.notes,
        fields.author,
        fields.tags,
        fields.extras,
        fields.resources,
        warnings,
      ],
      [
        'AED一覧',
        '',
        '',
        ['防災'],
        { spatial: 'x' },
        [
          {
            remote_id: 'res-1',
            name: 'a',
            url: 'https://e.jp/a.csv',
            description: '',
            format: 'CSV',
          },
        ],
        [],
      ],
    );
  });

  it('drops tags the local rule refuses and maps unknown licences to other, with warnings', () => {
    const { fields, warnings } = mapRemotePackage(
      remote({ tags: [{ name: 'ok' }, { name: 'a/b' }], license_id: 'odc-by' }),
      LICENSES,
    );
    assert.deepEqual([fields.tags, fields.license_id, warnings.length], [['ok'], 'other', 2]);
  });

  it("leaves out the remote's own harvest_* extras", () => {
    const { fields } = mapRemotePackage(
      remote({
        extras: [
          { key: 'harvest_object_id', value: '1' },
          { key: 'k', value: 2 },
        ],
      }),
      LICENSES,
    );
    assert.deepEqual(fields.extras, { k: '2' });
  });

  it('titles an untitled dataset with its name', () => {
    assert.equal(mapRemotePackage(remote({ title: '' }), LICENSES).fields.title, 'aed');
  });
});

describe('skipReason', () => {
  it('skips private, deleted and non-dataset entries a remote should not have listed', () => {
    assert.deepEqual(
      [
        remote(),
        remote({ private: true }),
        remote({ state: 'deleted' }),
        remote({ type: 'harvest' }),
      ].map(skipReason),
      [null, 'private', 'state deleted', 'type harvest'],
    );
  });
});
