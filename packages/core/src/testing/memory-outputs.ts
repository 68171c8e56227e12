import type { OutputSink } from '../action/outputs.ts';

/** Outputs kept in a map. */
export class MemoryOutputs implements OutputSink {
  readonly values = new Map<string, string>();
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
}
