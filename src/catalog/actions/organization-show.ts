import { defineAction } from '../../core/action.ts';
import { GROUP_SHOW_IGNORED_KEYS, groupShowInput, showGroup } from '../read-groups.ts';

export const organizationShow = defineAction({
  name: 'organization_show',
  description:
    'Return an organization (publisher) with its dataset count; the 全国地方公共団体コード is in extras as municipality_code.\n\n' +
    ':param id: id, name or 全国地方公共団体コード\n:param include_datasets: include up to 10 datasets (default false)',
  input: groupShowInput,
  ignoredKeys: GROUP_SHOW_IGNORED_KEYS,
  readOnly: true,
  auth: 'anyone',
  example: { id: 'sapporo-shi' },
  run: (ctx, input) => showGroup(ctx, true, input.id, input.include_datasets),
});
