import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { toCkanTimestamp } from '../../core/clock.ts';
import { notAuthorized, notFound } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { canAdminOrg } from '../policy.ts';
import { findGroup } from '../repo/groups.ts';
import { findUser, upsertMember } from '../repo/users.ts';
import { idParam } from '../schema.ts';

export const organizationMemberCreate = defineAction({
  name: 'organization_member_create',
  description:
    'Make a user a member of an organization, or change their role (organization admins and sysadmins).\n\n' +
    ':param id: organization id or name\n:param username: user id or name\n:param role: admin, editor or member',
  input: z.strictObject({
    id: idParam,
    username: idParam,
    role: z.enum(['admin', 'editor', 'member']),
  }),
  readOnly: false,
  auth: 'authenticated',
  example: { id: 'sapporo-shi', username: 'sapporo-editor', role: 'editor' },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const org = await findGroup(db, input.id, true);
      if (!org) throw notFound('Organization not found');
      if (!canAdminOrg(ctx.actor, org.id))
        throw notAuthorized('Only an admin of the organization may change its members');
      const user = await findUser(db, input.username);
      if (!user) throw notFound('User not found');
      await upsertMember(db, {
        group_id: org.id,
        user_id: user.id,
        capacity: input.role,
        created: toCkanTimestamp(ctx.now),
      });
      return {
        group_id: org.id,
        table_name: 'user',
        table_id: user.id,
        capacity: input.role,
        state: 'active',
      };
    }),
});
