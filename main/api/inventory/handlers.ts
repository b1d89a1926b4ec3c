import type { CounterCore } from '../../core/counter-core';
import { localDay } from '../../core/hours/opening-hours';
import type { ParcelRow } from '../../core/parcels/types';
import type { InventoryParcel } from './schemas';
import type { HandlersOf } from '../call';
import type { inventoryCalls } from './calls';

function inventoryParcel(p: ParcelRow): InventoryParcel {
  return {
    id: p.id,
    networkId: p.network_id,
    trackingId: p.tracking_id,
    size: p.size,
    state: p.state,
    slotId: p.slot_id,
    announcedAt: p.announced_at,
    receivedAt: p.received_at,
    expiresAt: p.expires_at,
    stateChangedAt: p.state_changed_at,
  };
}

/** Inventory: a page of customers, one customer's parcels, the CSV of the current view, and "Sync". */
export function inventoryHandlers(core: CounterCore, changed: () => void): HandlersOf<typeof inventoryCalls> {
  return {
    'inventory.customers': ({ filter, offset, limit }) => ({
      ...core.inventory.customers(filter, { offset, limit }),
      offset,
      limit,
      lastSyncAt: core.sync.lastSuccessAt(),
    }),
    'inventory.customer': ({ customer, filter }) => core.inventory.parcelsOf(customer, filter).map(inventoryParcel),
    'inventory.exportCsv': ({ filter }) => {
      const rows = core.inventory.rows(filter).length;
      const { date } = localDay(core.clock.now(), core.hours.timeZone);
      return { csv: core.inventory.csv(filter), count: rows, fileName: `inventory-${date}.csv` };
    },
    'inventory.sync': async () => {
      const result = await core.sync.sync((network) => core.adapters.for(network));
      changed();
      return result;
    },
  };
}
