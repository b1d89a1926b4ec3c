import type { WebContents } from 'electron';
import { isAppUrl } from './renderer-location';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keeps the window on the app's own page: navigation anywhere else is
 * cancelled, new windows are never opened and no <webview> can attach.
 */
export function guardNavigation(contents: GuardedContents, appUrl: string, log: (message: string) => void): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    log(`blocked navigation to ${event.url.slice(0, 200)}`);
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked window.open of ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
