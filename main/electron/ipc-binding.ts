import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { EventBus } from '../api/event-bus';
import type { Router } from '../api/router';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';
import { isAppUrl } from './renderer-location';

type CallSender = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
type EventTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

export interface IpcBindingOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  router: Router;
  events: EventBus;
  /** The app window's contents: the only sender served and the one receiver of events. */
  webContents: EventTarget;
  appUrl: string;
  log: (message: string) => void;
}

/**
 * A call is served only when it comes from the main frame of our own window
 * showing our own page: not from another window, not from a sub-frame, not
 * after the frame went away or navigated elsewhere.
 */
export function isTrustedSender(event: CallSender, webContents: EventTarget, appUrl: string): boolean {
  const frame = event.senderFrame;
  return event.sender === webContents && frame !== null && frame.parent === null && isAppUrl(frame.url, appUrl);
}

/**
 * Serves the router on one invoke channel and forwards every EventBus event
 * on one event channel: the Electron twin of the browser host's WebSocket
 * binding. Returns the function that undoes both.
 */
export function bindRouterToIpc(options: IpcBindingOptions): () => void {
  const { ipcMain, router, events, webContents, appUrl, log } = options;
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, webContents, appUrl)) {
      log(`refused a call from an untrusted sender (${event.senderFrame?.url.slice(0, 200) ?? 'no frame'})`);
      throw new Error('Refused: calls are accepted from the counter window only');
    }
    return router.dispatch(name, input);
  });
  const unsubscribe = events.subscribe((name, payload) => {
    if (!webContents.isDestroyed()) webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}
