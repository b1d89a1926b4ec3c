import type { BrowserWindowConstructorOptions } from 'electron';
import type { UpdateInfo } from 'electron-updater';
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * Small stand-ins for the Electron objects the glue touches. They record
 * what the glue did (handlers installed, options passed, messages sent) so
 * tests can drive the handlers the way Electron would. Nothing here loads
 * the real 'electron' package, whose binary cannot be downloaded here.
 */

type HeadersListener = (
  details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

export class FakeSession {
  headersListener: HeadersListener | undefined;
  permissionRequestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null =
    null;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = handler;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  readonly send = vi.fn();
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly mainFrame: FakeFrame;
  constructor(url = 'file:///app/out/renderer/index.html') {
    super();
    this.mainFrame = { url, parent: null };
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  /** A sub-frame (an iframe) inside this page. */
  subFrame(url = this.mainFrame.url): FakeFrame {
    return { url, parent: this.mainFrame };
  }
}

/** An Electron-style event whose preventDefault the test can inspect. */
export function fakeEvent<T extends object>(fields: T = {} as T) {
  return { ...fields, preventDefault: vi.fn() };
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  minimized = false;
  destroyed = false;
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly loadFile = vi.fn(async (_path: string) => {});
  readonly setKiosk = vi.fn();
  readonly setFullScreen = vi.fn();
  readonly setMenuBarVisibility = vi.fn();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isMinimized() {
    return this.minimized;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Calls the handler as ipcMain would for an ipcRenderer.invoke from `sender`/`senderFrame`. */
  async invoke(channel: string, sender: { sender: unknown; senderFrame: FakeFrame | null }, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(sender, ...args);
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly quit = vi.fn();
  readonly paths = new Map<string, string>();
  readonly getPath = vi.fn((name: string) => this.paths.get(name) ?? `/fake/${name}`);
  readonly setPath = vi.fn((name: string, path: string) => void this.paths.set(name, path));
  readonly setLoginItemSettings = vi.fn();
  readonly getVersion = vi.fn(() => '9.8.7');
  readonly requestSingleInstanceLock = vi.fn(() => this.gotLock);
  constructor(public gotLock = true) {
    super();
  }
  whenReady() {
    return Promise.resolve();
  }
}

/**
 * safeStorage as Electron offers it: `available` says whether the platform
 * can encrypt. The "encryption" is a reversible scramble that never contains
 * the plain text, enough to tell sealed bytes from plain ones.
 */
export class FakeSafeStorage {
  constructor(public available = true) {}
  readonly isEncryptionAvailable = vi.fn(() => this.available);
  readonly encryptString = vi.fn((text: string) => Buffer.concat([Buffer.from('v10'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)]));
  readonly decryptString = vi.fn((sealed: Buffer) => {
    if (sealed.subarray(0, 3).toString() !== 'v10')
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(sealed.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
  });
}

/** Electron's powerSaveBlocker: hands out ids and records which are started. */
export class FakePowerSaveBlocker {
  private nextId = 1;
  readonly started = new Set<number>();
  readonly start = vi.fn((_type: 'prevent-app-suspension' | 'prevent-display-sleep') => {
    const id = this.nextId++;
    this.started.add(id);
    return id;
  });
  readonly stop = vi.fn((id: number) => this.started.delete(id));
}

export class FakeCrashReporter {
  readonly start = vi.fn();
}

/** An emitter standing in for Node's `process` where the glue listens for uncaught errors. */
export class FakeProcessEvents extends EventEmitter {}

/** electron-updater's autoUpdater as the wrapper drives it: records checks and installs, emits what the test says. */
export class FakeAutoUpdater {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  channel: string | null = null;
  allowPrerelease = false;
  allowDowngrade = true;
  isUserWithinRollout: (info: UpdateInfo) => boolean | Promise<boolean> = () => true;
  readonly listeners = new Map<string, (value: never) => void>();
  readonly checkForUpdates = vi.fn(async (): Promise<unknown> => null);
  readonly quitAndInstall = vi.fn();
  on(event: string, listener: (value: never) => void) {
    this.listeners.set(event, listener);
    return this;
  }
  emit(event: 'update-downloaded', value: UpdateInfo): void;
  emit(event: 'error', value: Error): void;
  emit(event: string, value: unknown) {
    this.listeners.get(event)?.(value as never);
  }
}

/** The Electron collaborators most main-process tests do not look at: crash reporting, the platform, no updater. */
export function quietElectronDeps() {
  return {
    crashReporter: new FakeCrashReporter(),
    powerSaveBlocker: new FakePowerSaveBlocker(),
    processEvents: new FakeProcessEvents(),
    platform: 'linux' as NodeJS.Platform,
    loadAutoUpdater: (): FakeAutoUpdater => {
      throw new Error('an unpackaged app loads no updater');
    },
  };
}
