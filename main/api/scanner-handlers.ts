import type { CounterCore } from '../core/counter-core';
import { listHidDevices } from '../devices/hid-pos-scanner';
import { listSerialPorts } from '../devices/serial-scanner';
import type { ScannerHub } from '../scanner-hub';
import { looksLikeSerialDevice } from '../core/scanning/scanner-config';
import type { Handlers } from './router';

type ScannerCallName = Extract<keyof Handlers, `scanners.${string}` | 'wedge.keys'>;

/** Scanner settings and the wedge key feed. Device work happens in main/devices through the hub. */
export function scannerHandlers(core: CounterCore, hub: ScannerHub): Pick<Handlers, ScannerCallName> {
  return {
    'scanners.list': () => hub.list(),
    'scanners.available': async () => {
      const [serial, hid] = await Promise.all([listSerialPorts(), listHidDevices()]);
      return {
        serialPorts: serial.ports.map((p) => ({ path: p.path, manufacturer: p.manufacturer })),
        serialReason: serial.reason,
        hidDevices: hid.devices.map((d) => ({ vendorId: d.vendorId, productId: d.productId, product: d.product })),
        hidReason: hid.reason,
      };
    },
    'scanners.add': async ({ config }) => {
      // The port list is asked only for a path that does not look like a serial device (it can take seconds).
      const offered = config.kind === 'serial' && !looksLikeSerialDevice(config.path) ? (await listSerialPorts()).ports.map((p) => p.path) : [];
      core.scanners.add(config, offered);
      await hub.refresh();
      return hub.list();
    },
    'scanners.remove': async ({ id }) => {
      core.scanners.remove(id);
      await hub.refresh();
      return hub.list();
    },
    'scanners.preferences': () => core.scanners.preferences(),
    'scanners.setPreferences': ({ preferences }) => {
      const saved = core.scanners.setPreferences(preferences);
      hub.applyPreferences(saved);
      return saved;
    },
    'wedge.keys': ({ keys }) => {
      // The page's timestamps are on its own clock: shift them so the last key is "now" in main, keeping the gaps.
      const offset = performance.now() - Math.max(...keys.map((k) => k.at));
      hub.feedKeys(keys.map((k) => ({ key: k.key, at: k.at + offset })));
      return { accepted: keys.length };
    },
  };
}
