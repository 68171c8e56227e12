import { getState, processIo, type RunnerIo, saveState } from './runner-commands.ts';

/**
 * Typed post-step state. Main saves one JSON document under one key; post reads it back and
 * validates its shape. Never store a secret in state: the runner writes it to a plain file.
 */
export interface StateSlot<T> {
  readonly key: string;
  save(store: StateStore, value: T): void;
  /** Undefined when main never saved (for example, it failed before reaching that point). */
  load(store: StateStore): T | undefined;
}

export interface StateStore {
  save(key: string, value: string): void;
  load(key: string): string;
}

/** The runner's state: saved through GITHUB_STATE, read back in post from STATE_<key>. */
export function runnerStateStore(io: RunnerIo = processIo): StateStore {
  return {
    save: (key, value) => saveState(io, key, value),
    load: (key) => getState(io, key),
  };
}

/** State kept in memory (tests; a post step run in the same process). */
export class MemoryState implements StateStore {
  readonly values = new Map<string, string>();
  save(key: string, value: string): void {
    this.values.set(key, value);
  }
  load(key: string): string {
    return this.values.get(key) ?? '';
  }
}

export function defineState<T>(key: string, validate: (value: unknown) => T): StateSlot<T> {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) throw new Error(`invalid state key: ${key}`);
  return {
    key,
    save(store: StateStore, value: T): void {
      store.save(key, JSON.stringify(value));
    },
    load(store: StateStore): T | undefined {
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
