import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { withTransaction } from '../../db/index.ts';
import { parseTenant } from '../broker/call.ts';
import { setTypePublic } from '../repo/public-types.ts';

/** The core context's @vocab: where a bare type name expands to without a user @context. */
const DEFAULT_VOCAB = 'https://uri.etsi.org/ngsi-ld/default-context/';

/** s5_ngsi_type_publish: make an NGSI-LD entity type readable by everyone (or private again). */
export const ngsiTypePublish = defineAction({
  name: 's5_ngsi_type_publish',
  description:
    'Mark an NGSI-LD entity type public, so that anonymous callers can read its entities (types are private until published), or private again with public=false. An entity is shown to anonymous callers only when all its types are public.\n\n:param type: the expanded type IRI (e.g. https://smartdatamodels.org/dataModel.Weather/WeatherObserved), or a bare name of the default vocabulary\n:param tenant: NGSILD-Tenant (default: the default tenant)\n:param public: true (default) or false',
  input: z.strictObject({
    type: z.string().min(1).max(1000),
    tenant: z.string().max(64).optional(),
    public: z.boolean().default(true),
  }),
  readOnly: false,
  auth: 'sysadmin',
  example: { type: 'https://smartdatamodels.org/dataModel.Weather/WeatherObserved' },
  run: async (ctx, input) => {
    const tenant = parseTenant(input.tenant);
    const type = input.type.includes(':') ? input.type : DEFAULT_VOCAB + input.type;
    await withTransaction(ctx.db, (tx) =>
      setTypePublic(tx, tenant, type, input.public, ctx.actor.name, ctx.now.toISOString()),
    );
    return { type, tenant, public: input.public };
  },
});
