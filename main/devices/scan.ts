/** Where a scan came from. Each scanner driver reports through this shape. */
export type ScanSource = 'wedge' | 'serial' | 'hid';

export interface RawScan {
  /** The decoded barcode text, terminator, prefix and suffix already removed. Not otherwise normalised. */
  code: string;
  source: ScanSource;
  /** The `ScannerDevice.id` that produced it, when known (for "same code, same device within 1 s"). */
  deviceId?: string;
  /**
   * AIM symbology identifier reported out of band (HID POS scanners send it in
   * its own field), e.g. `]C1` for GS1-128. Absent when the device did not say.
   * Serial and wedge scanners that send AIM prefixes leave them inside `code`.
   */
  symbology?: string;
}
