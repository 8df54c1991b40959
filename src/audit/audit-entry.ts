import type { WriteEvent } from '../core/action.ts';

/** A row of the audit log before it is stored. */
export interface AuditEntry {
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  objectId: string | null;
  origin: string;
  details: Record<string, unknown>;
}

const SECRET_KEY = /pass(word)?|token|secret|api_?key|authorization/i;
const MAX_STRING = 500;
const MAX_ITEMS = 20;
const MAX_DEPTH = 4;

/**
 * What the audit log keeps of a successful write: who, what, which object, when, from where,
 * and the input with secrets redacted and bulk (rows, long texts, file bytes) reduced to sizes.
 */
export function auditEntry(event: WriteEvent, at: string): AuditEntry {
  return {
    at,
    userId: event.ctx.actor.userId,
    userName: event.ctx.actor.name,
    action: event.name,
    objectId: objectIdOf(event.input, event.result),
    origin: event.ctx.origin,
    details: reduce(event.input, 0) as Record<string, unknown>,
  };
}

/** The id the write was about: the input's id or resource_id, the result's id, the input's name. */
function objectIdOf(input: unknown, result: unknown): string | null {
  const lookups: Array<[unknown, string]> = [
    [input, 'id'],
    [input, 'resource_id'],
    [result, 'id'],
    [result, 'resource_id'],
    [input, 'name'],
  ];
  for (const [source, key] of lookups) {
    if (typeof source !== 'object' || source === null) continue;
    const value = (source as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') return value.slice(0, 200);
  }
  return null;
}

function reduce(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string')
    return value.length > MAX_STRING
      ? `${value.slice(0, MAX_STRING)}… (${value.length} chars)`
      : value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    if (value.length > MAX_ITEMS) return `[${value.length} items]`;
    return value.map((item) => reduce(item, depth + 1));
  }
  if (typeof value === 'object') {
    const file = uploadSummary(value);
    if (file) return file;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? '[redacted]' : reduce(item, depth + 1);
    }
    return out;
  }
  return String(value);
}

/** An `Upload` (files/upload.ts) is recorded by name, size and hash, never by content. */
function uploadSummary(value: object): Record<string, unknown> | undefined {
  const candidate = value as { file?: { sha256?: unknown; size?: unknown }; fileName?: unknown };
  if (typeof candidate.fileName !== 'string' || typeof candidate.file?.sha256 !== 'string')
    return undefined;
  return { file: candidate.fileName, size: candidate.file.size, sha256: candidate.file.sha256 };
}
