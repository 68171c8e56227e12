import { ConfigurationError, readInputs } from '@chain/core';
import { spec } from './inputs.ts';

export async function main(): Promise<void> {
  readInputs(spec);
  // Fail closed until the implementation lands: a supply-chain gate that does nothing must not pass.
  throw new ConfigurationError(
    'oci-build is not implemented in this revision of the suite (tracked as issue #3); pin a revision where it is.',
  );
}
