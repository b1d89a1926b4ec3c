// Git merge driver for locales/*.json: a three-way merge key by key, so two
// branches that each add their own keys never conflict. A key both sides
// changed to different values keeps ours and is reported (exit 1 = conflict).
// Set up once per clone:
//   git config merge.locale-json.driver "node scripts/merge-locale-json.mjs %O %A %B"
import { readFileSync, writeFileSync } from 'node:fs';

const [basePath, oursPath, theirsPath] = process.argv.slice(2);
const read = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
};
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const conflicts = [];

function merge(base, ours, theirs, path) {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (isObject(ours) && isObject(theirs)) {
    const b = isObject(base) ? base : {};
    const out = {};
    for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const value = merge(b[key], ours[key], theirs[key], [...path, key]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  conflicts.push(path.join('.'));
  return ours;
}

const result = merge(read(basePath), read(oursPath), read(theirsPath), []);
writeFileSync(oursPath, JSON.stringify(result, null, 2) + '\n');
if (conflicts.length > 0) {
  console.error(`locale keys changed on both sides (ours kept): ${conflicts.join(', ')}`);
  process.exit(1);
}
