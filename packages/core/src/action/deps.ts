import { ProcessToolRunner, type ToolRunner } from '../exec/tool-runner.ts';
import {
  defaultInputContext,
  envInputSource,
  type InputContext,
  type InputSource,
} from '../inputs/input-spec.ts';
import type { JobSummary } from '../report/job-summary.ts';
import { createRunnerLogger, type Logger } from './logger.ts';
import type { OutputSink } from './outputs.ts';
import { appendSummary, exportVariable, processIo, type RunnerIo, setOutput } from './runner-commands.ts';
import { runnerStateStore, type StateStore } from './state.ts';
import { tempBase, tempFolder } from './temp-folder.ts';

/** The runner's folders a step may use. */
export interface RunnerPaths {
  /** RUNNER_TEMP (emptied after each job), else the OS's temporary folder. */
  readonly temp: string;
  /** RUNNER_TOOL_CACHE, when the runner has one. */
  readonly toolCache: string | undefined;
}

/**
 * Everything an action touches outside itself. `runnerDeps()` is the real runner; tests pass fakes
 * (`@chain/core/testing`'s `testDeps`/`runAction`). Actions and the core read the environment and issue
 * runner file commands only through here.
 */
export interface ActionDeps {
  logger: Logger;
  runner: ToolRunner;
  outputs: OutputSink;
  inputs: InputSource;
  inputContext: InputContext;
  /** The step's environment (read it; change it only through `exportVariable`). */
  env: NodeJS.ProcessEnv;
  /** Post-step state (GITHUB_STATE / STATE_*). */
  state: StateStore;
  paths: RunnerPaths;
  /** Sets a variable for this step's tools and every later step of the job (GITHUB_ENV). */
  exportVariable(name: string, value: string): void;
  /** A fresh private (0700) temporary folder under `paths.temp`. */
  tempDir(prefix: string): Promise<string>;
  now(): Date;
  writeSummary(summary: JobSummary): Promise<void>;
}

/** The runner's folders, from its environment (RUNNER_TEMP, else the OS's; RUNNER_TOOL_CACHE if set). */
export function runnerPaths(env: Readonly<NodeJS.ProcessEnv>): RunnerPaths {
  return { temp: tempBase(env), toolCache: env.RUNNER_TOOL_CACHE || undefined };
}

/** The real runner's dependencies, all speaking its protocol through one `RunnerIo`. */
export function runnerDeps(io: RunnerIo = processIo): ActionDeps {
  const env = io.env;
  const logger = createRunnerLogger(io);
  const paths = runnerPaths(env);
  return {
    logger,
    runner: new ProcessToolRunner(logger, env),
    outputs: { set: (name, value) => setOutput(io, name, value) },
    inputs: envInputSource(env),
    inputContext: defaultInputContext(env, io.cwd()),
    env,
    state: runnerStateStore(io),
    paths,
    exportVariable: (name, value) => exportVariable(io, name, value),
    tempDir: (prefix) => tempFolder(paths.temp, prefix),
    now: () => new Date(),
    writeSummary: async (summary) => appendSummary(io, `${summary.toString()}\n`),
  };
}
