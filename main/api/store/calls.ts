import { call, none } from '../call';
import { storeProfileSchema } from '../../core/store/store-shapes';

export const storeCalls = {
  /** The store's name, address, time zone and capabilities, as every network receives them. */
  'store.profile': call(none, storeProfileSchema),
  'store.saveProfile': call(storeProfileSchema, storeProfileSchema),
} as const;
