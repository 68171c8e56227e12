import {
  DEFAULT_IMMUTABLE_TAGS,
  defineOutputs,
  inputs,
  ociInputs,
  parseEnum,
  parseList,
  parseSeverityList,
  signerSpec,
} from '@chain/core/entry';

/** What `require-attestations` may list. */
export const REQUIRED_ATTESTATION_KINDS = ['provenance', 'sbom', 'vuln'] as const;

export const spec = {
  image: ociInputs.repository().required('the repository, e.g. ghcr.io/org/app'),
  digest: ociInputs.digest().required('the digest to promote (skopeo-push output "digest")'),
  tags: ociInputs
    .tagRules()
    .required(
      'the tag rules, e.g. latest=auto, {major}.{minor}, nightly @schedule, nightly-{date} @schedule',
    ),
  'require-signature': inputs.boolean().default('true'),
  ...signerSpec,
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
