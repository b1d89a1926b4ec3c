import type { Migration } from '../migration';

/**
 * A one-parcel pickup finishes on its own a few seconds after the parcel is
 * scanned, unless staff undo it: `finish_at` is when. The hand-over is only
 * committed (custody event) when it finishes, so an undo leaves no trace in
 * the custody log.
 */
export const pickupFinishWindow: Migration = {
  version: 170,
  name: 'pickup-finish-window',
  up(db) {
    db.exec(`
      ALTER TABLE pickups ADD COLUMN finish_at INTEGER;
      CREATE INDEX pickups_pending_finish ON pickups (finish_at) WHERE completed_at IS NULL AND finish_at IS NOT NULL;
    `);
  },
};
