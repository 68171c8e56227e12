/** Where outputs go: the runner's GITHUB_OUTPUT (`ActionDeps.outputs`), or a map in tests. */
export interface OutputSink {
  set(name: string, value: string): void;
}

export interface OutputContract<N extends string> {
  readonly names: readonly N[];
  /** Sets every declared output at once; the type requires all of them. */
  write(values: Readonly<Record<N, string>>, sink: OutputSink): void;
}

/** Declares an action's outputs; the metadata test checks these names against action.yml. */
export function defineOutputs<const N extends string>(names: readonly N[]): OutputContract<N> {
  return {
    names,
    write(values, sink) {
      for (const name of names) sink.set(name, values[name]);
    },
  };
}

/** The output names of a contract: `RunContext<OutputName<typeof outputs>>`. */
export type OutputName<C> = C extends OutputContract<infer N> ? N : never;
