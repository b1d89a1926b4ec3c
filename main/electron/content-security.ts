import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';

type HeadersSession = { webRequest: Pick<Session['webRequest'], 'onHeadersReceived'> };

/**
 * Sends the app's strict Content-Security-Policy with every response the
 * session receives, replacing any policy the response carried (the
 * development server sends none).
 */
export function installContentSecurityPolicy(session: HeadersSession, policy: string = CONTENT_SECURITY_POLICY): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [policy];
    callback({ responseHeaders });
  });
}
