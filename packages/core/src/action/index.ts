// action/: running under the runner: the action shape, deps, errors, logging, outputs, state. Other folders and the actions use only what is exported here.
export {
  type Action,
  defineAction,
  type OutputWriter,
  type PlanContext,
  type RunContext,
} from './define-action.ts';
export { type ActionDeps, type RunnerPaths, runnerDeps, runnerPaths } from './deps.ts';
export {
  CommandError,
  ConfigurationError,
  type ErrorDetails,
  errorCode,
  fromInput,
  InvalidValueError,
} from './errors.ts';
export { type RefContext, readRefContext, refContext } from './github-event.ts';
export { createRunnerLogger, type Logger, silentLogger } from './logger.ts';
export { decodeJwtClaims, ID_TOKEN_PERMISSION_FIX, type IdToken, requestIdToken } from './oidc-token.ts';
export { defineOutputs, type OutputContract, type OutputName, type OutputSink } from './outputs.ts';
export { runMain } from './run.ts';
export { type RunnerIo, runCommandLine } from './runner-commands.ts';
export { defineState, MemoryState } from './state.ts';
export { tempFolder } from './temp-folder.ts';
