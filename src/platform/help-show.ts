import { z } from 'zod';
import { type ActionRegistry, defineAction } from '../core/action.ts';
import { notFound } from '../core/errors.ts';

/** CKAN's help_show: the documentation of an action, which the envelope's `help` URL points at. */
export function helpShowAction(registry: () => ActionRegistry) {
  return defineAction({
    name: 'help_show',
    description: 'Return the documentation of an action.\n\n:param name: the action name',
    input: z.strictObject({ name: z.string().min(1).max(100) }),
    readOnly: true,
    auth: 'anyone',
    example: { name: 'package_search' },
    run: async (_ctx, input) => {
      const action = registry().get(input.name);
      if (!action) throw notFound(`Action ${input.name} not found`);
      return action.description;
    },
  });
}
