import { SerialPort } from 'serialport';

export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
  pnpId?: string;
}

export interface SerialPortListing {
  ports: SerialPortInfo[];
  /** Set when listing failed (then `ports` is empty): show it, and let the user type a path. */
  reason?: string;
}

export interface ListSerialPortsOptions {
  /** Give up after this long. Default 5 000 ms. */
  timeoutMs?: number;
  /** Replaces SerialPort.list (tests). */
  list?: () => Promise<Array<Partial<SerialPortInfo> & { path: string }>>;
}

/**
 * The serial ports on this machine, for the settings screen. Never throws:
 * on Linux SerialPort.list() shells out to `udevadm`, which may be missing or
 * hang, so a failure or a timeout gives `{ ports: [], reason }`.
 */
export async function listSerialPorts(options: ListSerialPortsOptions = {}): Promise<SerialPortListing> {
  const list = options.list ?? (() => SerialPort.list());
  const timeoutMs = options.timeoutMs ?? 5000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`listing serial ports took longer than ${timeoutMs} ms`)), timeoutMs);
    });
    const found = await Promise.race([Promise.resolve().then(list), timeout]);
    const ports = found.map((p) => {
      const info: SerialPortInfo = { path: p.path };
      for (const key of ['manufacturer', 'serialNumber', 'vendorId', 'productId', 'pnpId'] as const) {
        const value = p[key];
        if (typeof value === 'string' && value) info[key] = value;
      }
      return info;
    });
    return { ports };
  } catch (error) {
    return { ports: [], reason: `cannot list serial ports: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
