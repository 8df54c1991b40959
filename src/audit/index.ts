/**
 * The audit log: every successful write action (who, what, when, from where), readable by
 * sysadmins. Other folders import only from here.
 */
import type { AnyAction, WriteListener } from '../core/action.ts';
import { toCkanTimestamp } from '../core/clock.ts';
import { auditLogList } from './actions/audit-log-list.ts';
import { auditEntry } from './audit-entry.ts';
import { insertAuditEntry } from './repo.ts';

/** The actions of this capability, for the registry. */
export const auditActions: readonly AnyAction[] = [auditLogList];

/** The write listener that records each successful write action in the audit log. */
export const recordWrite: WriteListener = (event) =>
  insertAuditEntry(event.ctx.db, auditEntry(event, toCkanTimestamp(event.ctx.now)));

export { type AuditEntry, auditEntry } from './audit-entry.ts';
