import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datasetInput, datasetValues, splitTags } from './dataset-input.ts';

describe('the dataset form', () => {
  it('splits tags at commas, full-width commas, 読点 and new lines, once each, in order', () => {
    assert.deepEqual(splitTags('防災、医療,観光，福祉\n防災 ,  , 子育て'), [
      '防災',
      '医療',
      '観光',
      '福祉',
      '子育て',
    ]);
    assert.deepEqual(splitTags('  '), []);
  });

  it('turns the form into package input: visibility, tags and groups as dicts', () => {
    const input = datasetInput({
      title: 'AED設置箇所一覧',
      name: 'sapporo-aed',
      notes: '',
      owner_org: 'sapporo-shi',
      license_id: '',
      tags: '防災、医療',
      groups: ['ishikari'],
      private: 'false',
    });
    assert.equal(input.private, false);
    assert.deepEqual(input.tags, [{ name: '防災' }, { name: '医療' }]);
    assert.deepEqual(input.groups, [{ name: 'ishikari' }]);
    assert.equal('license_id' in input, false, 'an empty choice keeps the default licence');
    assert.equal(datasetInput({ ...datasetValues(sample), private: '' }).private, true);
  });

  it('fills the edit form from a dataset so that saving it unchanged changes nothing', () => {
    const again = datasetInput(datasetValues(sample));
    assert.deepEqual(again, {
      title: sample.title,
      name: sample.name,
      notes: sample.notes,
      license_id: sample.license_id,
      private: sample.private,
      tags: sample.tags,
      groups: sample.groups,
    });
  });
});

const sample = {
  title: '公衆トイレ一覧',
  name: 'hakodate-public-toilet',
  notes: '市が管理する公衆トイレです。',
  organization: { name: 'hakodate-shi' },
  license_id: 'cc-by-4.0',
  tags: [{ name: '観光' }, { name: '福祉' }],
  groups: [{ name: 'oshima' }],
  private: true,
};
