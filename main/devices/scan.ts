/** Where a scan came from. Each scanner driver reports through this shape. */
export type ScanSource = 'wedge' | 'serial' | 'hid';

export interface RawScan {
  code: string;
  source: ScanSource;
}
