import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildRegistry } from '../src/platform/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function testSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) testSources(full, out);
    else if (name.endsWith('.test.ts')) out.push(readFileSync(full, 'utf8'));
  }
  return out;
}

describe('action registry structure', () => {
  const registry = buildRegistry();
  const tests = [
    ...testSources(path.join(ROOT, 'src')),
    ...testSources(path.join(ROOT, 'test')),
  ].join('\n');

  for (const action of registry.list()) {
    it(`${action.name} has a description, a rule, a valid example and a test`, () => {
      assert.ok(action.description.trim().length > 10, 'description');
      assert.ok(['anyone', 'authenticated', 'sysadmin'].includes(action.auth), 'auth rule');
      const parsed = action.input.safeParse(action.example);
      assert.ok(
        parsed.success,
        `example must satisfy the input schema: ${JSON.stringify(parsed.error?.issues)}`,
      );
      assert.ok(tests.includes(`'${action.name}'`), `no test mentions '${action.name}'`);
    });
  }
});

describe('capability folders', () => {
  for (const folder of readdirSync(path.join(ROOT, 'src')).filter((f) =>
    statSync(path.join(ROOT, 'src', f)).isDirectory(),
  )) {
    it(`src/${folder} has a README of at most 30 lines and is listed in docs/ARCHITECTURE.md`, () => {
      const readme = readFileSync(path.join(ROOT, 'src', folder, 'README.md'), 'utf8');
      assert.ok(readme.split('\n').length <= 31, `${folder}/README.md is too long`);
      assert.match(
        readFileSync(path.join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8'),
        new RegExp(`src/${folder}`),
      );
    });
  }
});
