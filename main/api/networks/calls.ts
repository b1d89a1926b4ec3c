import { z } from 'zod';
import { call, none } from '../call';
import {
  connectionTestInputSchema,
  connectionTestSchema,
  driverCheckInSchema,
  networkConfigSchema,
  networkLinkSchema,
  networkSaveSchema,
} from './schemas';
import { networkSummarySchema, rowIdSchema } from '../schemas';

export const networkCalls = {
  'networks.list': call(none, z.array(networkSummarySchema)),
  /** Every network with its URL, policy and overrides, for the settings screen. */
  'networks.configs': call(none, z.array(networkConfigSchema)),
  /** Adds an HTTP network (no id) or saves the staff's changes to one. */
  'networks.save': call(networkSaveSchema, networkConfigSchema),
  /** Asks the network who this store is, with the URL and token given (saved or not). */
  'networks.testConnection': call(connectionTestInputSchema, connectionTestSchema),
  /** Online or offline per enabled network, with the last sync and the events waiting. */
  'networks.links': call(none, z.array(networkLinkSchema)),
  /** Drivers a network saw scan the store's QR in the last 30 minutes, not yet dismissed. */
  'networks.checkIns': call(none, z.array(driverCheckInSchema)),
  'networks.dismissCheckIn': call(z.strictObject({ id: rowIdSchema }), z.null()),
} as const;
