import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notAuthorized, notFound } from '../../core/errors.ts';
import { actorForUser } from '../accounts.ts';
import { presentGroup } from '../present/present-group.ts';
import { findGroupsByIds } from '../repo/groups.ts';
import { findUser } from '../repo/users.ts';

const LEVEL = { member: 1, editor: 2, admin: 3 } as const;

export const organizationListForUser = defineAction({
  name: 'organization_list_for_user',
  description:
    'Return the organizations a user belongs to with at least the given permission.\n\n' +
    ':param id: user id or name (default: the caller)\n:param permission: read (default), create_dataset or manage_group',
  input: z.strictObject({
    id: z.string().max(200).optional(),
    permission: z
      .enum(['read', 'create_dataset', 'update_dataset', 'manage_group'])
      .default('read'),
  }),
  ignoredKeys: ['include_dataset_count'],
  readOnly: true,
  auth: 'authenticated',
  example: { permission: 'create_dataset' },
  run: async (ctx, input) => {
    const user = await findUser(ctx.db, input.id ?? ctx.actor.userId ?? '');
    if (!user) throw notFound('User not found');
    if (!ctx.actor.sysadmin && ctx.actor.userId !== user.id)
      throw notAuthorized('Only the user or a sysadmin may list this');
    const actor = await actorForUser(ctx.db, user);
    const need = input.permission === 'manage_group' ? 3 : input.permission === 'read' ? 1 : 2;
    const ids = [...actor.memberships].filter(([, c]) => LEVEL[c] >= need).map(([id]) => id);
    const groups = await findGroupsByIds(ctx.db, ids);
    return groups.sort((a, b) => a.name.localeCompare(b.name)).map((g) => presentGroup(g, 0, null));
  },
});
