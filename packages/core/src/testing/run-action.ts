import { resolve } from 'node:path';
import type { Action } from '../action/define-action.ts';
import { type ActionDeps, runnerPaths } from '../action/deps.ts';
import { errorCode } from '../action/errors.ts';
import { MemoryState } from '../action/state.ts';
import { tempFolder } from '../action/temp-folder.ts';
import type { ExecRequest, ToolRunner } from '../exec/tool-runner.ts';
import type { InputSpec } from '../inputs/input-spec.ts';
import { mapInputSource } from '../inputs/input-spec.ts';
import type { JobSummary } from '../report/job-summary.ts';
import { MemoryLogger } from './memory-logger.ts';
import { MemoryOutputs } from './memory-outputs.ts';
import { type ScriptedCall, ScriptedToolRunner } from './scripted-runner.ts';

export interface TestDepsOptions {
  /** Raw input values by name, as a workflow's `with:` gives them. */
  inputs?: Readonly<Record<string, string>>;
  /** The step's environment (nothing of the test process's leaks in unless passed). */
  env?: NodeJS.ProcessEnv;
  /** The tool calls the test expects, in order (any other call throws), or a runner of the test's own. */
  tools?: readonly ScriptedCall[] | ToolRunner;
  /** GITHUB_WORKSPACE; defaults to env.GITHUB_WORKSPACE, else the current directory. */
  workspace?: string;
  /** Post-step state (share one between main and post). */
  state?: MemoryState;
  now?: () => Date;
}

export interface TestDeps extends ActionDeps {
  logger: MemoryLogger;
  outputs: MemoryOutputs;
  state: MemoryState;
  /** Variables the step exported (GITHUB_ENV). */
  readonly exported: Map<string, string>;
  /** Job summaries the step wrote. */
  readonly summaries: string[];
  /** The tool calls made, in order. */
  readonly calls: ExecRequest[];
}

function toolRunner(tools: TestDepsOptions['tools'], calls: ExecRequest[]): ToolRunner {
  const inner =
    tools === undefined || Array.isArray(tools) ? new ScriptedToolRunner([...(tools ?? [])]) : tools;
  return {
    run: (request) => {
      calls.push(request);
      return (inner as ToolRunner).run(request);
    },
  };
}

/** Dependencies that keep everything in memory: the action's effects are what the test asserts on. */
export function testDeps(options: TestDepsOptions = {}): TestDeps {
  const env: NodeJS.ProcessEnv = { ...(options.env ?? {}) };
  const exported = new Map<string, string>();
  const summaries: string[] = [];
  const calls: ExecRequest[] = [];
  const paths = runnerPaths(env);
  return {
    logger: new MemoryLogger(),
    runner: toolRunner(options.tools, calls),
    outputs: new MemoryOutputs(),
    inputs: mapInputSource(options.inputs ?? {}),
    inputContext: { workspace: resolve(options.workspace ?? env.GITHUB_WORKSPACE ?? process.cwd()) },
    env,
    state: options.state ?? new MemoryState(),
    paths,
    exportVariable: (name, value) => {
      env[name] = value;
      exported.set(name, value);
    },
    tempDir: (prefix) => tempFolder(paths.temp, prefix),
    now: options.now ?? (() => new Date()),
    writeSummary: async (summary: JobSummary) => {
      summaries.push(summary.toString());
    },
    exported,
    summaries,
    calls,
  };
}

export interface ActionRun extends TestDeps {
  /** 0 when the step passed, 1 when it failed. */
  readonly exitCode: 0 | 1;
  /** What the step threw (undefined when it passed). */
  readonly error: unknown;
  /** The error's code (`errorCode`), undefined when it passed. */
  readonly code: string | undefined;
  /** The outputs set, as a plain object. */
  readonly output: Readonly<Record<string, string>>;
}

/** Runs one step with `deps` and records what it did; a failure is returned, not thrown. */
async function record(deps: TestDeps, step: (deps: TestDeps) => Promise<void>): Promise<ActionRun> {
  let error: unknown;
  let failed = false;
  try {
    await step(deps);
  } catch (thrown) {
    error = thrown;
    failed = true;
  }
  return Object.assign(deps, {
    exitCode: failed ? (1 as const) : (0 as const),
    error,
    code: failed ? errorCode(error) : undefined,
    output: Object.fromEntries(deps.outputs.values),
  });
}

const depsFrom = (options: TestDepsOptions | TestDeps): TestDeps =>
  'calls' in options ? options : testDeps(options);

/**
 * Runs an action's main step in the test process (inputs → plan → run) with in-memory dependencies, and
 * returns everything it did. A failure is returned, not thrown: assert on `code` and the error's fields.
 */
export async function runAction<S extends InputSpec, N extends string, P, E>(
  action: Action<S, N, P, E>,
  options: TestDepsOptions | TestDeps = {},
): Promise<ActionRun> {
  return record(depsFrom(options), (deps) => action.execute(deps));
}

/** Runs an action's post step in the test process; pass main's `state` (and env) along. */
export async function runActionPost<S extends InputSpec, N extends string, P, E>(
  action: Action<S, N, P, E>,
  options: TestDepsOptions | TestDeps = {},
): Promise<ActionRun> {
  return record(depsFrom(options), async (deps) => {
    const module = await action.load();
    if (module.post === undefined) throw new Error(`${action.name} has no post step`);
    await module.post(deps);
  });
}
