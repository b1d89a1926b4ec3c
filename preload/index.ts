import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Transport } from '../main/api/client';
import type { Envelope } from '../main/api/errors';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../main/electron/channels';

/**
 * The whole bridge between the sandboxed page and main: the `Transport` the
 * renderer's typed client runs on. Only plain data crosses it; the page
 * never sees ipcRenderer or an IPC event object.
 */
const bridge: Transport = {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>> {
    return ipcRenderer.invoke(CALL_CHANNEL, String(name), input) as Promise<Envelope<unknown>>;
  },
  subscribe(listener: (name: string, payload: unknown) => void): () => void {
    const forward = (_event: IpcRendererEvent, name: string, payload: unknown) => listener(name, payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('counter', bridge);
