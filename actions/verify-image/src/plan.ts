import {
  type AttestedLink,
  type ImageReference,
  type InputValues,
  type SignerPolicy,
  signerPolicyFromInputs,
  silentLogger,
} from '@chain/core/entry';
import type { spec } from './inputs.ts';

/**
 * What the step will do: resolve the image to its digest, then verify its chain of custody link by link
 * against the expected signer (the core's verifyImageCustody), failing closed on any required link.
 */
export interface VerifyPlan {
  /** A tag (resolved to its digest at run time), a digest, or both. */
  image: ImageReference;
  policy: SignerPolicy;
  /** What the signer inputs leave open (an unanchored regexp, no source repository): logged by run. */
  warnings: string[];
  /** trusted_root.json of a private Sigstore; else the public-good root through TUF. */
  trustedRoot: string | undefined;
  /** The attested links that must verify besides the signature. */
  require: AttestedLink[];
  registry: { authFile: string | undefined; tlsVerify: boolean };
}

export function plan(values: InputValues<typeof spec>): VerifyPlan {
  const warnings: string[] = [];
  const collect = { ...silentLogger, warning: (message: string) => void warnings.push(message) };
  const policy = signerPolicyFromInputs(values, collect, 'verify-image needs the expected signer');
  return {
    image: values.image,
    policy,
    warnings,
    trustedRoot: values['trusted-root'],
    require: values.require,
    registry: { authFile: values['auth-file'], tlsVerify: values['tls-verify'] },
  };
}
