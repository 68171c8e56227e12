import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineOutputs, InvalidValueError, inputs, ociInputs } from '@chain/core';

/**
 * A PEM public key, or the path of a file holding one (cosign-sign's `public-key` output is a path):
 * either way it must parse as a public key, so that a wrong value fails here and names the input.
 */
function publicKey(raw: string): string {
  let pem = raw;
  if (!raw.startsWith('-----BEGIN')) {
    try {
      pem = readFileSync(raw, 'utf8');
    } catch (error) {
      throw new InvalidValueError(
        `is neither a PEM public key nor a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      );
    }
  }
  try {
    createPublicKey(pem);
  } catch {
    throw new InvalidValueError('is not a PEM public key (-----BEGIN PUBLIC KEY-----)');
  }
  return pem;
}

export const spec = {
  image: ociInputs.repository().required('the repository, e.g. ghcr.io/org/app'),
  digest: ociInputs.digest().required('the digest to promote (skopeo-push output "digest")'),
  tags: inputs.list().required('the tags to move, e.g. latest, nightly, nightly-{date}'),
  'require-signature': inputs.boolean().default('true'),
  'certificate-identity': inputs.string().optional(),
  'certificate-identity-regexp': inputs.string().optional(),
  'certificate-oidc-issuer': inputs.string().optional(),
  'public-key': inputs.custom('public key', publicKey).optional(),
  'trusted-root': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'target-image': ociInputs.repository().optional(),
  'immutable-tags': inputs.list().default('sha-*,nightly-*'),
  'auth-file': inputs.path({ allowOutsideWorkspace: true, mustExist: 'file' }).optional(),
  'tls-verify': inputs.boolean().default('true'),
} as const;

export const outputs = defineOutputs(['tags', 'previous']);
