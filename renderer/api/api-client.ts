import { createClient, type CounterClient, type Transport } from '../../main/api/client';
import { createWebSocketTransport } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page runs in a plain browser against the browser host. */
    counter?: Transport;
  }
}

function pickTransport(): Transport {
  if (window.counter) return window.counter;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createWebSocketTransport(`${scheme}://${location.host}/api`);
}

/** The one way the renderer talks to main. */
export const api: CounterClient = createClient(pickTransport());
