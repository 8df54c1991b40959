import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { withTransaction } from '../../db/index.ts';
import { parseTenant } from '../broker/call.ts';
import { setRetention } from '../temporal/retention.ts';

const DEFAULT_VOCAB = 'https://uri.etsi.org/ngsi-ld/default-context/';

/** s5_ngsi_retention_set: how many days of attribute history an entity type keeps. */
export const ngsiRetentionSet = defineAction({
  name: 's5_ngsi_retention_set',
  description:
    'Set how many days of NGSI-LD attribute history (temporal API) are kept for an entity type; older instances are purged by the hourly retention job. days=0 keeps history forever (the default).\n\n:param type: the expanded type IRI, or a bare name of the default vocabulary\n:param days: days to keep (0 = forever)\n:param tenant: NGSILD-Tenant (default: the default tenant)',
  input: z.strictObject({
    type: z.string().min(1).max(1000),
    days: z.number().int().min(0).max(36_500),
    tenant: z.string().max(64).optional(),
  }),
  readOnly: false,
  auth: 'sysadmin',
  example: { type: 'https://smartdatamodels.org/dataModel.Weather/WeatherObserved', days: 365 },
  run: async (ctx, input) => {
    const tenant = parseTenant(input.tenant);
    const type = input.type.includes(':') ? input.type : DEFAULT_VOCAB + input.type;
    await withTransaction(ctx.db, (tx) =>
      setRetention(tx, tenant, type, input.days, ctx.now.toISOString()),
    );
    return { type, tenant, days: input.days };
  },
});
