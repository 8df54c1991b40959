import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActionContext } from '../core/action.ts';
import { auditEntry } from './audit-entry.ts';

const ctx = {
  actor: { userId: 'u1', name: 'sapporo-editor', sysadmin: false, memberships: new Map() },
  origin: 'cli',
} as unknown as ActionContext;

test('secrets in any key are redacted, at any depth', () => {
  const entry = auditEntry(
    {
      name: 'user_update',
      ctx,
      input: { id: 'u1', password: 'hunter2', extras: [{ api_key: 'k', token: 't' }] },
      result: {},
    },
    '2026-11-25T03:00:00.000000',
  );
  assert.deepEqual(entry.details, {
    id: 'u1',
    password: '[redacted]',
    extras: [{ api_key: '[redacted]', token: '[redacted]' }],
  });
  assert.equal(entry.objectId, 'u1');
  assert.equal(entry.origin, 'cli');
});

test('files are logged by name, size and hash; long texts are cut', () => {
  const upload = {
    file: { sha256: 'ab'.repeat(32), size: 12 },
    fileName: 'aed.csv',
    mimetype: 'text/csv',
  };
  const entry = auditEntry(
    {
      name: 'resource_create',
      ctx,
      input: { upload, description: 'あ'.repeat(600) },
      result: { id: 'r1' },
    },
    '2026-11-25T03:00:00.000000',
  );
  assert.deepEqual(entry.details.upload, { file: 'aed.csv', size: 12, sha256: 'ab'.repeat(32) });
  assert.match(String(entry.details.description), /… \(600 chars\)$/);
  assert.equal(entry.objectId, 'r1');
});
