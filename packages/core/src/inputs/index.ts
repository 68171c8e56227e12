// inputs/: typed inputs: specs, parsers, shared input groups. Other folders and the actions use only what is exported here.
export {
  defaultInputContext,
  envInputName,
  envInputSource,
  type Field,
  type FieldBuilder,
  field,
  type InputContext,
  type InputSource,
  type InputSpec,
  type InputValues,
  inputs,
  mapInputSource,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseKeyValues,
  parseList,
  parsePath,
  readInputs,
} from './input-spec.ts';
export { readJsonInput } from './json-input.ts';
export { ociInputs } from './oci-inputs.ts';
export {
  parsePublicKey,
  type SignerPolicyInputs,
  signerInputs,
  signerPolicyFromInputs,
  signerSpec,
} from './signer-inputs.ts';
