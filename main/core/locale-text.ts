import en from '../../locales/en.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import it from '../../locales/it.json' with { type: 'json' };

export type TextLanguage = 'it' | 'fr' | 'en';
type Tree = { [key: string]: Tree | string | unknown };
const LOCALES: Record<TextLanguage, Tree> = { it, fr, en };

/**
 * A word from the locale files, for the few things main writes for a person
 * to read outside the app (a CSV file opened in a spreadsheet). Plain
 * messages only: no plurals, no placeholders. The key itself if it is missing.
 */
export function localeText(language: TextLanguage, path: string): string {
  let value: unknown = LOCALES[language];
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Tree)[key] : undefined;
  return typeof value === 'string' ? value : path;
}
