import type { Transport } from '../../main/api/client';
import type { Envelope } from '../../main/api/errors';
import type { ServerFrame } from '../../main/api/wire';

const RECONNECT_MS = [250, 500, 1000, 2000, 5000];

/**
 * The browser host's transport: one WebSocket to /api on the page's own
 * origin. Calls made while it (re)connects wait and are sent once it is back
 * (however many tries that takes); calls already sent when it drops fail,
 * because main may or may not have run them.
 */
export function createWebSocketTransport(url: string): Transport {
  const listeners = new Set<(name: string, payload: unknown) => void>();
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  /** Frames not yet on the wire, by call id. */
  let queue = new Map<number, string>();
  let nextId = 1;
  let attempt = 0;
  let socket: WebSocket;

  const connect = () => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      attempt = 0;
      for (const frame of queue.values()) socket.send(frame);
      queue = new Map();
    };
    socket.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as ServerFrame;
      if ('id' in frame) {
        pending.get(frame.id)?.(frame.envelope);
        pending.delete(frame.id);
      } else {
        for (const listener of listeners) listener(frame.event, frame.payload);
      }
    };
    socket.onclose = () => {
      for (const [id, settle] of pending) {
        if (queue.has(id)) continue; // never sent: it goes out on the next connection
        settle({ ok: false, error: { code: 'INTERNAL', message: 'The connection to the counter app was lost' } });
        pending.delete(id);
      }
      setTimeout(connect, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]);
    };
  };
  connect();

  return {
    invoke(name, input) {
      const id = nextId++;
      const frame = JSON.stringify({ id, call: name, input });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.set(id, frame);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
