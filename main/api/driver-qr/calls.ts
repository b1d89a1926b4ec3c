import { z } from 'zod';
import { call, none } from '../call';
import { driverQrSchema, idSchema } from '../schemas';

export const driverQrCalls = {
  'driverQr.show': call(z.strictObject({ networkId: idSchema }), driverQrSchema),
  /** The network a driver at the counter most likely comes from (checked in, or usual at this time of day). */
  'driverQr.suggestNetwork': call(none, z.object({ networkId: idSchema.nullable() })),
} as const;
