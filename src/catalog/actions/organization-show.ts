import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { showGroup } from '../read-groups.ts';
import { ckanBool, idParam } from '../schema.ts';

export const organizationShow = defineAction({
  name: 'organization_show',
  description:
    'Return an organization (publisher) with its dataset count; the 全国地方公共団体コード is in extras as municipality_code.\n\n' +
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
  example: { id: 'sapporo-shi' },
  run: (ctx, input) => showGroup(ctx, true, input.id, input.include_datasets),
});
