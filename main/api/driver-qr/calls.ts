import { z } from 'zod';
import { call } from '../call';
import { driverQrSchema, idSchema } from '../schemas';

export const driverQrCalls = {
  'driverQr.show': call(z.strictObject({ networkId: idSchema }), driverQrSchema),
} as const;
