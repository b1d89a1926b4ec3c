import type { CallInput, CallName, CallOutput, EventName, EventPayload } from './contract';
import { ApiCallError, type Envelope } from './errors';

/** How a client reaches main: ipcRenderer in Electron, a WebSocket in a plain browser. */
export interface Transport {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
}

type InputArgs<N extends CallName> = undefined extends CallInput<N> ? [input?: CallInput<N>] : [input: CallInput<N>];

export interface CounterClient {
  call<N extends CallName>(name: N, ...input: InputArgs<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void;
}

/** The typed client over any transport. It holds no rules: main validates everything again. */
export function createClient(transport: Transport): CounterClient {
  return {
    async call(name, ...input) {
      const envelope = await transport.invoke(name, input[0]);
      if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message, name, envelope.error.fields, envelope.error.reasons);
      return envelope.value as never;
    },
    on(name, handler) {
      return transport.subscribe((eventName, payload) => {
        if (eventName === name) handler(payload as never);
      });
    },
  };
}
