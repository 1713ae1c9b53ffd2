/** Typed event listeners for `HummDesk('on', ...)`; a throwing merchant listener never breaks the widget. */

export interface Emitter<Events> {
  on<Name extends keyof Events>(name: Name, listener: (payload: Events[Name]) => void): () => void;
  emit<Name extends keyof Events>(name: Name, payload: Events[Name]): void;
}

export function createEmitter<Events>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  return {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) {
        try {
          (listener as (payload: unknown) => void)(payload);
        } catch (error) {
          console.error("HummDesk: an event listener threw", error);
        }
      }
    },
  };
}
