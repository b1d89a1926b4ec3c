import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
import type { ManifestItem } from '../networks/network-adapter';
import type { CustodyLedger } from './custody-ledger';
import type { ParcelRepository } from './parcel-repository';
import type { PickupCodeHasher } from './pickup-codes';
import { normaliseTrackingId } from './parcel-rules';
import { SYSTEM_ACTOR } from './types';

/**
 * Adds the parcels a network announces as `expected`. A parcel already known
 * is left as it is, unless it arrived before its announcement: then the
 * announcement completes what the intake could not know (customer, size,
 * pickup code), with a note in its custody log, so the customer can collect
 * it by code.
 */
export function ingestManifest(
  db: Database,
  clock: Clock,
  parcels: ParcelRepository,
  ledger: CustodyLedger,
  hasher: PickupCodeHasher,
  networkId: string,
  items: readonly ManifestItem[],
): number {
  const insert = db.prepare(
    `INSERT INTO parcels (network_id, tracking_id, recipient_name, size, pickup_code_hash, state, announced_at, state_changed_at)
     VALUES (?, ?, ?, ?, ?, 'expected', ?, ?)`,
  );
  const known = db.prepare<[string, string], { id: number; awaiting_announcement: number }>(
    'SELECT id, awaiting_announcement FROM parcels WHERE network_id = ? AND tracking_id = ?',
  );
  const complete = db.prepare(
    'UPDATE parcels SET recipient_name = ?, size = ?, pickup_code_hash = ?, awaiting_announcement = 0 WHERE id = ? AND awaiting_announcement = 1',
  );
  return db
    .transaction(() => {
      let added = 0;
      const now = clock.now();
      for (const item of items) {
        const trackingId = normaliseTrackingId(item.trackingId);
        // A page sent again is mostly known parcels: skip them before paying for the code's HMAC.
        const existing = known.get(networkId, trackingId);
        if (existing?.awaiting_announcement === 1) {
          complete.run(item.recipientName, item.size, hasher.hash(item.pickupCode), existing.id);
          ledger.note(parcels.byId(existing.id), { actorId: SYSTEM_ACTOR, method: 'system', reason: 'announced-after-intake' });
        }
        if (existing !== undefined) continue;
        // Inside this immediate transaction nothing else can add the parcel between the look-up and the insert.
        const result = insert.run(networkId, trackingId, item.recipientName, item.size, hasher.hash(item.pickupCode), now, now);
        added++;
        ledger.recordCreation(parcels.byId(Number(result.lastInsertRowid)), {
          actorId: SYSTEM_ACTOR,
          method: 'system',
          reason: 'announced',
        });
      }
      return added;
    })
    .immediate();
}
