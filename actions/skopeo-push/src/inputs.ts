import { DEFAULT_IMMUTABLE_TAGS, defineOutputs, inputs, ociInputs } from '@chain/core/entry';

/** The tag every push writes when no rule is given, or none applies to the run: immutable, per commit. */
export const DEFAULT_PUSH_TAGS = 'sha-{short-sha}';

export const spec = {
  layout: inputs
    .path({ allowOutsideWorkspace: true })
    .required('the OCI layout directory (oci-build output "layout")'),
  digest: ociInputs.digest().required('the digest that was built and scanned (oci-build output "digest")'),
  image: ociInputs.repository().required('the target repository, e.g. ghcr.io/org/app'),
  tags: ociInputs.tagRules().default(DEFAULT_PUSH_TAGS),
  'immutable-tags': inputs.tagPatterns().default(DEFAULT_IMMUTABLE_TAGS),
  'auth-file': inputs.path({ allowOutsideWorkspace: true, mustExist: 'file' }).optional(),
  'tls-verify': inputs.boolean().default('true'),
  'retry-times': inputs.integer({ min: 0, max: 10 }).default('3'),
} as const;

export const outputs = defineOutputs(['digest', 'image-ref', 'tags']);
