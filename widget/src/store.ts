/** A minimal observable around the reducer: one state, one dispatch, many listeners. */
import { type Action, reduce, type WidgetState } from "./state.ts";

export interface Store {
  get(): WidgetState;
  dispatch(action: Action): void;
  subscribe(listener: (state: WidgetState, previous: WidgetState) => void): () => void;
}

export function createStore(initial: WidgetState): Store {
  let state = initial;
  const listeners = new Set<(state: WidgetState, previous: WidgetState) => void>();
  return {
    get: () => state,
    dispatch(action) {
      const previous = state;
      state = reduce(state, action);
      if (state !== previous) for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
