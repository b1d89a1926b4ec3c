import { pathToFileURL } from 'node:url';

/** Where the window loads the renderer from, and the URL it counts as its own. */
export type RendererLocation = { kind: 'url'; url: string; appUrl: string } | { kind: 'file'; path: string; appUrl: string };

/**
 * In development electron-vite serves the renderer and passes its address in
 * ELECTRON_RENDERER_URL; a built or packaged app loads out/renderer/index.html.
 */
export function locateRenderer(devServerUrl: string | undefined, indexHtmlPath: string): RendererLocation {
  if (devServerUrl) return { kind: 'url', url: devServerUrl, appUrl: devServerUrl };
  return { kind: 'file', path: indexHtmlPath, appUrl: pathToFileURL(indexHtmlPath).href };
}

/**
 * Whether `candidate` is the app's own page: the same file for a file: app
 * (any hash, since the router lives in the hash), the same origin for the
 * development server. Anything unparsable is foreign.
 */
export function isAppUrl(candidate: string, appUrl: string): boolean {
  let url: URL;
  let own: URL;
  try {
    url = new URL(candidate);
    own = new URL(appUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (own.protocol === 'file:') return url.protocol === 'file:' && url.host === own.host && url.pathname === own.pathname;
  return (own.protocol === 'http:' || own.protocol === 'https:') && url.origin === own.origin;
}

/** Loads the renderer into the window from wherever it lives. */
export function loadRenderer(
  window: { loadURL(url: string): Promise<void>; loadFile(path: string): Promise<void> },
  location: RendererLocation,
): Promise<void> {
  return location.kind === 'url' ? window.loadURL(location.url) : window.loadFile(location.path);
}
