import type { KeyboardLayoutObject } from 'simple-keyboard';

/** The keys that are not characters: each has an accessible name in the locales (kiosk.keyboard.*). */
export const FUNCTION_KEYS = ['{bksp}', '{enter}', '{shift}', '{space}', '{close}'] as const;
export type FunctionKey = (typeof FUNCTION_KEYS)[number];

const DIGITS = '1 2 3 4 5 6 7 8 9 0 {bksp}';
const DIGITS_SHIFTED = '! ? + = ( ) & % # * {bksp}';
const BOTTOM = "{close} @ {space} ' /";
const BOTTOM_SHIFTED = '{close} _ {space} " :';

/** Letters (with the language's accented ones) for each language the app speaks; shift gives capitals and symbols. */
const LETTERS: Record<'it' | 'fr' | 'en', string[]> = {
  it: ['q w e r t y u i o p', 'a s d f g h j k l {enter}', '{shift} z x c v b n m , . -', 'à è é ì ò ù ç'],
  fr: ['a z e r t y u i o p', 'q s d f g h j k l m {enter}', '{shift} w x c v b n , . -', 'à â é è ê ë î ï ô ù û ç'],
  en: ['q w e r t y u i o p', 'a s d f g h j k l {enter}', '{shift} z x c v b n m , . -', 'à è é ì ò ù ç'],
};
const SHIFTED_SYMBOLS: Record<string, string> = { ',': ';', '.': ':', '-': '_' };

const shiftKey = (key: string) => (key.startsWith('{') ? key : (SHIFTED_SYMBOLS[key] ?? key.toLocaleUpperCase()));

export function keyboardLayout(language: string): KeyboardLayoutObject {
  const letters = LETTERS[language as keyof typeof LETTERS] ?? LETTERS.en;
  return {
    default: [DIGITS, ...letters, BOTTOM],
    shift: [DIGITS_SHIFTED, ...letters.map((row) => row.split(' ').map(shiftKey).join(' ')), BOTTOM_SHIFTED],
  };
}

/** Every key of a layout, for attributes every button gets. */
export function allKeys(layout: KeyboardLayoutObject): string {
  return [...new Set(Object.values(layout).flatMap((rows) => rows.flatMap((row) => row.split(' '))))].join(' ');
}
