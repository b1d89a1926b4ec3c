import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../main/api/event-bus';
import type { Router } from '../../../main/api/router';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../main/electron/channels';
import { bindRouterToIpc, type IpcBindingOptions } from '../../../main/electron/ipc-binding';
import { FakeIpcMain, FakeWebContents } from './fakes';

const APP_URL = 'file:///app/out/renderer/index.html';
const OK = { ok: true, value: { state: 'ready' } } as const;

function bind() {
  const ipcMain = new FakeIpcMain();
  const events = new EventBus();
  const contents = new FakeWebContents(`${APP_URL}#/`);
  const router: Router & { dispatch: ReturnType<typeof vi.fn> } = { dispatch: vi.fn(async () => OK) };
  const log = vi.fn();
  const unbind = bindRouterToIpc({
    ipcMain: ipcMain as unknown as IpcBindingOptions['ipcMain'],
    router,
    events,
    webContents: contents as unknown as IpcBindingOptions['webContents'],
    appUrl: APP_URL,
    log,
  });
  return { ipcMain, events, contents, router, log, unbind };
}

describe('calls over IPC', () => {
  it('dispatches a call from the main frame of our window to the router and answers its envelope', async () => {
    const { ipcMain, contents, router } = bind();
    const answer = await ipcMain.invoke(CALL_CHANNEL, { sender: contents, senderFrame: contents.mainFrame }, 'system.status', undefined);
    expect(router.dispatch).toHaveBeenCalledExactlyOnceWith('system.status', undefined);
    expect(answer).toEqual(OK);
  });

  it('passes the input through untouched, for the router to validate', async () => {
    const { ipcMain, contents, router } = bind();
    await ipcMain.invoke(CALL_CHANNEL, { sender: contents, senderFrame: contents.mainFrame }, 'driverQr.show', { networkId: 'x' });
    expect(router.dispatch).toHaveBeenCalledWith('driverQr.show', { networkId: 'x' });
  });

  it('refuses a call from a sub-frame of our own window', async () => {
    const { ipcMain, contents, router, log } = bind();
    await expect(
      ipcMain.invoke(CALL_CHANNEL, { sender: contents, senderFrame: contents.subFrame() }, 'system.status', undefined),
    ).rejects.toThrow(/Refused/);
    expect(router.dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('refuses a call from another webContents, even one showing our page', async () => {
    const { ipcMain, router } = bind();
    const other = new FakeWebContents(APP_URL);
    await expect(ipcMain.invoke(CALL_CHANNEL, { sender: other, senderFrame: other.mainFrame }, 'system.status', undefined)).rejects.toThrow(
      /Refused/,
    );
    expect(router.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame is gone or shows a foreign page', async () => {
    const { ipcMain, contents, router } = bind();
    await expect(ipcMain.invoke(CALL_CHANNEL, { sender: contents, senderFrame: null }, 'system.status')).rejects.toThrow(/Refused/);
    const foreign = { url: 'https://evil.example/', parent: null };
    await expect(ipcMain.invoke(CALL_CHANNEL, { sender: contents, senderFrame: foreign }, 'system.status')).rejects.toThrow(/Refused/);
    expect(router.dispatch).not.toHaveBeenCalled();
  });

  it('serves one channel only, and stops serving once unbound', async () => {
    const { ipcMain, contents, unbind } = bind();
    expect([...ipcMain.handlers.keys()]).toEqual([CALL_CHANNEL]);
    unbind();
    await expect(ipcMain.invoke(CALL_CHANNEL, { sender: contents, senderFrame: contents.mainFrame }, 'system.status')).rejects.toThrow(
      /No handler/,
    );
  });
});

describe('events over IPC', () => {
  const scan = {
    code: '0123456789',
    source: 'wedge' as const,
    receivedAt: 1_700_000_000_000,
    classification: { kind: 'unknown' as const, reason: 'no-match' },
  };

  it('forwards every EventBus event to the window on the event channel', () => {
    const { events, contents } = bind();
    events.emit('scanner.scanned', scan);
    expect(contents.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, 'scanner.scanned', scan);
  });

  it('does not send to a destroyed window, and stops forwarding once unbound', () => {
    const { events, contents, unbind } = bind();
    contents.destroyed = true;
    events.emit('scanner.scanned', scan);
    expect(contents.send).not.toHaveBeenCalled();
    contents.destroyed = false;
    unbind();
    events.emit('scanner.scanned', scan);
    expect(contents.send).not.toHaveBeenCalled();
  });
});
