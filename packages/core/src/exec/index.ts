// exec/: running external tools: argument arrays, never a shell. Other folders and the actions use only what is exported here.
export {
  type ExecRequest,
  type ExecResult,
  ProcessToolRunner,
  type ToolRunner,
  withSecretFile,
} from './tool-runner.ts';
