import { events, type EventName, type EventPayload } from './contract';

export type EventListener = (name: EventName, payload: unknown) => void;

/** Main's outbound events. Each payload is checked against the contract before any transport sees it. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const checked = events[name].parse(payload);
    for (const listener of this.listeners) listener(name, checked);
  }
}
