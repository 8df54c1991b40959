import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import {
  type ActionContext,
  ActionRegistry,
  anonymous,
  defineAction,
  type WriteEvent,
} from './action.ts';
import { AppError } from './errors.ts';
import { createLogger } from './logger.ts';

const write = defineAction({
  name: 'thing_create',
  description: 'Creates a thing.',
  input: z.strictObject({ name: z.string() }),
  readOnly: false,
  auth: 'anyone',
  example: { name: 'a' },
  run: async (_ctx, input) => {
    if (input.name === 'bad') throw new AppError('validation', 'bad name');
    return { id: input.name };
  },
});
const read = defineAction({
  name: 'thing_show',
  description: 'Shows a thing.',
  input: z.strictObject({}),
  readOnly: true,
  auth: 'anyone',
  example: {},
  run: async () => ({ ok: true }),
});

function context(errors: string[] = []): ActionContext {
  const log = createLogger('silent');
  return {
    db: undefined as never,
    actor: anonymous,
    now: new Date(0),
    log: { ...log, error: (message: string) => void errors.push(message) },
    site: undefined as never,
    files: undefined as never,
    origin: 'test',
  };
}

test('write listeners see each successful write with its parsed input and result', async () => {
  const registry = new ActionRegistry([write, read]);
  const seen: WriteEvent[] = [];
  registry.onWrite((e) => void seen.push(e));
  await registry.call('thing_create', context(), { name: 'x' });
  await registry.call('thing_show', context(), {});
  await assert.rejects(registry.call('thing_create', context(), { name: 'bad' }));
  assert.deepEqual(
    seen.map((e) => [e.name, e.input, e.result]),
    [['thing_create', { name: 'x' }, { id: 'x' }]],
  );
});

test('a failing write listener is logged and does not fail the committed write', async () => {
  const registry = new ActionRegistry([write]);
  const errors: string[] = [];
  registry.onWrite(() => {
    throw new Error('listener broke');
  });
  const result = await registry.call('thing_create', context(errors), { name: 'y' });
  assert.deepEqual(result, { id: 'y' });
  assert.deepEqual(errors, ['write listener failed']);
});

test('strings or keys holding U+0000 are refused as a validation error naming the field', async () => {
  const registry = new ActionRegistry([write]);
  await assert.rejects(registry.call('thing_create', context(), { name: 'a\u0000b' }), (error) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'validation');
    assert.deepEqual(error.fields, {
      name: ['Must not contain the NUL character (U+0000)'],
    });
    return true;
  });
  await assert.rejects(registry.call('thing_create', context(), { 'x\u0000': 'a' }), AppError);
});
