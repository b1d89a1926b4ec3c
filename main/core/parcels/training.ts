import type { Database } from 'better-sqlite3';
import { DAY_MS } from '../durations';

/**
 * Training time for the demo networks: their parcels age as if `days` had
 * passed (received, expiry and return-ready move back), so staff can see a
 * parcel expire without waiting. The custody log keeps real times.
 */
export function passDemoDays(db: Database, days: number): void {
  const shift = days * DAY_MS;
  db.prepare(
    `UPDATE parcels SET received_at = received_at - @shift, expires_at = expires_at - @shift, return_ready_at = return_ready_at - @shift
     WHERE network_id IN (SELECT id FROM networks WHERE adapter = 'demo')`,
  ).run({ shift });
}
