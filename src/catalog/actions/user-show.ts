import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notFound } from '../../core/errors.ts';
import { presentUser } from '../present/present-user.ts';
import { findUser } from '../repo/users.ts';

export const userShow = defineAction({
  name: 'user_show',
  description:
    'Return a user. The e-mail address is included only for the user themself and for sysadmins.\n\n' +
    ':param id: id or name (default: the caller)',
  input: z.strictObject({ id: z.string().max(200).optional() }),
  ignoredKeys: ['include_datasets', 'include_num_followers', 'include_plugin_extras'],
  readOnly: true,
  auth: 'anyone',
  example: { id: 'sapporo-editor' },
  run: async (ctx, input) => {
    const ref = input.id ?? ctx.actor.userId;
    const user = ref ? await findUser(ctx.db, ref) : undefined;
    if (!user || (user.state !== 'active' && !ctx.actor.sysadmin)) throw notFound('User not found');
    return presentUser(user, ctx.actor.sysadmin || ctx.actor.userId === user.id);
  },
});
