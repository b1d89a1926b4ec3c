import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Screenshots the element and decodes the QR code in it, as a driver's scanner would. */
export async function decodeQr(element: Locator): Promise<string> {
  return decodePng(await element.screenshot({ animations: 'disabled', caret: 'hide' }));
}

/** Decodes the QR code from what the viewport shows (nothing scrolled into view), as a reader held to the screen would. */
export async function decodeQrOnScreen(page: Page): Promise<string> {
  return decodePng(await page.screenshot({ animations: 'disabled', caret: 'hide', fullPage: false }));
}

function decodePng(buffer: Buffer): string {
  const png = PNG.sync.read(buffer);
  const result = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!result) throw new Error(`No QR code found in a ${png.width}×${png.height} screenshot`);
  return result.data;
}

/** "123456" as the screen shows it: "123 456". */
export function spaced(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
