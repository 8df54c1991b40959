import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Platform } from '../../platform/index.ts';
import { testBackends } from '../../../test/support/backends.ts';
import {
  createDataset,
  createTable,
  createTestUsers,
  openDatastorePlatform,
  rejectsWith,
  type TestUsers,
} from '../testing/fixtures.ts';
import { Cp932CellEncoder } from './encode-cp932.ts';
import { collectExport, createExportTable } from './export-testing.ts';

const CSV =
  '_id,名称,人数,緯度,経度,備考,金額\r\n' +
  "1,札幌市役所,10,43.0621,141.3544,'=SUM(A1),-12.5\r\n" +
  '2,"𠮷野家, ""本店""",,,,"\'@home\n二行目",\r\n' +
  '3,㊙基地〜,-3,43.5,142,-12.5,0\r\n';

for (const backend of testBackends()) {
  describe(`exportTable on ${backend.name}`, { skip: backend.skip }, () => {
    let p: Platform;
    let u: TestUsers;
    let id: string;
    before(async () => {
      p = await openDatastorePlatform(backend);
      u = await createTestUsers(p);
      id = await createExportTable(p, u);
    });
    after(() => p?.close());

    it('writes RFC 4180 CSV with _id first, quoting and formulas neutralised', async () => {
      assert.equal((await collectExport(p, id, 'csv')).toString('utf8'), CSV);
    });

    it('starts UTF-8 CSV with a byte order mark when asked', async () => {
      const bytes = await collectExport(p, id, 'csv', { bom: true });
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.equal(bytes.subarray(3).toString('utf8'), CSV);
    });

    it('writes TSV with tabs and line breaks inside cells turned into spaces', async () => {
      assert.equal(
        (await collectExport(p, id, 'tsv')).toString('utf8'),
        '_id\t名称\t人数\t緯度\t経度\t備考\t金額\r\n' +
          "1\t札幌市役所\t10\t43.0621\t141.3544\t'=SUM(A1)\t-12.5\r\n" +
          '2\t𠮷野家, "本店"\t\t\t\t\'@home 二行目\t\r\n' +
          '3\t㊙基地〜\t-3\t43.5\t142\t-12.5\t0\r\n',
      );
    });

    it('writes CP932 that decodes back, with 〓 for the characters CP932 lacks, and reports them', async () => {
      const cells = new Cp932CellEncoder();
      const bytes = await collectExport(p, id, 'csv-cp932', { cp932: cells });
      assert.equal(
        iconv.decode(bytes, 'cp932'),
        CSV.replace('𠮷', '〓').replace('㊙', '〓').replace('〜', '～'),
      );
      assert.equal(cells.count, 2);
      assert.deepEqual(cells.found, [
        { row: 2, column: '名称', char: '𠮷' },
        { row: 3, column: '名称', char: '㊙' },
      ]);
    });

    it('writes JSON as CKAN dumps it: fields, then records as value lists, unneutralised', async () => {
      const json = JSON.parse((await collectExport(p, id, 'json')).toString('utf8'));
      assert.deepEqual(json, {
        fields: [
          { id: '_id', type: 'int' },
          { id: '名称', type: 'text' },
          { id: '人数', type: 'int4' },
          { id: '緯度', type: 'float8' },
          { id: '経度', type: 'float8' },
          { id: '備考', type: 'text' },
          { id: '金額', type: 'numeric' },
        ],
        records: [
          [1, '札幌市役所', 10, 43.0621, 141.3544, '=SUM(A1)', -12.5],
          [2, '𠮷野家, "本店"', null, null, null, '@home\n二行目', null],
          [3, '㊙基地〜', -3, 43.5, 142, '-12.5', 0],
        ],
      });
    });

    it('writes a GeoJSON FeatureCollection of [経度, 緯度] points, null geometry without coordinates', async () => {
      const geo = JSON.parse((await collectExport(p, id, 'geojson')).toString('utf8'));
      assert.equal(geo.type, 'FeatureCollection');
      assert.deepEqual(
        geo.features.map((f: { type: string; geometry: unknown }) => [f.type, f.geometry]),
        [
          ['Feature', { type: 'Point', coordinates: [141.3544, 43.0621] }],
          ['Feature', null],
          ['Feature', { type: 'Point', coordinates: [142, 43.5] }],
        ],
      );
      assert.deepEqual(geo.features[0].properties, {
        _id: 1,
        名称: '札幌市役所',
        人数: 10,
        緯度: 43.0621,
        経度: 141.3544,
        備考: '=SUM(A1)',
        金額: -12.5,
      });
    });

    it('refuses GeoJSON for a table without latitude and longitude columns', async () => {
      const plain = await createTable(p, u, await createDataset(p, u), {
        fields: [{ id: 'a', type: 'text' }],
      });
      await rejectsWith(collectExport(p, plain, 'geojson'), 'validation', ['format']);
    });

    it('writes an XLSX that exceljs reads back, numbers as numbers and formulas neutralised', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(await collectExport(p, id, 'xlsx')).buffer);
      const sheet = workbook.worksheets[0];
      assert.ok(sheet);
      const rows: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        rows.push(Array.from({ length: 7 }, (_, i) => row.getCell(i + 1).value));
      });
      assert.deepEqual(rows, [
        ['_id', '名称', '人数', '緯度', '経度', '備考', '金額'],
        [1, '札幌市役所', 10, 43.0621, 141.3544, "'=SUM(A1)", -12.5],
        [2, '𠮷野家, "本店"', null, null, null, "'@home\n二行目", null],
        [3, '㊙基地〜', -3, 43.5, 142, '-12.5', 0],
      ]);
    });
  });
}
