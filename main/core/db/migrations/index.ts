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
import { supportMessageKind } from './0090-support-message-kind';
import { sealedTokens } from './0100-sealed-tokens';
import { policyBounds } from './0110-policy-bounds';
import { codeBudgetLateAnnouncements } from './0120-code-budget-late-announcements';
import { service } from './0160-service';
import { pickupFinishWindow } from './0170-pickup-finish-window';
import { serviceCatalog } from './0180-service-catalog';
import { serviceCustomerZones } from './0220-service-customer-zones';

/** Every migration, oldest first. A new one is appended here and never edited after release. */
export const migrations: readonly Migration[] = [
  initial,
  parcelCounter,
  scanners,
  support,
  inventoryHours,
  demoOperatorSteps,
  custodyCountIndex,
  networkLinks,
  supportMessageKind,
  sealedTokens,
  policyBounds,
  codeBudgetLateAnnouncements,
  staffAccounts,
  custodyChain,
  service,
  pickupFinishWindow,
  serviceCatalog,
  serviceCustomerZones,
];
