import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { register } from './schemas.ts';

async function run(...args: string[]) {
  const io = { stdout: '', stderr: '', code: 0 };
  const program = new Command().exitOverride();
  register(program, {
    out: (t) => {
      io.stdout += t;
    },
    err: (t) => {
      io.stderr += t;
    },
    exit: (c) => {
      io.code = c;
    },
    interactive: false,
  });
  await program.parseAsync(['node', 's5', 'schemas', ...args]);
  return io;
}

test('schemas list prints one line per schema', async () => {
  const io = await run('list');
  assert.equal(io.stdout.trim().split('\n').length, 31);
  assert.match(io.stdout, /a13-public_toilet\s+current\s+39列 検証済\s+公衆トイレ一覧/);
});

test('schemas show prints the schema JSON, --table-schema the pure Table Schema', async () => {
  const full = JSON.parse((await run('show', 'a13')).stdout);
  const pure = JSON.parse((await run('show', 'a13', '--table-schema')).stdout);
  assert.equal(full.s5.id, 'a13-public_toilet');
  assert.equal(pure.s5, undefined);
  assert.equal(pure.fields[0].s5, undefined);
});

test('schemas show of an unknown id exits 2 with a message', async () => {
  const io = await run('show', 'z99');
  assert.equal(io.code, 2);
  assert.match(io.stderr, /z99/);
});
