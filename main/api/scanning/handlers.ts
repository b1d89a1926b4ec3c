import type { CounterCore } from '../../core/counter-core';
import { looksLikeSerialDevice } from '../../core/scanning/scanner-config';
import type { ScannerPreferences } from '../../core/scanning/scanner-shapes';
import type { HandlersOf } from '../call';
import type { CallOutput } from '../contract';
import type { scanningCalls } from './calls';

/**
 * What the scanner calls need from the process: the scanners it opened and
 * what is plugged in. main/app gives the scanner hub and the device listing
 * through this, so the api depends on neither.
 */
export interface ScannerControl {
  list(): CallOutput<'scanners.list'>;
  /** Opens what settings ask for now and closes what they no longer name. */
  refresh(): Promise<void>;
  applyPreferences(preferences: ScannerPreferences): void;
  /** Key-downs for the keyboard-wedge detector, on main's clock. */
  feedKeys(keys: readonly { key: string; at: number }[]): void;
  /** Serial ports and HID devices present, or why they cannot be listed. */
  available(): Promise<CallOutput<'scanners.available'>>;
}

/** Scanner settings and the wedge key feed. Device work happens behind `ScannerControl`. */
export function scannerHandlers(core: Pick<CounterCore, 'scanners'>, scanners: ScannerControl): HandlersOf<typeof scanningCalls> {
  return {
    'scanners.list': () => scanners.list(),
    'scanners.available': () => scanners.available(),
    'scanners.add': async ({ config }) => {
      // The port list is asked only for a path that does not look like a serial device (it can take seconds).
      const offered =
        config.kind === 'serial' && !looksLikeSerialDevice(config.path) ? (await scanners.available()).serialPorts.map((p) => p.path) : [];
      core.scanners.add(config, offered);
      await scanners.refresh();
      return scanners.list();
    },
    'scanners.remove': async ({ id }) => {
      core.scanners.remove(id);
      await scanners.refresh();
      return scanners.list();
    },
    'scanners.preferences': () => core.scanners.preferences(),
    'scanners.setPreferences': ({ preferences }) => {
      const saved = core.scanners.setPreferences(preferences);
      scanners.applyPreferences(saved);
      return saved;
    },
    'wedge.keys': ({ keys }) => {
      // The page's timestamps are on its own clock: shift them so the last key is "now" in main, keeping the gaps.
      const offset = performance.now() - Math.max(...keys.map((k) => k.at));
      scanners.feedKeys(keys.map((k) => ({ key: k.key, at: k.at + offset })));
      return { accepted: keys.length };
    },
  };
}
