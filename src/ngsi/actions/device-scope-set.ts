import { z } from 'zod';
import { defineAction } from '../../core/action.ts';
import { withTransaction } from '../../db/index.ts';
import { parseTenant } from '../broker/call.ts';
import { setDeviceScope } from '../mqtt/device-scope.ts';

/** s5_ngsi_device_scope_set: what a device (an API token's user) may write over MQTT. */
export const ngsiDeviceScopeSet = defineAction({
  name: 's5_ngsi_device_scope_set',
  description:
    'Set which NGSI-LD entities a device may write over MQTT. The device connects with its user name as MQTT username and an API token of that user as password; it may publish to s5/<tenant|default>/<type>/<id>/attrs only for the entity types (as written in the topic) and entity ids listed here. Sysadmins may write everything.\n\n:param user: the device user name\n:param types: entity types as used in topics (e.g. ["WeatherObserved"])\n:param ids: entity ids (URIs)\n:param tenant: NGSILD-Tenant (default: the default tenant)',
  input: z.strictObject({
    user: z.string().min(1).max(200),
    types: z.array(z.string().min(1).max(200)).max(1000).default([]),
    ids: z.array(z.string().min(1).max(1000)).max(10_000).default([]),
    tenant: z.string().max(64).optional(),
  }),
  readOnly: false,
  auth: 'sysadmin',
  example: { user: 'meter-gateway-1', types: ['ElectricityMeter'] },
  run: async (ctx, input) => {
    const tenant = parseTenant(input.tenant);
    await withTransaction(ctx.db, (tx) =>
      setDeviceScope(tx, input.user, tenant, input.types, input.ids, ctx.now.toISOString()),
    );
    return { user: input.user, tenant, types: input.types, ids: input.ids };
  },
});
