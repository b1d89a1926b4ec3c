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

const dateTimeFormat = {
  short: { year: 'numeric', month: 'short', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  long: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  /** "14:05": a time today. */
  clock: { hour: '2-digit', minute: '2-digit' },
  /** "3 Mar, 14:05": a time on another day. */
  dayClock: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
} as const;

type Messages = typeof en;

/** Each language's texts in a chunk of its own, fetched the first time the language is used. */
const localeFiles = import.meta.glob<Messages>('../../locales/*.json', { import: 'default' });

export const i18n = createI18n({
  legacy: false,
  locale: preferredLanguage(navigator.languages),
  // Every locale has the same keys (a unit test checks), so no fallback texts need loading.
  fallbackLocale: false,
  messages: {} as Record<Language, Messages>,
  datetimeFormats: { it: dateTimeFormat, fr: dateTimeFormat, en: dateTimeFormat },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
});

/** Loads the language's texts if this page has not yet, then switches to it. */
export async function applyLanguage(language: Language): Promise<void> {
  if (!i18n.global.availableLocales.includes(language)) {
    const load = localeFiles[`../../locales/${language}.json`];
    if (!load) throw new Error(`No texts for ${language}`);
    i18n.global.setLocaleMessage(language, await load());
  }
  i18n.global.locale.value = language;
  document.documentElement.lang = language;
}
