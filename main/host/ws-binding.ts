import type { WebSocket, WebSocketServer } from 'ws';
import type { EventBus } from '../api/event-bus';
import type { Router } from '../api/router';
import { callFrameSchema, type ServerFrame } from '../api/wire';

/** Serves the router on every socket and forwards every event to each of them. */
export function bindRouterToWebSocket(
  wss: WebSocketServer,
  router: Router,
  events: EventBus,
  log: (message: string) => void = () => {},
): () => void {
  const send = (socket: WebSocket, frame: ServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  wss.on('connection', (socket) => {
    // A protocol error (oversize frame, bad UTF-8, unmasked frame, reserved opcode): ws closes this socket
    // itself; without a listener the 'error' event would take the whole host down.
    socket.on('error', (error) => log(`WebSocket closed after a protocol error: ${error.message}`));
    socket.on('message', async (data) => {
      let frame;
      try {
        frame = callFrameSchema.parse(JSON.parse(String(data)));
      } catch {
        socket.close(1003, 'Malformed frame');
        return;
      }
      send(socket, { id: frame.id, envelope: await router.dispatch(frame.call, frame.input) });
    });
  });
  return events.subscribe((event, payload) => {
    for (const socket of wss.clients) send(socket, { event, payload });
  });
}
