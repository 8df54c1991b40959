import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { invalid, notAuthorized, notFound } from '../../core/errors.ts';
import { hashPassword, verifyPassword } from '../password-hash.ts';
import { storePasswordHash } from '../passwords.ts';
import { findLoginUser } from '../repo.ts';
import { givenPasswordParam, passwordParam } from '../schema.ts';

/** s5_user_password_change: users change their own password; sysadmins set anyone's. */
export const userPasswordChange = defineAction({
  name: 's5_user_password_change',
  description:
    "Change a user's portal password (at least 12 characters). Users change their own and must " +
    "give the current one; sysadmins may set anyone's. Every portal session of the user ends.\n\n" +
    ':param id: user id or name (default: the caller)\n' +
    ':param old_password: the current password (required when changing your own)\n' +
    ':param new_password: the new password, 12–1024 characters',
  input: z.strictObject({
    id: z.string().min(1).max(200).optional(),
    old_password: givenPasswordParam.optional(),
    new_password: passwordParam,
  }),
  readOnly: false,
  auth: 'authenticated',
  example: {
    id: 'sapporo-editor',
    old_password: 'correct horse battery',
    new_password: 'staple horse correct battery',
  },
  run: async (ctx, input) => {
    const ref = input.id ?? ctx.actor.userId;
    const user = ref ? await findLoginUser(ctx.db, ref) : undefined;
    if (!user) throw notFound('User not found');
    const self = ctx.actor.userId === user.id;
    if (!self && !ctx.actor.sysadmin)
      throw notAuthorized('Only the user or a sysadmin may change this password');
    if (self) {
      // A stolen session must not be enough to lock the owner out: prove the current password.
      const ok =
        user.hash !== null &&
        input.old_password !== undefined &&
        (await verifyPassword(input.old_password, user.hash));
      if (!ok)
        throw invalid({ old_password: ['現在のパスワードが違います / Wrong current password'] });
    }
    const hash = await hashPassword(input.new_password);
    const ended = await storePasswordHash(ctx.db, user.id, hash, ctx.now);
    return { id: user.id, name: user.name, sessions_ended: ended };
  },
});
