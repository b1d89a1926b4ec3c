import type { CounterCore } from '../../core/counter-core';
import { localDay } from '../../core/hours/opening-hours';
import { parcelFromRow } from '../../core/parcels/parcel-row';
import type { ParcelRow } from '../../core/parcels/types';
import type { InventoryParcel } from './schemas';
import type { HandlersOf } from '../call';
import type { inventoryCalls } from './calls';

function inventoryParcel(row: ParcelRow): InventoryParcel {
  const { id, networkId, trackingId, size, state, slotId, announcedAt, receivedAt, expiresAt, stateChangedAt } = parcelFromRow(row);
  return { id, networkId, trackingId, size, state, slotId, announcedAt, receivedAt, expiresAt, stateChangedAt };
}

/** Inventory: a page of customers, one customer's parcels, the CSV of the current view, and "Sync". */
export function inventoryHandlers(
  core: Pick<CounterCore, 'clock' | 'inventory' | 'sync' | 'hours' | 'adapters'>,
  changed: () => void,
): HandlersOf<typeof inventoryCalls> {
  return {
    'inventory.customers': ({ filter, offset, limit }) => ({
      ...core.inventory.customers(filter, { offset, limit }),
      offset,
      limit,
      lastSyncAt: core.sync.lastSuccessAt(),
    }),
    'inventory.customer': ({ customer, filter }) => core.inventory.parcelsOf(customer, filter).map(inventoryParcel),
    'inventory.exportCsv': ({ filter, form, language }) => {
      const rows = core.inventory.rows(filter).length;
      const { date } = localDay(core.clock.now(), core.hours.timeZone);
      return {
        csv: core.inventory.csv(filter, { form: form ?? 'raw', language: language ?? 'en', timeZone: core.hours.timeZone }),
        count: rows,
        fileName: `inventory-${date}.csv`,
      };
    },
    'inventory.sync': async () => {
      const result = await core.sync.sync((network) => core.adapters.for(network));
      changed();
      return result;
    },
  };
}
