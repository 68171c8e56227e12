import { getState, processIo, saveState } from './runner-commands.ts';

/**
 * Typed post-step state. Main saves one JSON document under one key; post reads it back and
 * validates its shape. Never store a secret in state: the runner writes it to a plain file.
 */
export interface StateSlot<T> {
  readonly key: string;
  save(value: T): void;
  /** Undefined when main never saved (for example, it failed before reaching that point). */
  load(): T | undefined;
}

export interface StateStore {
  save(key: string, value: string): void;
  load(key: string): string;
}

export const runnerState: StateStore = {
  save: (key, value) => saveState(processIo, key, value),
  load: (key) => getState(processIo, key),
};

export function defineState<T>(
  key: string,
  validate: (value: unknown) => T,
  store: StateStore = runnerState,
): StateSlot<T> {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) throw new Error(`invalid state key: ${key}`);
  return {
    key,
    save(value: T): void {
      store.save(key, JSON.stringify(value));
    },
    load(): T | undefined {
      const raw = store.load(key);
      if (raw === '') return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        throw new Error(`post-step state "${key}" is not valid JSON`, { cause: error });
      }
      return validate(parsed);
    },
  };
}
