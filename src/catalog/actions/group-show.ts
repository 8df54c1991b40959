import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { showGroup } from '../read-groups.ts';
import { ckanBool, idParam } from '../schema.ts';

export const groupShow = defineAction({
  name: 'group_show',
  description:
    'Return a group with its dataset count.\n\n' +
    ':param id: id or name\n:param include_datasets: include up to 10 datasets (default false)',
  input: z.strictObject({ id: idParam, include_datasets: ckanBool.default(false) }),
  ignoredKeys: [
    'include_extras',
    'include_users',
    'include_groups',
    'include_tags',
    'include_followers',
    'include_dataset_count',
  ],
  readOnly: true,
  auth: 'anyone',
  example: { id: 'tokachi' },
  run: (ctx, input) => showGroup(ctx, false, input.id, input.include_datasets),
});
