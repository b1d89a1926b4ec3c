import type { RawScan } from './scan';

/** What kind of driver a device is; the settings screen groups by it. */
export type ScannerKind = 'wedge' | 'serial' | 'hid';

export type ScannerState = 'connected' | 'disconnected' | 'error';

/** Why a device is not connected, as a code the settings screen translates. */
export type ScannerProblem = 'not-found' | 'cannot-open' | 'lost' | 'closed' | 'wrong-mode';

/**
 * A device's status. `disconnected` is the normal "not there (yet)" state
 * (unplugged, not found, closed); `error` means it is there but cannot be
 * used (permission denied, busy, wrong mode). Both keep retrying until the
 * device is closed. `reason` is a short English sentence for logs; `problem`
 * says the same as a code, which is all the screen receives.
 */
export interface ScannerStatus {
  state: ScannerState;
  reason?: string;
  problem?: ScannerProblem;
}

export type Unsubscribe = () => void;

/** The common face of every scanner driver, so main can hold a list of them. */
export interface ScannerDevice {
  /** Stable id, e.g. `serial:/dev/ttyACM0` or `hid:0c2e:0b8f`. */
  readonly id: string;
  readonly kind: ScannerKind;
  /** The latest status. */
  readonly status: ScannerStatus;
  /** Called for every completed scan. */
  onScan(listener: (scan: RawScan) => void): Unsubscribe;
  /** Called whenever the status changes (not repeated for an identical status). */
  onStatus(listener: (status: ScannerStatus) => void): Unsubscribe;
  /** Stops the device for good: closes the port and cancels any reconnect. Idempotent. */
  close(): Promise<void>;
}
