import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ActionContext } from '../../core/action.ts';
import type { Platform } from '../../platform/index.ts';
import { AppError } from '../../core/errors.ts';
import { buildToiletCsv } from '../../../test/fixtures/validator/build-table.ts';
import { schemaActions } from '../index.ts';
import { schemaList } from './schema-list.ts';
import { schemaShow } from './schema-show.ts';
import { tableValidate } from './table-validate.ts';

import { testBackends } from '../../../test/support/backends.ts';

// The schema actions run through the platform's one registry, as the API and CLI call them.
let platform: Platform;
let ctx: ActionContext;
before(async () => {
  const sqlite = testBackends().find((b) => b.name === 'sqlite');
  if (!sqlite) throw new Error('no SQLite backend');
  platform = await sqlite.open({ seed: false });
  ctx = platform.context();
});
after(() => platform?.close());
const call = (name: string, input: unknown) => platform.registry.call(name, ctx, input);

test('s5_schema_list lists every schema with its column count', async () => {
  const list = (await call('s5_schema_list', {})) as Array<{
    id: string;
    columns: number;
    verified: boolean;
  }>;
  assert.equal(list.length, 31);
  assert.deepEqual(
    list.find((s) => s.id === 'a13-public_toilet'),
    {
      id: 'a13-public_toilet',
      title: { ja: '公衆トイレ一覧', en: 'Public toilets' },
      generation: 'current',
      dataset_number: '13',
      slug: 'public_toilet',
      verified: true,
      verification: 'verified',
      columns: 39,
    },
  );
});

test('s5_schema_list filters by generation', async () => {
  const list = await schemaList.run(ctx, { generation: 'legacy' });
  assert.equal(list.length, 14);
});

test('s5_schema_show returns the schema with its s5 extensions', async () => {
  const schema = await schemaShow.run(ctx, { id: 'a13', format: 's5' });
  assert.ok('s5' in schema && schema.s5.id === 'a13-public_toilet');
});

test('s5_schema_show as tableschema has no s5 extension anywhere', async () => {
  const schema = await schemaShow.run(ctx, { id: 'a13-public_toilet', format: 'tableschema' });
  assert.ok(!JSON.stringify(schema).includes('"s5"'));
  assert.equal(schema.fields.length, 39);
});

test('s5_schema_show of an unknown id is not_found', async () => {
  await assert.rejects(
    call('s5_schema_show', { id: 'nope' }),
    (e: unknown) => e instanceof AppError && e.code === 'not_found',
  );
});

test('s5_validate returns the report and a text rendering', async () => {
  const content_base64 = Buffer.from(buildToiletCsv([{ 高度の種別: '階' }])).toString('base64');
  const result = await tableValidate.run(ctx, { content_base64, lang: 'en' });
  assert.deepEqual([result.valid, result.schema?.id], [false, 'a13-public_toilet']);
  assert.match(result.text, /^s5 validation report/);
});

test('s5_validate refuses more than 10 MB with an error naming content_base64', async () => {
  const content_base64 = 'A'.repeat(Math.ceil((10 * 1024 * 1024 * 4) / 3) + 8);
  await assert.rejects(
    call('s5_validate', { content_base64 }),
    (e: unknown) =>
      e instanceof AppError && e.code === 'validation' && e.fields?.content_base64 !== undefined,
  );
});

test('every schema action is read-only, open to anyone, with an example that passes its input', () => {
  for (const action of schemaActions) {
    assert.equal(action.readOnly, true);
    assert.equal(action.auth, 'anyone');
    assert.ok(action.input.safeParse(action.example).success, action.name);
  }
});
