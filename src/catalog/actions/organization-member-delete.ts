import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notAuthorized, notFound } from '../../core/errors.ts';
import { withTransaction } from '../../db/index.ts';
import { canAdminOrg } from '../policy.ts';
import { findGroup } from '../repo/groups.ts';
import { deleteMember, findUser } from '../repo/users.ts';
import { idParam } from '../schema.ts';

export const organizationMemberDelete = defineAction({
  name: 'organization_member_delete',
  description:
    'Remove a user from an organization (organization admins and sysadmins).\n\n:param id: organization id or name\n:param username: user id or name',
  input: z.strictObject({ id: idParam, username: idParam }),
  readOnly: false,
  auth: 'authenticated',
  example: { id: 'sapporo-shi', username: 'sapporo-editor' },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const org = await findGroup(db, input.id, true);
      if (!org) throw notFound('Organization not found');
      if (!canAdminOrg(ctx.actor, org.id))
        throw notAuthorized('Only an admin of the organization may change its members');
      const user = await findUser(db, input.username);
      if (!user || !(await deleteMember(db, org.id, user.id))) throw notFound('Member not found');
      return null;
    }),
});
