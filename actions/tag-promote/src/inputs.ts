import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_IMMUTABLE_TAGS,
  defineOutputs,
  type InputContext,
  InvalidValueError,
  inputs,
  ociInputs,
  parseEnum,
  parseList,
  parsePath,
  parseSeverityList,
} from '@chain/core';

/** What `require-attestations` may list. */
export const REQUIRED_ATTESTATION_KINDS = ['provenance', 'sbom', 'vuln'] as const;

/**
 * A PEM public key, or the path of a file holding one (cosign-sign's `public-key` output is a path,
 * resolved against the workspace like every path input). Only a `PUBLIC KEY` block is taken: a private
 * key or a certificate pasted here is refused, never passed on.
 */
function publicKey(raw: string, ctx: InputContext): string {
  let pem = raw;
  if (!raw.startsWith('-----BEGIN')) {
    const path = parsePath(raw, ctx, { allowOutsideWorkspace: true });
    try {
      pem = readFileSync(path, 'utf8').trim();
    } catch (error) {
      throw new InvalidValueError(
        `is neither a PEM public key nor a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      );
    }
  }
  const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (label !== 'PUBLIC KEY')
    throw new InvalidValueError(
      `is not a PEM public key (-----BEGIN PUBLIC KEY-----)${label === undefined ? '' : `; it holds a ${label.toLowerCase()}`}`,
    );
  try {
    return createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    throw new InvalidValueError('is not a PEM public key (-----BEGIN PUBLIC KEY-----) that parses');
  }
}

export const spec = {
  image: ociInputs.repository().required('the repository, e.g. ghcr.io/org/app'),
  digest: ociInputs.digest().required('the digest to promote (skopeo-push output "digest")'),
  tags: ociInputs
    .tagRules()
    .required(
      'the tag rules, e.g. latest=auto, {major}.{minor}, nightly @schedule, nightly-{date} @schedule',
    ),
  'require-signature': inputs.boolean().default('true'),
  'certificate-identity': inputs.string().optional(),
  'certificate-identity-regexp': inputs.string().optional(),
  'certificate-oidc-issuer': inputs.string().optional(),
  'public-key': inputs.custom('public key', publicKey).optional(),
  'trusted-root': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'require-attestations': inputs
    .custom('attestation kinds', (raw) => [
      ...new Set(parseList(raw).map((kind) => parseEnum(kind, REQUIRED_ATTESTATION_KINDS))),
    ])
    .default(''),
  'max-scan-age': inputs.duration({ minMs: 1000 }).default('24h'),
  'vuln-severities': inputs
    .custom('severities', (raw) => [...parseSeverityList(parseList(raw))])
    .default('CRITICAL,HIGH'),
  'provenance-builder-id': inputs.string().optional(),
  'provenance-source-repository': inputs
    .string({
      pattern: /^https?:\/\/\S+[^/]$/,
      accepted: 'a repository URL, e.g. https://github.com/acme/app',
    })
    .optional(),
  'target-image': ociInputs.repository().optional(),
  'immutable-tags': inputs.tagPatterns().default(DEFAULT_IMMUTABLE_TAGS),
  'auth-file': inputs.path({ allowOutsideWorkspace: true, mustExist: 'file' }).optional(),
  'tls-verify': inputs.boolean().default('true'),
} as const;

export const outputs = defineOutputs(['tags', 'previous']);
