import { createI18n } from 'vue-i18n';
import en from '../../locales/en.json';
import fr from '../../locales/fr.json';
import it from '../../locales/it.json';
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

export const i18n = createI18n({
  legacy: false,
  locale: preferredLanguage(navigator.languages),
  fallbackLocale: 'en',
  messages: { it, fr, en },
  datetimeFormats: { it: dateTimeFormat, fr: dateTimeFormat, en: dateTimeFormat },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
});

export function applyLanguage(language: Language): void {
  i18n.global.locale.value = language;
  document.documentElement.lang = language;
}
