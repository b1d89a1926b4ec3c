import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/api/content-security-policy';
import { createMainWindow, type BrowserWindowConstructor } from '../../../main/electron/main-window';
import { FakeBrowserWindow, fakeEvent } from './fakes';

const APP_URL = 'file:///opt/OpenCounter/resources/app.asar/out/renderer/index.html';

function open(options: { kiosk?: boolean; appUrl?: string; devTools?: boolean } = {}) {
  const log = vi.fn();
  const window = createMainWindow({
    BrowserWindow: FakeBrowserWindow as unknown as BrowserWindowConstructor,
    preloadPath: '/opt/OpenCounter/out/preload/index.cjs',
    appUrl: options.appUrl ?? APP_URL,
    kiosk: options.kiosk ?? false,
    devTools: options.devTools ?? true,
    log,
  }) as unknown as FakeBrowserWindow;
  return { window, contents: window.webContents, session: window.webContents.session, log };
}

describe('the main window', () => {
  it('isolates and sandboxes the page, with no Node in it', () => {
    const { window } = open();
    expect(window.options.webPreferences).toMatchObject({
      preload: '/opt/OpenCounter/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('is a normal window unless kiosk mode is asked for', () => {
    expect(open().window.options).toMatchObject({ kiosk: false, fullscreen: false });
    expect(open({ kiosk: true }).window.options).toMatchObject({ kiosk: true, fullscreen: true });
  });

  it('shows itself once the first frame is ready, not before', () => {
    const { window } = open();
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });
});

describe('the content security policy', () => {
  it('is sent with every response, replacing any policy the response carried', () => {
    const { session } = open();
    expect(session.headersListener).toBeTypeOf('function');
    const callback = vi.fn();
    session.headersListener!(
      {
        url: APP_URL,
        resourceType: 'mainFrame',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledOnce();
    const { responseHeaders, cancel } = callback.mock.calls[0]![0];
    expect(cancel).toBeFalsy();
    expect(responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('is added to a response that had no headers at all (a file: page)', () => {
    const { session } = open();
    const callback = vi.fn();
    session.headersListener!({ url: APP_URL, resourceType: 'mainFrame' }, callback);
    expect(callback.mock.calls[0]![0].responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('is the strict policy: no remote origin, no eval, no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    const { session, contents } = open();
    for (const permission of ['media', 'notifications', 'hid', 'serial', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler!(contents, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(session.permissionCheckHandler!(contents, permission, 'file:///', {})).toBe(false);
    }
  });
});

describe('navigation', () => {
  function navigate(contents: FakeBrowserWindow['webContents'], url: string) {
    const event = fakeEvent({ url });
    contents.emit('will-navigate', event, url, false);
    return event;
  }

  it('is cancelled for a foreign URL', () => {
    const { contents, log } = open();
    for (const url of [
      'https://evil.example/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'file:///opt/OpenCounter/resources/app.asar/out/renderer/other.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(navigate(contents, url).preventDefault, url).toHaveBeenCalled();
    }
    expect(log).toHaveBeenCalled();
  });

  it("is allowed to the app's own page, whatever its hash route", () => {
    const { contents } = open();
    expect(navigate(contents, APP_URL).preventDefault).not.toHaveBeenCalled();
    expect(navigate(contents, `${APP_URL}#/driver-qr`).preventDefault).not.toHaveBeenCalled();
  });

  it('stays on the development server origin in development', () => {
    const { contents } = open({ appUrl: 'http://localhost:5173/' });
    expect(navigate(contents, 'http://localhost:5173/#/settings').preventDefault).not.toHaveBeenCalled();
    expect(navigate(contents, 'http://localhost:5174/').preventDefault).toHaveBeenCalled();
    expect(navigate(contents, 'http://user:pw@localhost:5173/').preventDefault).toHaveBeenCalled();
    expect(navigate(contents, 'https://localhost:5173/').preventDefault).toHaveBeenCalled();
  });

  it('never opens a new window, not even for our own page', () => {
    const { contents } = open();
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: APP_URL })).toEqual({ action: 'deny' });
  });

  it('never attaches a <webview>', () => {
    const { contents } = open();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
