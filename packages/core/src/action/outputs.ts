import { exportVariable as exportRunnerVariable, processIo, setOutput } from './runner-commands.ts';

/** Where outputs go: the runner's GITHUB_OUTPUT, or a map in tests. */
export interface OutputSink {
  set(name: string, value: string): void;
}

export const runnerOutputs: OutputSink = {
  set: (name, value) => setOutput(processIo, name, value),
};

export class MemoryOutputs implements OutputSink {
  readonly values = new Map<string, string>();
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
}

export interface OutputContract<N extends string> {
  readonly names: readonly N[];
  /** Sets every declared output at once; the type requires all of them. */
  write(values: Readonly<Record<N, string>>, sink?: OutputSink): void;
}

/** Declares an action's outputs; the metadata test checks these names against action.yml. */
export function defineOutputs<const N extends string>(names: readonly N[]): OutputContract<N> {
  return {
    names,
    write(values, sink = runnerOutputs) {
      for (const name of names) sink.set(name, values[name]);
    },
  };
}

/** Exports an environment variable to later steps (GITHUB_ENV) and to this process. */
export function exportVariable(name: string, value: string): void {
  exportRunnerVariable(processIo, name, value);
}
