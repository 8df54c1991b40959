import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HarvestedFields } from './harvested-fields.ts';
import { type LocalDataset, mergeLocal } from './merge-local.ts';

function fields(overrides: Partial<HarvestedFields> = {}): HarvestedFields {
  return {
    title: '題名',
    notes: '説明',
    license_id: 'cc-by-4.0',
    author: '',
    author_email: '',
    maintainer: '',
    maintainer_email: '',
    version: '',
    url: '',
    tags: ['防災'],
    extras: { spatial: 'x' },
    resources: [
      { remote_id: 'r1', name: 'a.csv', url: 'https://e.jp/a.csv', description: '', format: 'CSV' },
    ],
    ...overrides,
  };
}

/** The local copy exactly as the harvest wrote `f`, with local resource ids. */
function localOf(f: HarvestedFields, overrides: Partial<LocalDataset> = {}): LocalDataset {
  const { tags, extras, resources, ...scalars } = f;
  return {
    scalars,
    tags,
    extras: { ...extras },
    resources: resources.map((r) => ({
      localId: `local-${r.remote_id}`,
      remoteId: r.remote_id,
      fields: { name: r.name, url: r.url, description: r.description, format: r.format },
    })),
    ...overrides,
  };
}

describe('mergeLocal', () => {
  it('takes every remote change when nothing was edited locally', () => {
    const previous = fields();
    const remote = fields({
      title: '新しい題名',
      tags: ['防災', '避難'],
      extras: { spatial: 'y' },
    });
    const merged = mergeLocal(remote, previous, localOf(previous), new Set());
    assert.deepEqual(
      [merged.scalars.title, merged.tags, merged.extras, merged.kept, merged.changed],
      ['新しい題名', ['防災', '避難'], { spatial: 'y' }, [], true],
    );
  });

  it('keeps a field edited locally since the last harvest and reports it', () => {
    const previous = fields();
    const local = localOf(previous);
    local.scalars.title = '地元の題名';
    const merged = mergeLocal(
      fields({ title: 'リモートの題名', notes: '新しい説明' }),
      previous,
      local,
      new Set(),
    );
    assert.deepEqual(
      [merged.scalars.title, merged.scalars.notes, merged.kept],
      ['地元の題名', '新しい説明', [{ field: 'title', reason: 'edited' }]],
    );
  });

  it('keeps fields declared local, down to one extra key', () => {
    const previous = fields({ extras: { spatial: 'x', theme: 'a' } });
    const remote = fields({ tags: ['別'], extras: { spatial: 'y', theme: 'b' } });
    const merged = mergeLocal(
      remote,
      previous,
      localOf(previous),
      new Set(['tags', 'extras.theme']),
    );
    assert.deepEqual(
      [merged.tags, merged.extras, merged.kept.map((k) => k.field)],
      [['防災'], { spatial: 'y', theme: 'a' }, ['extras.theme', 'tags']],
    );
  });

  it('keeps extras and resources an editor added, and drops what the remote removed', () => {
    const previous = fields({ extras: { spatial: 'x', old: '1' } });
    const local = localOf(previous);
    local.extras.note_ja = '地元の注記';
    local.resources.push({
      localId: 'mine',
      remoteId: null,
      fields: { name: '地元.pdf', url: 'https://local/x.pdf', description: '', format: 'PDF' },
    });
    const merged = mergeLocal(fields({ resources: [] }), previous, local, new Set());
    assert.deepEqual(
      [merged.extras, merged.resources.map((r) => r.localId), merged.kept],
      [{ spatial: 'x', note_ja: '地元の注記' }, ['mine'], []],
    );
  });

  it('matches resources by remote id: updates in place and adds new ones', () => {
    const previous = fields();
    const remote = fields({
      resources: [
        {
          remote_id: 'r2',
          name: 'b.csv',
          url: 'https://e.jp/b.csv',
          description: '',
          format: 'CSV',
        },
        {
          remote_id: 'r1',
          name: 'a2.csv',
          url: 'https://e.jp/a2.csv',
          description: '',
          format: 'CSV',
        },
      ],
    });
    const merged = mergeLocal(remote, previous, localOf(previous), new Set());
    assert.deepEqual(
      merged.resources.map((r) => [r.localId, r.remoteId, r.fields.url]),
      [
        [null, 'r2', 'https://e.jp/b.csv'],
        ['local-r1', 'r1', 'https://e.jp/a2.csv'],
      ],
    );
  });

  it('says nothing changed when the remote change is all in kept fields', () => {
    const previous = fields();
    const local = localOf(previous);
    local.scalars.notes = '地元の説明';
    const merged = mergeLocal(fields({ notes: 'リモートの説明' }), previous, local, new Set());
    assert.equal(merged.changed, false);
  });

  it('without a record of the last harvest, takes the remote but keeps local-only keys', () => {
    const local = localOf(fields({ title: '古い' }));
    local.extras.mine = '1';
    const merged = mergeLocal(fields(), null, local, new Set());
    assert.deepEqual([merged.scalars.title, merged.extras.mine, merged.kept], ['題名', '1', []]);
  });
});
