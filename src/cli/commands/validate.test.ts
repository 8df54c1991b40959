import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Command } from 'commander';
import { buildToiletCsv } from '../../../test/fixtures/validator/build-table.ts';
import { type CliIo, register } from './validate.ts';

const REAL = path.resolve('test/fixtures/real-csv');

async function run(...args: string[]) {
  const io = { stdout: '', stderr: '', code: -1 };
  const cli: CliIo = {
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
  };
  const program = new Command().exitOverride();
  register(program, cli);
  await program.parseAsync(['node', 's5', 'validate', ...args]);
  return io;
}

function tempFile(name: string, bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 's5-validate-')), name);
  writeFileSync(file, bytes);
  return file;
}

test('a valid file exits 0 with a Japanese text report', async () => {
  const io = await run(tempFile('012301_public_toilet.csv', buildToiletCsv([{}])));
  assert.equal(io.code, 0);
  assert.match(io.stdout, /結果: 適合/);
});

test('an invalid file exits 1', async () => {
  const io = await run(path.join(REAL, 'yaizu_222127_public_toilet.csv'));
  assert.equal(io.code, 1);
});

test('an unreadable file exits 2', async () => {
  const io = await run(tempFile('x.csv', new TextEncoder().encode('%PDF-1.4\n')));
  assert.equal(io.code, 2);
});

test('--json prints the report as JSON and --lang en switches the text report', async () => {
  const file = path.join(REAL, 'yaizu_222127_aed.csv');
  const json = JSON.parse((await run(file, '--json')).stdout);
  assert.equal(json.schema.id, 'r01-aed');
  assert.match((await run(file, '--lang', 'en')).stdout, /Result: valid/);
});

test('--schema forces the dataset', async () => {
  const io = await run(path.join(REAL, 'yaizu_222127_nouen.csv'), '--schema', 'r12', '--json');
  assert.equal(JSON.parse(io.stdout).schema.id, 'r12-public_facility');
});

test('--fix writes the corrected UTF-8 copy and lists the changes', async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 's5-fix-')), 'fixed.csv');
  const io = await run(path.join(REAL, 'yaizu_222127_evacuation_space.csv'), '--fix', out);
  assert.match(io.stdout, /修正版を書き出しました/);
  assert.match(io.stdout, /"○" → "1" \(flag_not_allowed\)/);
  assert.ok(readFileSync(out, 'utf8').split('\r\n')[1]?.includes(',1,1,'));
});

test('--prefecture enables the area check', async () => {
  const file = tempFile('t.csv', buildToiletCsv([{ 緯度: '35.681236', 経度: '139.767125' }]));
  const json = JSON.parse((await run(file, '--prefecture', '01', '--json')).stdout);
  assert.equal(json.summary.byCode.coordinates_outside_prefecture, 2);
});
