import { writeSync } from 'node:fs';
import { ManualClock } from '../../main/core/clock';
import { openCounterCore } from '../../main/core/counter-core';
import type { ManifestItem, NetworkAdapter } from '../../main/core/networks/network-adapter';
import type { ActionContext } from '../../main/core/parcels/types';
import { CRASH_NETWORK, CRASH_PARCELS, crashParcel, pickupCodeOf } from './crash-parcels';

/**
 * The counter at work, to be killed at any moment: intake scans and customer
 * pickups on a real database, one after the other, for as long as it lives.
 * It prints `ACK intake <id>` or `ACK pickup <id>` only after the scan's
 * transaction returned: what the screen would have confirmed.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: scan-worker <data-dir> [seed]');
let seed = Number(process.argv[3] ?? 1) >>> 0 || 1;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32;

const say = (line: string) => writeSync(1, `${line}\n`);
const scanner: ActionContext & { method: 'scanner' } = { actorId: 'counter', method: 'scanner' };
const keyboard: ActionContext & { method: 'keyboard' } = { actorId: 'counter', method: 'keyboard' };

const announcing: NetworkAdapter = {
  async pullManifest(_networkId, cursor) {
    const items: ManifestItem[] = cursor === 'all' ? [] : Array.from({ length: CRASH_PARCELS }, (_, i) => crashParcel(i));
    return { items, cursor: 'all' };
  },
  async pushEvents() {},
};

const core = openCounterCore(dataDir, new ManualClock(Date.UTC(2026, 10, 24, 9)));
await core.counter.pullManifest(CRASH_NETWORK, announcing);
const { deliveries, pickups } = core.counter;
// Picking the next parcel is the worker's business, not the counter's: one cheap query, not a list of thousands.
const pick = core.db.prepare<[string, string, number], { tracking_id: string }>(
  'SELECT tracking_id FROM parcels WHERE network_id = ? AND state = ? ORDER BY (id * 7919 + ?) % 100003 LIMIT 1',
);
say('READY');

for (;;) {
  const received = random() < 0.4 ? pick.get(CRASH_NETWORK, 'received', Math.floor(random() * 100_000)) : undefined;
  if (received) {
    const start = pickups.start(pickupCodeOf(received.tracking_id), keyboard, CRASH_NETWORK);
    if (start.outcome !== 'found') throw new Error(`pickup of ${received.tracking_id}: ${start.outcome}`);
    pickups.scan(start.pickupId, received.tracking_id, scanner);
    pickups.complete(start.pickupId, scanner);
    say(`ACK pickup ${received.tracking_id}`);
    continue;
  }
  const expected = pick.get(CRASH_NETWORK, 'expected', Math.floor(random() * 100_000));
  if (!expected) {
    say('DONE');
    break;
  }
  const delivery = deliveries.handOver(CRASH_NETWORK, scanner, [expected.tracking_id]);
  const outcome = deliveries.scan(delivery.id, expected.tracking_id, scanner);
  if (outcome.outcome !== 'received') throw new Error(`intake of ${expected.tracking_id}: ${outcome.outcome}`);
  say(`ACK intake ${expected.tracking_id}`);
  if (random() < 0.1) deliveries.complete(delivery.id);
}
core.close();
