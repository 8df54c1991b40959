import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUrl } from './check-url.ts';

const codesOf = (value: string) => checkUrl(value).findings.map((f) => f.code);

test('an absolute https URL conforms', () => {
  assert.deepEqual(checkUrl('https://www.city.sapporo.jp/index.html'), { ok: true, findings: [] });
});

test('a full-width URL is fixed to ASCII', () => {
  assert.equal(checkUrl('ｈｔｔｐｓ：／／ｗｗｗ．ｃｉｔｙ．ｊｐ／').fixed, 'https://www.city.jp/');
});

test('a bare host lacks its scheme and is not guessed', () => {
  const result = checkUrl('www.city.sapporo.jp');
  assert.deepEqual(
    { codes: result.findings.map((f) => f.code), fixed: result.fixed },
    { codes: ['url_missing_scheme'], fixed: undefined },
  );
});

test('other schemes are errors', () => {
  assert.deepEqual(codesOf('mailto:info@city.jp'), ['url_scheme']);
});

test('spaces inside a URL are errors, several URLs a warning', () => {
  const results = [codesOf('https://a.jp/x y'), codesOf('https://a.jp https://b.jp')];
  assert.deepEqual(results, [['url_contains_space'], ['url_multiple']]);
});

test('a Japanese path is a notice only', () => {
  assert.deepEqual(
    {
      ok: checkUrl('https://example.jp/お知らせ').ok,
      codes: codesOf('https://example.jp/お知らせ'),
    },
    { ok: true, codes: ['url_non_ascii'] },
  );
});
