import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notAuthorized, notFound } from '../../core/errors.ts';
import { canSeeMembers } from '../policy.ts';
import { findGroup } from '../repo/groups.ts';
import { listMembers } from '../repo/users.ts';
import { idParam } from '../schema.ts';

export const memberList = defineAction({
  name: 'member_list',
  description:
    'Return the members of an organization as [id, "user", capacity] (members of it and sysadmins only).\n\n' +
    ':param id: organization id or name\n:param capacity: only this role (admin, editor, member)',
  input: z.strictObject({
    id: idParam,
    object_type: z.literal('user', { error: 'only "user" is supported' }).optional(),
    capacity: z.enum(['admin', 'editor', 'member']).optional(),
  }),
  readOnly: true,
  auth: 'anyone',
  example: { id: 'sapporo-shi' },
  run: async (ctx, input) => {
    const org = await findGroup(ctx.db, input.id, true);
    if (!org) throw notFound('Organization not found');
    if (!canSeeMembers(ctx.actor, org.id))
      throw notAuthorized('Only members of the organization may see its members');
    const rows = await listMembers(ctx.db, org.id);
    return rows
      .filter((r) => !input.capacity || r.capacity === input.capacity)
      .map((r) => [r.id, 'user', r.capacity]);
  },
});
