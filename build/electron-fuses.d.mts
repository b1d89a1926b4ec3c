import type { FuseConfig } from '@electron/fuses';

export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}

export const FUSES: FuseConfig;
export function electronBinaryOf(context: PackContext): string;
export default function afterPack(context: PackContext): Promise<void>;
