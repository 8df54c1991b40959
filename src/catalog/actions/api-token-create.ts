import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notAuthorized, notFound } from '../../core/errors.ts';
import { createToken } from '../accounts.ts';
import { findUser } from '../repo/users.ts';
import { text } from '../../core/ckan-params.ts';

export const apiTokenCreate = defineAction({
  name: 'api_token_create',
  description:
    'Create an API token for a user (the user themself or a sysadmin). The token is shown once.\n\n' +
    ':param user: user id or name\n:param name: a label for the token',
  input: z.strictObject({
    user: z.string().min(1).max(200),
    name: text(200).min(1, 'Missing value'),
  }),
  readOnly: false,
  auth: 'anyone',
  example: { user: 'sapporo-editor', name: 'excel-upload' },
  run: async (ctx, input) => {
    const user = await findUser(ctx.db, input.user);
    if (!user) throw notFound('User not found');
    if (!ctx.actor.sysadmin && ctx.actor.userId !== user.id) {
      throw notAuthorized('Only the user or a sysadmin may create tokens for this user');
    }
    return { token: await createToken(ctx.db, user.id, input.name, ctx.now) };
  },
});
