import { defineAction } from '../../core/action.ts';
import { GROUP_SHOW_IGNORED_KEYS, groupShowInput, showGroup } from '../read-groups.ts';

export const groupShow = defineAction({
  name: 'group_show',
  description:
    'Return a group with its dataset count.\n\n' +
    ':param id: id or name\n:param include_datasets: include up to 10 datasets (default false)',
  input: groupShowInput,
  ignoredKeys: GROUP_SHOW_IGNORED_KEYS,
  readOnly: true,
  auth: 'anyone',
  example: { id: 'tokachi' },
  run: (ctx, input) => showGroup(ctx, false, input.id, input.include_datasets),
});
