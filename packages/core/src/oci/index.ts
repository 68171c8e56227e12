// oci/: OCI: references, digests, layouts, the registry client, tags, logins. Other folders and the actions use only what is exported here.
export { Digest } from './digest.ts';
export { DOCKER_HUB, ImageReference, validateTag } from './image-reference.ts';
export { joinLayouts } from './join-layouts.ts';
export * from './media-types.ts';
export {
  type Descriptor,
  type ImageIndexDocument,
  type ImageManifestDocument,
  LayoutError,
  type LayoutGraph,
  type LayoutImage,
  OciLayout,
  requireLayoutDigest,
  type VerifyReport,
  writeLayoutRoot,
} from './oci-layout.ts';
export { openRegistry } from './open-registry.ts';
export { formatPlatform, type Platform, parsePlatform } from './platform.ts';
export { platformView } from './platform-view.ts';
export { type Manifest, RegistryClient } from './registry-client.ts';
export { type Credential, CredentialStore } from './registry-credentials.ts';
export {
  addLogin,
  authValue,
  type LoginFiles,
  type LoginRecord,
  loginFiles,
  loginKey,
  parseLoginRecord,
  removeLogins,
} from './registry-login-file.ts';
export {
  DEFAULT_RETRY,
  isRetryableStatus,
  isTransientText,
  parseRetryAfter,
  type RetryOptions,
  retryAfterInText,
  withRetries,
} from './retry-policy.ts';
export { mergeIntoTag } from './tag-merge.ts';
export { DEFAULT_IMMUTABLE_TAGS, isImmutableTag, planTags, type TagPlan } from './tag-pattern.ts';
export {
  needsExistingTags,
  parseTagRules,
  planTagRules,
  refVersion,
  type SkippedRule,
  type TagRule,
  type TagRulesResult,
} from './tag-rules.ts';
