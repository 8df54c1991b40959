import { ActionRegistry, type AnyAction } from '../core/action.ts';
import { auditActions } from '../audit/index.ts';
import { authActions } from '../auth/index.ts';
import { catalogActions } from '../catalog/index.ts';
import { coverageActions } from '../coverage/index.ts';
import { datastoreActions } from '../datastore/index.ts';
import { harvestActions } from '../harvest/index.ts';
import { ingestActions } from '../ingest/index.ts';
import { mergedActions } from '../merged/index.ts';
import { ngsiActions } from '../ngsi/index.ts';
import { planActions } from '../plan/index.ts';
import { schemaActions } from '../schemas/index.ts';
import { helpShowAction } from './help-show.ts';

/** Every action of s5, from every capability: the one registry the API, portal and CLI share. */
export function buildRegistry(): ActionRegistry {
  let registry: ActionRegistry | null = null;
  const actions: AnyAction[] = [
    ...auditActions,
    ...authActions,
    ...catalogActions,
    ...coverageActions,
    ...datastoreActions,
    ...harvestActions(() => registry),
    ...ingestActions,
    ...mergedActions(() => registry),
    ...ngsiActions,
    ...planActions,
    ...schemaActions,
    helpShowAction(() => {
      if (!registry) throw new Error('registry not built');
      return registry;
    }),
  ];
  registry = new ActionRegistry(actions);
  return registry;
}
