import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notAuthorized, notFound } from '../../core/errors.ts';
import { findUser } from '../repo/users.ts';
import { tokensOf } from '../repo/tokens.ts';

/** CKAN's api_token_list: a user's tokens (never their secrets). */
export const apiTokenList = defineAction({
  name: 'api_token_list',
  description:
    "List a user's API tokens: id, name, created_at, last_access (never the secret). The user themself or a sysadmin.\n\n" +
    ':param user_id: user id or name (default: the caller; CKAN 2.9 clients send `user`)',
  input: z.strictObject({
    user_id: z.string().min(1).max(200).optional(),
    user: z.string().min(1).max(200).optional(),
  }),
  readOnly: true,
  auth: 'authenticated',
  example: { user_id: 'sapporo-editor' },
  run: async (ctx, input) => {
    const ref = input.user_id ?? input.user ?? ctx.actor.userId;
    const user = ref ? await findUser(ctx.db, ref) : undefined;
    if (!user) throw notFound('User not found');
    if (!ctx.actor.sysadmin && ctx.actor.userId !== user.id)
      throw notAuthorized("Only the user or a sysadmin may list this user's tokens");
    const rows = await tokensOf(ctx.db, user.id);
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      user_id: t.user_id,
      created_at: t.created,
      last_access: t.last_access,
    }));
  },
});
