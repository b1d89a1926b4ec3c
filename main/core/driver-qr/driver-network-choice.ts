import type { DriverCheckIns } from '../networks/driver-check-ins';
import type { NetworkRepository } from '../networks/network-repository';
import type { Deliveries } from '../parcels/deliveries';

/**
 * Which network the driver QR screen opens on: the one whose driver has just
 * checked in, else the one whose driver usually comes at this time of day,
 * else none (the screen shows the first). Only enabled networks count.
 */
export function suggestDriverNetwork(
  now: number,
  sources: { checkIns: DriverCheckIns; deliveries: Deliveries; networks: NetworkRepository },
): string | null {
  const enabled = new Set(
    sources.networks
      .list()
      .filter((n) => n.enabled)
      .map((n) => n.id),
  );
  const checkedIn = sources.checkIns.current().find((c) => enabled.has(c.networkId));
  if (checkedIn) return checkedIn.networkId;
  const usual = sources.deliveries.usualNetworkAt(now);
  return usual !== undefined && enabled.has(usual) ? usual : null;
}
