import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { hashPassword, passwordParam, storePasswordHash } from '../../auth/index.ts';
import { withTransaction } from '../../db/index.ts';
import { createUser } from '../accounts.ts';
import { presentUser } from '../present/present-user.ts';
import { ckanBool, ckanName, text } from '../../core/ckan-params.ts';

export const userCreate = defineAction({
  name: 'user_create',
  description:
    'Create a user (sysadmin only). Users act through API tokens (api_token_create) and, with a password, log in to the portal.\n\n' +
    ':param name: login name, 2-100 of a-z 0-9 - _\n:param email: e-mail address\n:param password: optional, at least 12 characters (portal login; stored as a scrypt hash)\n:param fullname, about: optional\n:param sysadmin: (default false)',
  input: z.strictObject({
    name: ckanName,
    email: z.email({ error: 'must be an e-mail address' }).max(320),
    password: passwordParam.optional(),
    fullname: text(200).default(''),
    about: text(5000).default(''),
    sysadmin: ckanBool.default(false),
  }),
  readOnly: false,
  auth: 'sysadmin',
  example: {
    name: 'sapporo-editor',
    email: 'opendata@city.sapporo.example.jp',
    fullname: '札幌市 担当者',
  },
  run: async (ctx, { password, ...input }) => {
    // scrypt is slow on purpose: hash before the transaction so it holds no lock meanwhile.
    const hash = password === undefined ? undefined : await hashPassword(password);
    const user = await withTransaction(ctx.db, async (tx) => {
      const row = await createUser(tx, input, ctx.now);
      if (hash !== undefined) await storePasswordHash(tx, row.id, hash, ctx.now);
      return row;
    });
    return presentUser(user, true);
  },
});
