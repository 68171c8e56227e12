import { defineOutputs, inputs, ociInputs } from '@chain/core';

export const spec = {
  image: ociInputs.repository().required('the repository, e.g. ghcr.io/org/app'),
  digest: ociInputs.digest().required('the digest to promote (skopeo-push output "digest")'),
  tags: inputs.list().required('the tags to move, e.g. latest, nightly, nightly-{date}'),
  'require-signature': inputs.boolean().default('true'),
  'certificate-identity': inputs.string().optional(),
  'certificate-identity-regexp': inputs.string().optional(),
  'certificate-oidc-issuer': inputs.string().optional(),
  'public-key': inputs.string().optional(),
  'trusted-root': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'target-image': ociInputs.repository().optional(),
  'immutable-tags': inputs.list().default('sha-*,nightly-*'),
  'auth-file': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'tls-verify': inputs.boolean().default('true'),
} as const;

export const outputs = defineOutputs(['tags', 'previous']);
