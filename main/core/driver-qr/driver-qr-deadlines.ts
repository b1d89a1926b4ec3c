import type { Clock } from '../clock';
import type { NetworkRepository } from '../networks/network-repository';
import type { DeadlineSource } from '../scheduler';
import type { DriverQr, DriverQrService } from './driver-qr-service';

/** Gives every enabled network's new QR to `rotated` once a time step boundary has passed since the last one. */
export function driverQrRotation(
  driverQr: DriverQrService,
  networks: NetworkRepository,
  clock: Clock,
  rotated: (qr: DriverQr) => void,
): DeadlineSource {
  let pushedAt = clock.now();
  return {
    name: 'driver-qr-rotation',
    nextAt: () => driverQr.nextRotationAt(pushedAt),
    run: async (now) => {
      pushedAt = now;
      for (const network of networks.list().filter((n) => n.enabled)) rotated(await driverQr.current(network.id));
    },
  };
}
