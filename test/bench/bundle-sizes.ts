import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const rendererDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * The renderer's first screen against the screens loaded when first opened:
 * what index.html loads (plus one language's texts) versus every lazy chunk.
 * Sizes of the built files in out/renderer (`npm run bench` builds it first), raw and gzipped.
 */
export async function benchBundleSizes(): Promise<{ rows: [string, string][] }> {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const assets = readdirSync(join(rendererDir, 'assets')).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const size = (file: string) => {
    const bytes = readFileSync(join(rendererDir, 'assets', file));
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const sum = (files: string[]) => files.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  const first = assets.filter((f) => html.includes(`assets/${f}`));
  const locale = assets.find((f) => /^en-[\w-]+\.js$/.test(f));
  const lazy = assets.filter((f) => !first.includes(f) && !/^(it|fr|en)-[\w-]+\.js$/.test(f));
  const firstTotal = sum(locale ? [...first, locale] : first);
  const lazyTotal = sum(lazy);
  const name = (f: string) => f.replace(/-[\w-]{8}\.(js|css)$/, '.$1');
  return {
    rows: [
      [`First screen: ${first.map(name).join(', ')}${locale ? ' + en.js' : ''}`, `${kB(firstTotal.raw)} (gzip ${kB(firstTotal.gzip)})`],
      ['Loaded when first opened (every lazy chunk together)', `${kB(lazyTotal.raw)} (gzip ${kB(lazyTotal.gzip)})`],
      ...lazy
        .map((f) => [f, size(f)] as const)
        .sort((a, b) => b[1].raw - a[1].raw)
        .map(([f, s]): [string, string] => [`  lazy: ${name(f)}`, `${kB(s.raw)} (gzip ${kB(s.gzip)})`]),
    ],
  };
}
