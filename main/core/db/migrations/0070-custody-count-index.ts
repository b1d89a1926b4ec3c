import type { Migration } from '../migration';

/**
 * Counting a network's parcels in custody (capacity, every intake scan) read
 * every received parcel of every network; this index makes it a range count.
 */
export const custodyCountIndex: Migration = {
  version: 70,
  name: 'custody-count-index',
  up(db) {
    db.exec('CREATE INDEX parcels_network_state ON parcels (network_id, state)');
  },
};
