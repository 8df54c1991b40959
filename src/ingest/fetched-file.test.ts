import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isTabular } from './auto-ingest.ts';
import { fetchedFileName, sourceUrlOf } from './fetched-file.ts';

describe('sourceUrlOf', () => {
  it('is the url of a link resource', () => {
    assert.equal(
      sourceUrlOf({ url: 'https://example.jp/aed.csv', url_type: '', extras: '{}' }),
      'https://example.jp/aed.csv',
    );
  });

  it('is the kept source_url of a fetched copy, not its download URL', () => {
    const fetched = {
      url: 'http://s5.test/dataset/x/resource/y/download/aed.csv',
      url_type: 'upload',
      extras: JSON.stringify({ source_url: 'https://example.jp/aed.csv' }),
    };
    assert.equal(sourceUrlOf(fetched), 'https://example.jp/aed.csv');
  });

  it('is null for a plain upload and for a resource without a URL', () => {
    assert.deepEqual(
      [
        sourceUrlOf({ url: 'http://s5.test/d/download/a.csv', url_type: 'upload', extras: '{}' }),
        sourceUrlOf({ url: '', url_type: '', extras: '{}' }),
        sourceUrlOf({ url: 'x', url_type: 'upload', extras: 'not json' }),
      ],
      [null, null, null],
    );
  });
});

describe('fetchedFileName', () => {
  it('takes the UTF-8 name of Content-Disposition first', () => {
    const name = fetchedFileName('https://example.jp/download?id=3', {
      'content-disposition': `attachment; filename="aed.csv"; filename*=UTF-8''${encodeURIComponent('AED一覧.csv')}`,
    });
    assert.equal(name, 'AED一覧.csv');
  });

  it('falls back to the last segment of the final URL, decoded', () => {
    assert.equal(
      fetchedFileName(`https://example.jp/od/${encodeURIComponent('避難所.xlsx')}?v=2`, {}),
      '避難所.xlsx',
    );
  });

  it('adds the extension of the media type to a name without one', () => {
    assert.deepEqual(
      [
        fetchedFileName('https://example.jp/api/aed', {
          'content-type': 'text/csv; charset=utf-8',
        }),
        fetchedFileName('https://example.jp/', { 'content-type': 'text/csv' }),
      ],
      ['aed.csv', 'download.csv'],
    );
  });

  it('never gives a name with a directory in it', () => {
    const name = fetchedFileName('https://example.jp/x', {
      'content-disposition': 'attachment; filename="../../etc/passwd"',
    });
    assert.equal(name, 'passwd');
  });

  it('returns a non-empty base name for any URL and header', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.string(), (url, disposition) => {
        const name = fetchedFileName(url, { 'content-disposition': disposition });
        return name.length > 0 && !name.includes('/') && !name.includes('\\');
      }),
    );
  });
});

describe('isTabular', () => {
  it('loads CSV, TSV, TXT and XLSX by format, else by file extension', () => {
    assert.deepEqual(
      [
        isTabular('CSV', 'x'),
        isTabular('xlsx', 'x'),
        isTabular('', 'a.tsv'),
        isTabular(null, 'a.TXT'),
        isTabular('PDF', 'a.csv'),
        isTabular('', 'a.pdf'),
      ],
      [true, true, true, true, false, false],
    );
  });
});
