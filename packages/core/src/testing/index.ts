// @chain/core/testing: the fakes and the in-process harness. Never imported by an action's production code.
export { MemoryState } from '../action/state.ts';
export { MemoryLogger } from './memory-logger.ts';
export { MemoryOutputs } from './memory-outputs.ts';
export {
  type ActionRun,
  runAction,
  runActionPost,
  type TestDeps,
  type TestDepsOptions,
  testDeps,
} from './run-action.ts';
export { type ScriptedCall, ScriptedToolRunner } from './scripted-runner.ts';
