import type { Locator } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Screenshots the element and decodes the QR code in it, as a driver's scanner would. */
export async function decodeQr(element: Locator): Promise<string> {
  const png = PNG.sync.read(await element.screenshot({ animations: 'disabled', caret: 'hide' }));
  const result = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!result) throw new Error(`No QR code found in a ${png.width}×${png.height} screenshot`);
  return result.data;
}

/** "123456" as the screen shows it: "123 456". */
export function spaced(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
