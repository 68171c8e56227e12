// The small part of the core an action's entry file may load before its inputs are validated: running
// under the runner's contract, reading inputs, early hashing lanes. Nothing here pulls in Sigstore, the
// AWS SDK or the registry client, so an entry that imports only this fails a bad input in milliseconds
// and loads the rest with import() afterwards. Everything here is also exported from the main entry.
export { defineAction } from './action/define-action.ts';
export { type ActionDeps, runnerDeps } from './action/deps.ts';
export { defineOutputs } from './action/outputs.ts';
export { runMain } from './action/run.ts';
export { type InputValues, inputs, parseEnum, parseList, readInputs } from './inputs/input-spec.ts';
export { ociInputs } from './inputs/oci-inputs.ts';
export { type BlobHasher, workerHasher } from './oci/blob-hasher.ts';
