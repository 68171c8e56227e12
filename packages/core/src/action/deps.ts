import { ProcessToolRunner, type ToolRunner } from '../exec/tool-runner.ts';
import {
  defaultInputContext,
  envInputSource,
  type InputContext,
  type InputSource,
} from '../inputs/input-spec.ts';
import type { JobSummary } from '../report/job-summary.ts';
import { type Logger, runnerLogger } from './logger.ts';
import { type OutputSink, runnerOutputs } from './outputs.ts';

/** Everything an action touches outside itself. `runnerDeps()` is the real runner; tests pass fakes. */
export interface ActionDeps {
  logger: Logger;
  runner: ToolRunner;
  outputs: OutputSink;
  inputs: InputSource;
  inputContext: InputContext;
  env: NodeJS.ProcessEnv;
  writeSummary(summary: JobSummary): Promise<void>;
}

export function runnerDeps(env: NodeJS.ProcessEnv = process.env): ActionDeps {
  return {
    logger: runnerLogger,
    runner: new ProcessToolRunner(runnerLogger),
    outputs: runnerOutputs,
    inputs: envInputSource(env),
    inputContext: defaultInputContext(env),
    env,
    writeSummary: (summary) => summary.write(),
  };
}
