import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { notFound } from '../../core/errors.ts';
import { hashToken } from '../../core/ids.ts';
import { withTransaction } from '../../db/index.ts';
import { deleteToken, findTokenBy } from '../repo/tokens.ts';

/** CKAN's api_token_revoke: by the token itself or by its id (`jti`). */
export const apiTokenRevoke = defineAction({
  name: 'api_token_revoke',
  description:
    'Revoke (delete) an API token; it stops working at once. Its owner or a sysadmin.\n\n' +
    ':param jti: the token id (from api_token_list)\n:param token: instead of jti: the token itself',
  input: z
    .strictObject({
      jti: z.string().min(1).max(200).optional(),
      token: z.string().min(1).max(500).optional(),
    })
    .refine((v) => (v.jti === undefined) !== (v.token === undefined), {
      message: 'Give either jti or token',
      path: ['jti'],
    }),
  readOnly: false,
  auth: 'authenticated',
  example: { jti: '3f2b7c1e-0000-4000-8000-000000000002' },
  run: (ctx, input) =>
    withTransaction(ctx.db, async (db) => {
      const row = await findTokenBy(
        db,
        input.jti !== undefined ? { id: input.jti } : { hash: hashToken(input.token ?? '') },
      );
      // Someone else's token is reported as missing: its existence is none of the caller's business.
      if (!row || (!ctx.actor.sysadmin && row.user_id !== ctx.actor.userId))
        throw notFound('Token not found');
      await deleteToken(db, row.id);
      // CKAN answers with null.
      return null;
    }),
});
