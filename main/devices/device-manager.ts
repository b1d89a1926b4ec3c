import type { RawScan } from './scan';
import type { ScannerDevice, ScannerKind, ScannerStatus } from './scanner-device';

export interface ManagedScanner<C> {
  id: string;
  config: C;
}

export interface DeviceManagerOptions<C> {
  open(config: C, id: string): ScannerDevice;
  onScan(scan: RawScan): void;
  onStatus(id: string, kind: ScannerKind, status: ScannerStatus): void;
}

/**
 * Keeps the open scanner devices in line with the configured list: opens the
 * new ones, closes the removed ones, and forwards their scans and statuses.
 */
export class DeviceManager<C> {
  private readonly open = new Map<string, { device: ScannerDevice; unsubscribe: () => void }>();

  constructor(private readonly options: DeviceManagerOptions<C>) {}

  async sync(wanted: readonly ManagedScanner<C>[]): Promise<void> {
    const ids = new Set(wanted.map((w) => w.id));
    for (const [id, entry] of this.open) {
      if (!ids.has(id)) {
        this.open.delete(id);
        entry.unsubscribe();
        await entry.device.close();
      }
    }
    for (const { id, config } of wanted) {
      if (this.open.has(id)) continue;
      const device = this.options.open(config, id);
      const offScan = device.onScan((scan) => this.options.onScan({ ...scan, deviceId: scan.deviceId ?? id }));
      const offStatus = device.onStatus((status) => this.options.onStatus(id, device.kind, status));
      this.open.set(id, { device, unsubscribe: () => (offScan(), offStatus()) });
      this.options.onStatus(id, device.kind, device.status);
    }
  }

  statuses(): { id: string; kind: ScannerKind; status: ScannerStatus }[] {
    return [...this.open.entries()].map(([id, { device }]) => ({ id, kind: device.kind, status: device.status }));
  }

  async closeAll(): Promise<void> {
    await this.sync([]);
  }
}
