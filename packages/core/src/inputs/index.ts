// inputs/: typed inputs: specs, parsers, shared input groups. Other folders and the actions use only what is exported here.
export {
  defaultInputContext,
  envInputSource,
  type Field,
  field,
  type InputContext,
  type InputSource,
  type InputSpec,
  type InputValues,
  inputs,
  mapInputSource,
  parseEnum,
  parseList,
  parsePath,
  readInputs,
} from './input-spec.ts';
export { readJsonInput } from './json-input.ts';
export { ociInputs } from './oci-inputs.ts';
export { signerPolicyFromInputs, signerSpec } from './signer-inputs.ts';
export { installFromInputs } from './tool-inputs.ts';
