import type { Migration } from '../migration';
import { initial } from './0010-initial';
import { parcelCounter } from './0020-parcel-counter';
import { scanners } from './0030-scanners';
import { support } from './0040-support';
import { inventoryHours } from './0050-inventory-hours';
import { demoOperatorSteps } from './0060-demo-operator-steps';
import { custodyCountIndex } from './0070-custody-count-index';
import { networkLinks } from './0080-network-links';
import { staffAccounts } from './0130-staff-accounts';
import { custodyChain } from './0140-custody-chain';

/** Every migration, oldest first. A new one is appended here and never edited after release. */
export const migrations: readonly Migration[] = [initial, parcelCounter, scanners, support, inventoryHours, demoOperatorSteps, custodyCountIndex, networkLinks, staffAccounts, custodyChain];
