import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../../main/api/client';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../main/electron/channels';

// A fake 'electron' for the preload: the real package throws outside Electron.
const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn() });
  return { ipcRenderer, contextBridge: { exposeInMainWorld: vi.fn() } };
});
vi.mock('electron', () => electron);

async function loadBridge(): Promise<Transport> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('../../../preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
  expect(key).toBe('counter');
  return bridge as Transport;
}

beforeEach(() => {
  electron.ipcRenderer.removeAllListeners();
  electron.ipcRenderer.invoke.mockReset();
});

describe('the preload bridge', () => {
  it('exposes window.counter and nothing else: exactly invoke and subscribe', async () => {
    const bridge = await loadBridge();
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('sends a call on the call channel and answers what main answers', async () => {
    const bridge = await loadBridge();
    const envelope = { ok: true, value: [] };
    electron.ipcRenderer.invoke.mockResolvedValue(envelope);
    await expect(bridge.invoke('networks.list', undefined)).resolves.toBe(envelope);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(CALL_CHANNEL, 'networks.list', undefined);
  });

  it('hands events to the listener without the IPC event object, until unsubscribed', async () => {
    const bridge = await loadBridge();
    const listener = vi.fn();
    const unsubscribe = bridge.subscribe(listener);
    const ipcEvent = { sender: electron.ipcRenderer, senderId: 0 };
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'scanner.scanned', { code: 'A1' });
    expect(listener).toHaveBeenCalledExactlyOnceWith('scanner.scanned', { code: 'A1' });
    unsubscribe();
    expect(electron.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
    electron.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, 'scanner.scanned', { code: 'A2' });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('ignores messages on other channels', async () => {
    const bridge = await loadBridge();
    const listener = vi.fn();
    bridge.subscribe(listener);
    electron.ipcRenderer.emit('something-else', {}, 'scanner.scanned', {});
    expect(listener).not.toHaveBeenCalled();
  });

  it('loads nothing at runtime but electron and the channel names, so it bundles small for a sandbox', () => {
    const runtimeImports = (file: string) =>
      [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports('../../../preload/index.ts')).toEqual(['electron', '../main/electron/channels']);
    expect(runtimeImports('../../../main/electron/channels.ts')).toEqual([]);
  });
});
