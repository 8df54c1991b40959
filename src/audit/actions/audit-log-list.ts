import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { ckanInt } from '../../core/ckan-params.ts';
import { listAuditEntries } from '../repo.ts';

const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+)?$/, 'Must be a date or timestamp (2026-11-25T03:00:00)');

/** s5_audit_log_list: the audit log of writes, newest first; sysadmins only. */
export const auditLogList = defineAction({
  name: 's5_audit_log_list',
  description:
    'Return the audit log of successful writes (who, what, when, from where), newest first. Sysadmins only.\n\n' +
    ':param action: only this action (e.g. package_update)\n' +
    ':param user: only this user name\n' +
    ':param object_id: only writes about this id\n' +
    ':param since: from this UTC date/timestamp (inclusive)\n' +
    ':param until: before this UTC date/timestamp\n' +
    ':param limit: at most this many entries (default 100, max 1000)\n' +
    ':param offset: skip this many',
  input: z.strictObject({
    action: z.string().max(100).optional(),
    user: z.string().max(100).optional(),
    object_id: z.string().max(200).optional(),
    since: timestamp.optional(),
    until: timestamp.optional(),
    limit: ckanInt(1, 1000).default(100),
    offset: ckanInt(0, Number.MAX_SAFE_INTEGER).default(0),
  }),
  readOnly: true,
  auth: 'sysadmin',
  example: { action: 'package_update', limit: 10 },
  run: async (ctx, input) => {
    const { count, entries } = await listAuditEntries(ctx.db, {
      action: input.action,
      user: input.user,
      objectId: input.object_id,
      since: input.since,
      until: input.until,
      limit: input.limit,
      offset: input.offset,
    });
    return {
      count,
      results: entries.map((e) => ({
        id: e.id,
        timestamp: e.at,
        user_id: e.userId,
        user_name: e.userName,
        action: e.action,
        object_id: e.objectId,
        origin: e.origin,
        details: e.details,
      })),
    };
  },
});
