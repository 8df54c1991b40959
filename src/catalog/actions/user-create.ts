import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { createUser } from '../accounts.ts';
import { presentUser } from '../present/present-user.ts';
import { ckanBool, ckanName, text } from '../../core/ckan-params.ts';

export const userCreate = defineAction({
  name: 'user_create',
  description:
    'Create a user (sysadmin only). Users act through API tokens (api_token_create).\n\n' +
    ':param name: login name, 2-100 of a-z 0-9 - _\n:param email: e-mail address\n:param fullname, about: optional\n:param sysadmin: (default false)',
  input: z.strictObject({
    name: ckanName,
    email: z.email({ error: 'must be an e-mail address' }).max(320),
    fullname: text(200).default(''),
    about: text(5000).default(''),
    sysadmin: ckanBool.default(false),
  }),
  ignoredKeys: ['password'],
  readOnly: false,
  auth: 'sysadmin',
  example: {
    name: 'sapporo-editor',
    email: 'opendata@city.sapporo.example.jp',
    fullname: '札幌市 担当者',
  },
  run: async (ctx, input) => presentUser(await createUser(ctx.db, input, ctx.now), true),
});
