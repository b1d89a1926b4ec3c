import type { CounterCore } from '../../core/counter-core';
import { listHidDevices } from '../../devices/hid-pos-scanner';
import { listSerialPorts } from '../../devices/serial-scanner';
import type { ScannerHub } from '../../app/scanner-hub';
import type { Handlers } from '../router';

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
      core.scanners.add(config);
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
