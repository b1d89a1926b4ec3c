/**
 * Keyboard/Keypad page (0x07) usage ids → characters, US layout (HID Usage
 * Tables, "Keyboard/Keypad Page"). Only the keys a barcode can contain.
 */

export const KEY_ENTER = 0x28;
export const KEY_TAB = 0x2b;
export const KEY_KEYPAD_ENTER = 0x58;

/** [unshifted, shifted] for the punctuation row and friends, from 0x2C (Space) to 0x38 (/). */
const PUNCTUATION: Record<number, [string, string]> = {
  0x2c: [' ', ' '],
  0x2d: ['-', '_'],
  0x2e: ['=', '+'],
  0x2f: ['[', '{'],
  0x30: [']', '}'],
  0x31: ['\\', '|'],
  0x32: ['#', '~'], // Non-US # and ~
  0x33: [';', ':'],
  0x34: ["'", '"'],
  0x35: ['`', '~'],
  0x36: [',', '<'],
  0x37: ['.', '>'],
  0x38: ['/', '?'],
};

const DIGITS_SHIFTED = '!@#$%^&*()';
const KEYPAD: Record<number, string> = {
  0x54: '/',
  0x55: '*',
  0x56: '-',
  0x57: '+',
  0x59: '1',
  0x5a: '2',
  0x5b: '3',
  0x5c: '4',
  0x5d: '5',
  0x5e: '6',
  0x5f: '7',
  0x60: '8',
  0x61: '9',
  0x62: '0',
  0x63: '.',
};

/** The character a key types, or undefined for keys that type none (F-keys, arrows, Enter, ...). */
export function keyboardUsageToChar(usage: number, shift: boolean): string | undefined {
  if (usage >= 0x04 && usage <= 0x1d) {
    const letter = String.fromCharCode(0x61 + usage - 0x04);
    return shift ? letter.toUpperCase() : letter;
  }
  if (usage >= 0x1e && usage <= 0x27) {
    const index = usage - 0x1e; // 1..9, then 0
    return shift ? DIGITS_SHIFTED[index] : String((index + 1) % 10);
  }
  const pair = PUNCTUATION[usage];
  if (pair) return shift ? pair[1] : pair[0];
  return KEYPAD[usage];
}
