import { defineOutputs, inputs, ociInputs } from '@chain/core/entry';

const url = () => inputs.string({ pattern: /^https?:\/\/\S+$/, accepted: 'an http(s) URL' });

export const spec = {
  image: ociInputs.reference().required('repo@sha256:<hex>, or a repository together with the digest input'),
  digest: ociInputs.digest().optional(),
  format: inputs.enum(['classic', 'bundle', 'both']).default('both'),
  key: inputs.string().optional(),
  'key-password': inputs.secret(),
  'fulcio-url': url().default('https://fulcio.sigstore.dev'),
  'rekor-url': url().default('https://rekor.sigstore.dev'),
  'tsa-url': url().optional(),
  'trusted-root': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'kyverno-policy': inputs.enum(['auto', 'Cosign', 'SigstoreBundle', 'none']).default('auto'),
  'auth-file': inputs.path({ allowOutsideWorkspace: true, mustExist: 'file' }).optional(),
  'tls-verify': inputs.boolean().default('true'),
} as const;

export const outputs = defineOutputs([
  'digest',
  'signature-refs',
  'certificate-identity',
  'certificate-issuer',
  'rekor-log-index',
  'bundle',
  'verify-command',
  'public-key',
  'kyverno-policy',
]);
