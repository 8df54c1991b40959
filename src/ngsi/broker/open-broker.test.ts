import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../core/config.ts';
import { readContextMap } from './open-broker.ts';

describe('conformance mode', () => {
  it('is refused unless s5 listens on a loopback address', () => {
    assert.throws(
      () => loadConfig({ S5_NGSI_CONFORMANCE: '/x/context-map.json', S5_HOST: '0.0.0.0' }),
      /S5_NGSI_CONFORMANCE: only allowed when S5_HOST is a loopback address/,
    );
    assert.equal(
      loadConfig({ S5_NGSI_CONFORMANCE: '/x/context-map.json', S5_HOST: '127.0.0.1' })
        .ngsiConformance,
      '/x/context-map.json',
    );
    assert.equal(loadConfig({}).ngsiConformance, undefined);
  });

  it('pre-loads the documents a context map lists, relative to the harness folder', () => {
    const root = mkdtempSync(path.join(tmpdir(), 's5-ngsi-map-'));
    mkdirSync(path.join(root, 'contexts'));
    writeFileSync(
      path.join(root, 'contexts', 'a.jsonld'),
      JSON.stringify({ '@context': { a: 'urn:a' } }),
    );
    writeFileSync(
      path.join(root, 'contexts', 'context-map.json'),
      JSON.stringify({ _comment: 'ignored', 'https://example.org/a.jsonld': 'contexts/a.jsonld' }),
    );
    const map = readContextMap(path.join(root, 'contexts', 'context-map.json'));
    assert.deepEqual([...map.keys()], ['https://example.org/a.jsonld']);
    assert.deepEqual(map.get('https://example.org/a.jsonld'), { '@context': { a: 'urn:a' } });
  });
});
