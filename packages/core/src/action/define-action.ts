import { type InputSpec, type InputValues, readInputs } from '../inputs/input-spec.ts';
import { type ActionDeps, runnerDeps } from './deps.ts';
import type { OutputContract } from './outputs.ts';
import { type RunHooks, runMain, runPost } from './run.ts';

/**
 * The one shape of every action here:
 *
 *   inputs.ts  the typed input spec and the declared outputs
 *   plan.ts    `plan(values, context)`: pure; decides what to do, reads no file and calls nothing
 *   run.ts     `run(plan, context)` (and `post(deps)`): the effects, all through `context.deps`
 *   action.ts  `defineAction({ name, inputs, outputs, plan, load: () => import('./run.ts') })`
 *   main.ts    `await action.main()` (post.ts: `await action.post()`)
 *
 * Inputs are read and the plan made before run.ts loads, so a misconfigured step fails in milliseconds,
 * before Sigstore, the AWS SDK or the registry client are loaded.
 */

/** What a plan may know besides the inputs: the step's facts, none of which needs a file or the network. */
export interface PlanContext {
  readonly env: Readonly<NodeJS.ProcessEnv>;
  /** GITHUB_WORKSPACE: relative paths are resolved against it. */
  readonly workspace: string;
  readonly now: Date;
}

export interface OutputWriter<N extends string> {
  /** Sets one output now: outputs are set as soon as they are known, so a later failure still shows them. */
  set(name: N, value: string): void;
  /** Sets every declared output at once (the type requires all of them). */
  write(values: Readonly<Record<N, string>>): void;
}

export interface RunContext<N extends string, E = undefined> {
  readonly deps: ActionDeps;
  readonly outputs: OutputWriter<N>;
  /** What the `early` hook started, if the action has one. */
  readonly early: E;
}

/** What run.ts exports. */
export interface ActionModule<P, N extends string, E = undefined> {
  run(plan: P, context: RunContext<N, E>): Promise<void>;
  post?(deps: ActionDeps): Promise<void>;
}

export interface ActionDefinition<S extends InputSpec, N extends string, P, E = undefined> {
  /** The action's folder name, as users reference it. */
  readonly name: string;
  readonly inputs: S;
  readonly outputs: OutputContract<N>;
  /**
   * The one hook for work that must start before the inputs are read (skopeo-push's hashing lanes). It
   * runs first, synchronously; a promise it returns is awaited by run, and if it rejects the step fails
   * with that error as `::error::` like any other (it is never left unhandled).
   */
  readonly early?: (deps: ActionDeps) => E;
  readonly plan: (values: InputValues<S>, context: PlanContext) => P;
  /** Loads run.ts (lazily: see above). */
  readonly load: () => Promise<ActionModule<P, N, E>>;
}

export interface Action<S extends InputSpec, N extends string, P, E = undefined>
  extends ActionDefinition<S, N, P, E> {
  /** The step's entry: runs inputs → plan → run under the runner's contract; sets the exit code. */
  main(deps?: ActionDeps): Promise<number>;
  /** The post step's entry: failures become warnings (clean-up must not turn a green job red). */
  post(deps?: ActionDeps): Promise<number>;
  /** inputs → plan → run, throwing whatever fails (main and the test harness use it). */
  execute(deps: ActionDeps): Promise<void>;
  /** Reads the inputs and makes the plan, with no effect (dry runs and plan tests). */
  planFor(deps: ActionDeps): P;
}

function hooksFor(deps: ActionDeps): RunHooks {
  return {
    fail: (message) => deps.logger.error(message),
    warn: (message) => deps.logger.warning(message),
    debug: (message) => deps.logger.debug(message),
  };
}

/** A promise the early hook returned is observed at once, so its rejection is never "unhandled". */
function observed<E>(value: E): E {
  if (value instanceof Promise) value.catch(() => {});
  return value;
}

/** Every `inputs.secret()` value is masked the moment it is read, before any plan or log line. */
function maskSecrets<S extends InputSpec>(spec: S, values: InputValues<S>, deps: ActionDeps): void {
  for (const [name, field] of Object.entries(spec)) {
    const value: unknown = values[name];
    if (field.kind === 'secret' && typeof value === 'string' && value !== '') deps.logger.setSecret(value);
  }
}

export function planContext(deps: ActionDeps): PlanContext {
  return { env: deps.env, workspace: deps.inputContext.workspace, now: deps.now() };
}

export function outputWriter<N extends string>(
  contract: OutputContract<N>,
  deps: ActionDeps,
): OutputWriter<N> {
  return {
    set: (name, value) => deps.outputs.set(name, value),
    write: (values) => contract.write(values, deps.outputs),
  };
}

export function defineAction<const S extends InputSpec, N extends string, P, E = undefined>(
  definition: ActionDefinition<S, N, P, E>,
): Action<S, N, P, E> {
  const planFor = (deps: ActionDeps): P => {
    const values = readInputs(definition.inputs, deps.inputs, deps.inputContext);
    maskSecrets(definition.inputs, values, deps);
    return definition.plan(values, planContext(deps));
  };
  const execute = async (deps: ActionDeps): Promise<void> => {
    const early = observed(definition.early ? definition.early(deps) : (undefined as E));
    const plan = planFor(deps);
    const module = await definition.load();
    await module.run(plan, { deps, outputs: outputWriter(definition.outputs, deps), early });
  };
  return {
    ...definition,
    planFor,
    execute,
    async main(deps = runnerDeps()) {
      const code = await runMain(() => execute(deps), hooksFor(deps));
      if (code !== 0) process.exitCode = code;
      return code;
    },
    async post(deps = runnerDeps()) {
      return runPost(async () => {
        const module = await definition.load();
        if (module.post === undefined) throw new Error(`${definition.name} has no post step`);
        await module.post(deps);
      }, hooksFor(deps));
    },
  };
}
