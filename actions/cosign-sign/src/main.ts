import { readInputs, runMain, runnerDeps } from '@chain/core/entry';
import { spec } from './inputs.ts';

// Inputs are checked before Sigstore's libraries (most of this bundle) load: a misconfigured step fails
// in tens of milliseconds.
process.exitCode = await runMain(async () => {
  const deps = runnerDeps();
  const values = readInputs(spec, deps.inputs, deps.inputContext);
  const { sign } = await import('./run.ts');
  await sign(values, deps);
});
