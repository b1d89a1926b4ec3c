import { createI18n } from 'vue-i18n';
import type en from '../../locales/en.json';
import type { Language } from '../../main/api/schemas';

export const SUPPORTED_LANGUAGES: readonly Language[] = ['it', 'fr', 'en'];

/** The first of the browser's or OS's preferred languages that we speak, else English. */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split('-')[0] as Language;
    if (SUPPORTED_LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/** Where English has its own way of writing dates; anywhere else English is British English. */
const ENGLISH_REGIONS = new Set(['GB', 'IE', 'US', 'CA', 'AU', 'NZ', 'ZA', 'IN', 'MT']);

/**
 * The locale dates and numbers are written in: Italian and French as such,
 * English as en-GB unless the store is in a country with its own English.
 */
export function localeTag(language: Language, countryCode?: string): string {
  if (language !== 'en') return language;
  return `en-${countryCode && ENGLISH_REGIONS.has(countryCode) ? countryCode : 'GB'}`;
}

/** Every date and time the app shows, in one place, in the store's time zone. */
function dateTimeFormats(timeZone: string | undefined) {
  const zone = timeZone ? { timeZone } : {};
  return {
    short: { year: 'numeric', month: 'short', day: 'numeric', ...zone },
    time: { hour: '2-digit', minute: '2-digit', second: '2-digit', ...zone },
    long: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', ...zone },
    /** "14:05": a time today. */
    clock: { hour: '2-digit', minute: '2-digit', ...zone },
    /** "3 Mar, 14:05": a time on another day. */
    dayClock: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', ...zone },
    /** The store's calendar day, to tell today from another day. */
    day: { year: 'numeric', month: '2-digit', day: '2-digit', ...zone },
  } as const;
}

const numberFormats = {
  integer: { maximumFractionDigits: 0 },
  decimal: { maximumFractionDigits: 1 },
} as const;

type Messages = typeof en;

/** Each language's texts in a chunk of its own, fetched the first time the language is used. */
const localeFiles = import.meta.glob<Messages>('../../locales/*.json', { import: 'default' });

/**
 * vue-i18n's default picks the plural form for 0 as for many; French counts
 * 0 and 1 alike ("0 colis livré"). Forms are "one | many" or "zero | one | many".
 */
function frenchPlural(choice: number, choicesLength: number): number {
  const n = Math.abs(choice);
  if (choicesLength === 3) return n === 0 ? 0 : n < 2 ? 1 : 2;
  return n < 2 ? 0 : 1;
}

export const i18n = createI18n({
  legacy: false,
  locale: preferredLanguage(navigator.languages),
  // Every locale has the same keys (a unit test checks), so no fallback texts need loading.
  fallbackLocale: false,
  messages: {} as Record<Language, Messages>,
  datetimeFormats: { it: dateTimeFormats(undefined), fr: dateTimeFormats(undefined), en: dateTimeFormats(undefined) },
  numberFormats: { it: numberFormats, fr: numberFormats, en: numberFormats },
  pluralRules: { fr: frenchPlural },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
});

/** Where the store is: its time zone is the one "today" is counted in, its country picks the English. */
let region: { timeZone?: string; countryCode?: string } = {};
let language: Language = preferredLanguage(navigator.languages);
/** Each language's texts, once fetched. */
const loaded = new Map<Language, Messages>();

function apply(): void {
  const messages = loaded.get(language);
  if (!messages) return;
  const tag = localeTag(language, region.countryCode);
  // Locales are keyed by the full tag (en-GB), which the message types do not know.
  const global = i18n.global as unknown as {
    availableLocales: string[];
    setLocaleMessage(tag: string, messages: unknown): void;
    setDateTimeFormat(tag: string, formats: unknown): void;
    setNumberFormat(tag: string, formats: unknown): void;
    locale: { value: string };
  };
  if (!global.availableLocales.includes(tag)) global.setLocaleMessage(tag, messages);
  global.setDateTimeFormat(tag, dateTimeFormats(region.timeZone));
  global.setNumberFormat(tag, numberFormats);
  global.locale.value = tag;
}

/** Loads the language's texts if this page has not yet, then switches to it. */
export async function applyLanguage(next: Language): Promise<void> {
  if (!loaded.has(next)) {
    const load = localeFiles[`../../locales/${next}.json`];
    if (!load) throw new Error(`No texts for ${next}`);
    loaded.set(next, await load());
  }
  language = next;
  document.documentElement.lang = next;
  apply();
}

/** The store's time zone and country, as main keeps them (Settings → Store). */
export function applyStoreRegion(next: { timeZone: string; address: { countryCode: string } }): void {
  region = { timeZone: next.timeZone, countryCode: next.address.countryCode };
  apply();
}
