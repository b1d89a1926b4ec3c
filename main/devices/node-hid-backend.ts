/**
 * The node-hid side of the HID driver, behind a small interface so the
 * driver can be tested with a fake. node-hid is loaded on first use: a
 * machine without libusb or without HID devices never loads the native code.
 */

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  /** What `open` needs; hidapi gives one per interface. */
  path?: string;
  serialNumber?: string;
  manufacturer?: string;
  product?: string;
  /** HID usage page of the interface's top collection (0x8C barcode scanner, 0x01 generic desktop). */
  usagePage?: number;
  usage?: number;
  interface?: number;
}

export interface HidConnection {
  /** Input reports; numbered reports start with their report id. */
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  /** A read failed: on unplug, hidapi reports an error here. */
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void> | void;
}

export interface HidBackend {
  devices(vendorId: number, productId: number): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidConnection>;
}

type NodeHidModule = typeof import('node-hid');

let loaded: Promise<NodeHidModule> | undefined;
function nodeHid(): Promise<NodeHidModule> {
  loaded ??= import('node-hid').then((mod) => ((mod as { default?: NodeHidModule }).default ?? mod) as NodeHidModule);
  return loaded;
}

const toInfo = (d: import('node-hid').Device): HidDeviceInfo => {
  const info: HidDeviceInfo = { vendorId: d.vendorId, productId: d.productId };
  if (d.path) info.path = d.path;
  if (d.serialNumber) info.serialNumber = d.serialNumber;
  if (d.manufacturer) info.manufacturer = d.manufacturer;
  if (d.product) info.product = d.product;
  if (d.usagePage !== undefined) info.usagePage = d.usagePage;
  if (d.usage !== undefined) info.usage = d.usage;
  if (d.interface !== undefined && d.interface >= 0) info.interface = d.interface;
  return info;
};

export const nodeHidBackend: HidBackend = {
  async devices(vendorId, productId) {
    const hid = await nodeHid();
    return (await hid.devicesAsync(vendorId, productId)).map(toInfo);
  },
  async open(path) {
    const hid = await nodeHid();
    // HIDAsync reads on its own thread, not the libuv pool.
    return hid.HIDAsync.open(path);
  },
};

export interface HidDeviceListing {
  devices: HidDeviceInfo[];
  /** Set when listing failed (then `devices` is empty). */
  reason?: string;
}

/** Every HID interface on this machine, for the settings screen. Never throws. */
export async function listHidDevices(): Promise<HidDeviceListing> {
  try {
    const hid = await nodeHid();
    return { devices: (await hid.devicesAsync()).map(toInfo) };
  } catch (error) {
    return { devices: [], reason: `cannot list HID devices: ${error instanceof Error ? error.message : String(error)}` };
  }
}
