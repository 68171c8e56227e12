import { defineOutputs, inputs, ociInputs } from '@chain/core';

export const spec = {
  image: ociInputs.reference().required('repo@sha256:<hex>, or a repository together with the digest input'),
  digest: ociInputs.digest().optional(),
  format: inputs.enum(['classic', 'bundle', 'both']).default('both'),
  key: inputs.string().optional(),
  'key-password': inputs.string().optional(),
  'fulcio-url': inputs
    .string({ pattern: /^https?:\/\/\S+$/, accepted: 'an http(s) URL' })
    .default('https://fulcio.sigstore.dev'),
  'rekor-url': inputs
    .string({ pattern: /^https?:\/\/\S+$/, accepted: 'an http(s) URL' })
    .default('https://rekor.sigstore.dev'),
  'tsa-url': inputs.string({ pattern: /^https?:\/\/\S+$/, accepted: 'an http(s) URL' }).optional(),
  'trusted-root': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'auth-file': inputs.path({ allowOutsideWorkspace: true }).optional(),
} as const;

export const outputs = defineOutputs([
  'digest',
  'signature-refs',
  'certificate-identity',
  'certificate-issuer',
  'rekor-log-index',
  'bundle',
  'verify-command',
]);
