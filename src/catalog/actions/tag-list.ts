import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { listTags } from '../repo/tags.ts';
import { ckanBool, ckanInt } from '../schema.ts';

export const tagList = defineAction({
  name: 'tag_list',
  description:
    'Return the tags used by public, active datasets.\n\n:param query: only tags containing this text (optional)\n' +
    ':param all_fields: return {id, name, display_name, vocabulary_id} dicts',
  input: z.strictObject({
    query: z.string().max(100).optional(),
    all_fields: ckanBool.default(false),
    limit: ckanInt(1, 10_000).default(1000),
    offset: ckanInt(0, 1_000_000).default(0),
  }),
  ignoredKeys: ['vocabulary_id'],
  readOnly: true,
  auth: 'anyone',
  example: { query: '防災' },
  run: async (ctx, input) => {
    const tags = await listTags(ctx.db, input.query ?? null, input.limit, input.offset);
    if (!input.all_fields) return tags.map((t) => t.name);
    return tags.map((t) => ({ id: t.id, name: t.name, display_name: t.name, vocabulary_id: null }));
  },
});
