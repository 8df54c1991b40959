import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSchema, listSchemas } from '../catalog/load-schemas.ts';
import { RECOGNIZED_CONFIDENCE, recognizeHeader } from './recognize-header.ts';

const names = (id: string) => getSchema(id).fields.map((f) => f.name);

function recognize(header: string[], schemaId?: string) {
  return recognizeHeader(header, listSchemas(), schemaId === undefined ? {} : { schemaId });
}

test('an exact 定義書A-13 header is 公衆トイレ一覧 of the current generation with confidence 1', () => {
  const { best } = recognize(names('a13-public_toilet'));
  assert.equal(best?.schema.s5.id, 'a13-public_toilet');
  assert.equal(best?.schema.s5.generation, 'current');
  assert.equal(best?.confidence, 1);
  assert.ok(best?.columns.every((c) => c.kind === 'exact'));
});

test('every recognisable schema recognises its own exact header', () => {
  for (const schema of listSchemas().filter((s) => s.s5.recognize)) {
    const { best } = recognize(schema.fields.map((f) => f.name));
    assert.equal(best?.schema.s5.id, schema.s5.id);
  }
});

test('the legacy 公衆トイレ一覧 header is recognised as the legacy generation', () => {
  const { best, nearMisses } = recognize(names('r08-public_toilet'));
  assert.equal(best?.schema.s5.id, 'r08-public_toilet');
  assert.equal(best?.schema.s5.generation, 'legacy');
  assert.equal(nearMisses[0]?.schema.s5.id, 'a13-public_toilet');
});

test('a damaged header (U+2015, full-width underscore, spaces) still maps every column', () => {
  const header = names('r13-preschool').map((name, i) => {
    if (i === 0) return '都道府県コ―ド又は市区町村コ―ド';
    if (name === '名称_カナ') return '名称＿カナ';
    if (name === '認可等年月日') return ' 認可等　年月日 ';
    return name;
  });
  const { best } = recognize(header);
  assert.equal(best?.schema.s5.id, 'r13-preschool');
  assert.ok(best && best.confidence >= RECOGNIZED_CONFIDENCE);
  assert.deepEqual(best?.missing, []);
  assert.equal(best?.columns[0]?.kind, 'normalized');
  assert.equal(best?.columns[0]?.certain, true);
});

test('numbered headers such as 1_名称 or 名称(1) map to their item', () => {
  const header = names('a14-fire_hydrant').map((n, i) =>
    i % 2 === 0 ? `${i + 1}_${n}` : `${n}(${i + 1})`,
  );
  const { best } = recognize(header);
  assert.equal(best?.schema.s5.id, 'a14-fire_hydrant');
  assert.ok(best?.columns.every((c) => c.kind === 'numbered'));
});

test('English item names as headers map through the aliases', () => {
  const header = getSchema('a13-public_toilet').fields.map((f) => f.s5.nameEn);
  const { best } = recognize(header);
  assert.equal(best?.schema.s5.id, 'a13-public_toilet');
  assert.ok(best && best.confidence >= RECOGNIZED_CONFIDENCE);
});

test('a misspelt item maps to the intended name with its edit distance', () => {
  const header = names('a13-public_toilet').map((n) =>
    n === '所在地_連結表記' ? '所在地_連結標記' : n,
  );
  const column = recognize(header).best?.columns.find((c) => c.header === '所在地_連結標記');
  assert.equal(column?.field, '所在地_連結表記');
  assert.equal(column?.kind, 'misspelled');
  assert.equal(column?.distance, 1);
  assert.equal(column?.certain, true);
});

test('a transposition typo such as iamgeLicense counts as one edit', () => {
  const header = [...names('r08-public_toilet').slice(0, -2), 'iamgeLicense', '備考'];
  const column = recognize(header).best?.columns.find((c) => c.header === 'iamgeLicense');
  assert.equal(column?.field, '画像_ライセンス');
  assert.equal(column?.distance, 1);
});

test('short names are never matched by edit distance', () => {
  const column = recognize([...names('r07-public_wireless_lan'), 'UR']).best?.columns.at(-1);
  assert.equal(column?.field, null);
  assert.equal(column?.kind, 'unknown');
});

test('a second column with the same name is reported as a duplicate', () => {
  const header = [...names('a14-fire_hydrant'), '緯度'];
  const last = recognize(header).best?.columns.at(-1);
  assert.equal(last?.kind, 'duplicate');
  assert.equal(last?.field, null);
});

test('a header of no standard dataset is not recognised, with near misses listed', () => {
  const { best, nearMisses } = recognize(['農園名', '区分', '住所', '緯度', '経度']);
  assert.equal(best, null);
  assert.ok(nearMisses.length > 0);
});

test('a schema asked for is used whatever its confidence', () => {
  const { best } = recognize(['農園名', '住所'], 'r01-aed');
  assert.equal(best?.schema.s5.id, 'r01-aed');
  assert.ok(best && best.confidence < 0.5);
});

test('schemas without a known column list are never recognised automatically', () => {
  const { best } = recognize(names('a16-school_lunch_menu'));
  assert.notEqual(best?.schema.s5.id, 'a16-school_lunch_menu');
});
