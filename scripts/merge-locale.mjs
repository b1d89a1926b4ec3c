// Merges a JSON fragment { "en": {...}, "it": {...}, "fr": {...} } into locales/*.json (deep, last wins).
// Usage: node scripts/merge-locale.mjs fragment.json
import { readFileSync, writeFileSync } from 'node:fs';

const fragment = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const merge = (target, source) => {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) target[key] = merge(target[key] ?? {}, value);
    else target[key] = value;
  }
  return target;
};
for (const [language, messages] of Object.entries(fragment)) {
  const file = new URL(`../locales/${language}.json`, import.meta.url);
  const current = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify(merge(current, messages), null, 2) + '\n');
}
