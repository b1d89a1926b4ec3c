import type { EventBus } from '../api/event-bus';
import type { ScannerControl } from '../api/scanning/handlers';
import type { CounterCore } from '../core/counter-core';
import type { ScannerConfig, ScannerPreferences } from '../core/scanning/scanner-shapes';
import { DeviceManager } from '../devices/device-manager';
import { listHidDevices, openHidScanner } from '../devices/hid-pos-scanner';
import type { WedgeKeyEvent } from '../devices/keyboard-wedge';
import type { RawScan } from '../devices/scan';
import type { ScannerDevice, ScannerKind, ScannerStatus } from '../devices/scanner-device';
import { listSerialPorts, openSerialScanner } from '../devices/serial-scanner';
import { createWedgeScanner, type WedgeScanner } from '../devices/wedge-scanner';

export interface ScannerView {
  id: string;
  kind: ScannerKind;
  status: ScannerStatus;
  /** False for a scanner given on the command line (--serial): it is not in settings. */
  configured: boolean;
}

export interface ScannerHubOptions {
  core: CounterCore;
  events: EventBus;
  receiveScan(scan: RawScan): void;
  /** Serial paths from the command line, opened for this run only. */
  extraSerialPaths?: readonly string[];
  /** Tests and the Electron glue may open devices differently. */
  openDevice?(config: ScannerConfig, id: string): ScannerDevice;
  log?(message: string, error?: unknown): void;
}

const WEDGE_ID = 'wedge';

function openConfigured(config: ScannerConfig, id: string, log: (m: string) => void): ScannerDevice {
  if (config.kind === 'serial') {
    return openSerialScanner({
      id,
      path: config.path,
      baudRate: config.baudRate,
      terminator: config.terminator,
      onError: (error) => log(`scanner ${id}: ${error.message}`),
    });
  }
  return openHidScanner({ id, vendorId: config.vendorId, productId: config.productId, format: config.format });
}

/**
 * Every scanner of the counter in one place: the keyboard wedge (fed by
 * Electron's before-input-event or the browser host's key forwarding), the
 * serial and HID scanners from settings, and any from the command line.
 */
export class ScannerHub implements ScannerControl {
  private readonly manager: DeviceManager<ScannerConfig>;
  private wedgeDevice: WedgeScanner;
  private readonly log: (message: string, error?: unknown) => void;
  private typingSink: ((keys: readonly WedgeKeyEvent[]) => void) | undefined;

  constructor(private readonly options: ScannerHubOptions) {
    this.log = options.log ?? (() => {});
    const open = options.openDevice ?? ((config, id) => openConfigured(config, id, this.log));
    this.manager = new DeviceManager<ScannerConfig>({
      open,
      onScan: options.receiveScan,
      onStatus: (id, kind, status) => options.events.emit('scanner.status', { id, kind, status }),
    });
    this.wedgeDevice = this.makeWedge(options.core.scanners.preferences());
  }

  get wedge(): WedgeScanner {
    return this.wedgeDevice;
  }

  /** Opens what settings and the command line ask for and closes what they no longer do. */
  async refresh(): Promise<void> {
    const configured = this.options.core.scanners.list();
    const extra = (this.options.extraSerialPaths ?? []).map((path) => ({
      id: `serial:${path}`,
      // Whatever line end the scanner sends: CR, LF or CR LF.
      config: { kind: 'serial', path, baudRate: 9600, terminator: 'ANY' } as ScannerConfig,
    }));
    const byId = new Map([...extra, ...configured].map((s) => [s.id, s]));
    await this.manager.sync([...byId.values()]);
  }

  list(): ScannerView[] {
    const configured = new Set(this.options.core.scanners.list().map((s) => s.id));
    return [
      { id: WEDGE_ID, kind: 'wedge' as const, status: this.wedgeDevice.status, configured: true },
      ...this.manager.statuses().map((s) => ({ ...s, configured: configured.has(s.id) })),
    ];
  }

  /** Serial ports and HID devices present now, or why the system cannot list them. */
  async available() {
    const [serial, hid] = await Promise.all([listSerialPorts(), listHidDevices()]);
    return {
      serialPorts: serial.ports.map((p) => ({ path: p.path, manufacturer: p.manufacturer })),
      serialReason: serial.reason,
      hidDevices: hid.devices.map((d) => ({ vendorId: d.vendorId, productId: d.productId, product: d.product })),
      hidReason: hid.reason,
    };
  }

  /** Key-downs from the renderer (browser host) or before-input-event (Electron). */
  feedKeys(keys: readonly WedgeKeyEvent[]): void {
    for (const key of keys) this.wedgeDevice.feed(key);
  }

  /** Where held keys go when the wedge's idle timer decides they were typing (Electron re-sends them to the page). */
  setTypingSink(sink: (keys: readonly WedgeKeyEvent[]) => void): void {
    this.typingSink = sink;
  }

  /** New wedge settings take effect at once: a fresh detector with the new timing. */
  applyPreferences(preferences: ScannerPreferences): void {
    void this.wedgeDevice.close();
    this.wedgeDevice = this.makeWedge(preferences);
  }

  async close(): Promise<void> {
    await this.wedgeDevice.close();
    await this.manager.closeAll();
  }

  private makeWedge(preferences: ScannerPreferences): WedgeScanner {
    const wedge = createWedgeScanner({
      id: WEDGE_ID,
      maxIntervalMs: preferences.wedge.maxIntervalMs,
      minLength: preferences.wedge.minLength,
      terminator: preferences.wedge.terminator,
      prefix: preferences.wedge.prefix || undefined,
      suffix: preferences.wedge.suffix || undefined,
      onRelease: (keys) => this.typingSink?.(keys),
    });
    wedge.onScan((scan) => this.options.receiveScan(scan));
    return wedge;
  }
}
