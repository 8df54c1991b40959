import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../core/errors.ts';
import { parseFilter } from './parse-filter.ts';
import { parseQuery } from './parse-query.ts';

const now = new Date('2026-11-25T00:00:00Z');

describe('fq parsing', () => {
  it('ANDs plain terms and reads quoted values', () => {
    assert.deepEqual(parseFilter('organization:sapporo-shi tags:"防災 情報"', now), {
      kind: 'and',
      children: [
        { kind: 'term', field: 'organization', value: 'sapporo-shi' },
        { kind: 'term', field: 'tags', value: '防災 情報' },
      ],
    });
  });

  it('reads OR, negation, + and grouped values', () => {
    assert.deepEqual(parseFilter('+res_format:CSV -tags:x groups:(tokachi OR kushiro)', now), {
      kind: 'and',
      children: [
        { kind: 'term', field: 'res_format', value: 'CSV' },
        { kind: 'not', child: { kind: 'term', field: 'tags', value: 'x' } },
        {
          kind: 'or',
          children: [
            { kind: 'term', field: 'groups', value: 'tokachi' },
            { kind: 'term', field: 'groups', value: 'kushiro' },
          ],
        },
      ],
    });
  });

  it('reads the metadata_modified range harvesters send', () => {
    assert.deepEqual(parseFilter('metadata_modified:[2026-01-01T00:00:00Z TO *]', now), {
      kind: 'range',
      field: 'metadata_modified',
      from: '2026-01-01T00:00:00',
      to: null,
    });
  });

  it('names an unknown field in its error', () => {
    assert.throws(
      () => parseFilter('secret_field:1', now),
      (e: unknown) =>
        e instanceof AppError && e.code === 'search_query' && e.message.includes('secret_field'),
    );
  });

  it('rejects an unbalanced quote', () => {
    assert.throws(() => parseFilter('tags:"abc', now), /unbalanced quote/);
  });

  it('throws only search_query errors on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          parseFilter(s, now);
        } catch (e) {
          return e instanceof AppError && e.code === 'search_query';
        }
        return true;
      }),
    );
  });
});

describe('q parsing', () => {
  it('separates field terms from free text and normalises the words', () => {
    const q = parseQuery('ＡＥＤ tags:防災 札幌', now);
    assert.deepEqual(q.words, ['aed', '札幌']);
    assert.deepEqual(q.filters, [{ kind: 'term', field: 'tags', value: '防災' }]);
  });

  it('treats *:* as match-all', () => {
    assert.deepEqual(parseQuery('*:*', now), { words: [], filters: [], matchesNothing: false });
  });

  it('matches nothing for text without letters or digits', () => {
    assert.equal(parseQuery('^$%&', now).matchesNothing, true);
  });
});
