import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './host';

export type Language = 'en' | 'it' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'it', 'fr'];

/** The subset of the locale files the e2e tests read. */
export interface Messages {
  nav: { home: string; driverQr: string; helpLabel: string };
  language: { names: Record<Language, string> };
  home: {
    title: string;
    tiles: Record<'driverDelivery' | 'pickup' | 'driverPickup' | 'inventory' | 'help' | 'settings' | 'training', string>;
  };
  driverQr: { title: string; chooseNetwork: string; qrAria: string; codeLabel: string };
  hours: { title: string; today: string };
  help: { title: string; screens: Record<'home' | 'driver' | 'settings', string>; tips: Record<'home' | 'driver' | 'settings', string[]> };
}

/** The strings the app shows, read from locales/*.json so the tests follow the translators. */
export const messages: Record<Language, Messages> = Object.fromEntries(
  LANGUAGES.map((language) => [language, JSON.parse(readFileSync(join(repoRoot, 'locales', `${language}.json`), 'utf8'))]),
) as Record<Language, Messages>;

/** Matches an accessible name that starts with `text` as a whole word (tiles are named "title hint"). */
export function startsWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
}

type Tree = { [key: string]: Tree | string };
const trees = Object.fromEntries(
  (['en', 'it', 'fr'] as const).map((l) => [l, JSON.parse(readFileSync(join(repoRoot, 'locales', `${l}.json`), 'utf8')) as Tree]),
) as Record<Language, Tree>;

/** A message as vue-i18n renders it: placeholders filled, the plural form chosen as vue-i18n does. */
export function msg(language: Language, path: string, vars: Record<string, string | number> = {}, count?: number): string {
  let value: Tree | string | undefined = trees[language];
  for (const key of path.split('.')) value = typeof value === 'object' ? value[key] : undefined;
  if (typeof value !== 'string') throw new Error(`No message ${path} in ${language}`);
  return count === undefined ? fill(value, vars) : plural(value, count, vars);
}

/** A message's placeholders filled as vue-i18n fills them (`{'|'}` is a literal). */
export function fill(message: string, vars: Record<string, string | number>): string {
  return message.replace(/\{'([^']*)'\}/g, '$1').replace(/\{(\w+)\}/g, (_, key: string) => String(vars[key] ?? `{${key}}`));
}

/** vue-i18n's choice of "one | many" or "none | one | many", filled with `count` and `vars`. */
export function plural(message: string, count: number, vars: Record<string, string | number> = {}): string {
  const forms = message.split(' | ');
  const form = forms.length === 2 ? forms[count === 1 ? 0 : 1]! : forms[Math.min(count, forms.length - 1)]!;
  return fill(form, { count, ...vars });
}

/** A tracking ID as the screens show it, in groups of four. */
export const grouped = (trackingId: string) => trackingId.replace(/(.{4})(?=.)/g, '$1 ');
