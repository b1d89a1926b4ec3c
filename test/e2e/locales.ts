import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './host';

export type Language = 'en' | 'it' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'it', 'fr'];

/** The subset of the locale files the e2e tests read. */
export interface Messages {
  nav: { home: string; driverQr: string; helpLabel: string };
  language: { names: Record<Language, string> };
  home: { title: string; tiles: Record<'driverDelivery' | 'pickup' | 'driverPickup' | 'inventory' | 'help' | 'settings' | 'training', string> };
  driverQr: { title: string; chooseNetwork: string; qrAria: string; codeLabel: string };
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
