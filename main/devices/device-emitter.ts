import type { RawScan } from './scan';
import type { ScannerStatus, Unsubscribe } from './scanner-device';

/**
 * The listener registry behind each driver's `onScan` / `onStatus`. A
 * listener that throws is logged and does not stop the driver or the other
 * listeners.
 */
export class DeviceEmitter {
  private readonly scanListeners = new Set<(scan: RawScan) => void>();
  private readonly statusListeners = new Set<(status: ScannerStatus) => void>();
  private current: ScannerStatus;

  constructor(
    private readonly deviceId: string,
    initial: ScannerStatus = { state: 'disconnected' },
  ) {
    this.current = { ...initial };
  }

  get status(): ScannerStatus {
    return { ...this.current };
  }

  onScan(listener: (scan: RawScan) => void): Unsubscribe {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  onStatus(listener: (status: ScannerStatus) => void): Unsubscribe {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  emitScan(scan: RawScan): void {
    for (const listener of [...this.scanListeners]) this.call(listener, scan);
  }

  /** Records and announces a status; an identical status (same state and reason) is not announced twice. */
  setStatus(next: ScannerStatus): boolean {
    if (next.state === this.current.state && next.reason === this.current.reason && next.problem === this.current.problem) return false;
    this.current = {
      state: next.state,
      ...(next.reason === undefined ? {} : { reason: next.reason }),
      ...(next.problem === undefined ? {} : { problem: next.problem }),
    };
    for (const listener of [...this.statusListeners]) this.call(listener, this.status);
    return true;
  }

  clear(): void {
    this.scanListeners.clear();
    this.statusListeners.clear();
  }

  private call<T>(listener: (value: T) => void, value: T): void {
    try {
      listener(value);
    } catch (error) {
      console.error(`[opencounter] scanner ${this.deviceId}: a listener threw`, error);
    }
  }
}
