import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeSourceUrl } from './schema.ts';

describe('normalizeSourceUrl', () => {
  it('accepts a portal or its API URL and gives the base the API is under', () => {
    assert.deepEqual(
      [
        'https://data.example.jp/',
        'https://data.example.jp/api/3/action/package_search?q=x',
        'https://example.jp/ckan/api/3',
        'http://127.0.0.1:5000/api',
      ].map(normalizeSourceUrl),
      [
        'https://data.example.jp',
        'https://data.example.jp',
        'https://example.jp/ckan',
        'http://127.0.0.1:5000',
      ],
    );
  });

  it('refuses other schemes and URLs with credentials', () => {
    assert.deepEqual(
      ['ftp://example.jp', 'https://user:pw@example.jp', 'not a url', 'file:///etc/passwd'].map(
        normalizeSourceUrl,
      ),
      [null, null, null, null],
    );
  });
});
