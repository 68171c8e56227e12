// oci/: OCI: references, digests, layouts, the registry client, tags, logins. Other folders and the actions use only what is exported here.
export { type BlobHasher, type HashResult, inlineHasher, workerHasher } from './blob-hasher.ts';
export { Digest, type DigestAlgorithm } from './digest.ts';
export { DOCKER_HUB, ImageReference, validateTag } from './image-reference.ts';
export { joinLayouts } from './join-layouts.ts';
export * from './media-types.ts';
export {
  type Descriptor,
  type ImageIndexDocument,
  type ImageManifestDocument,
  type LayoutAttestation,
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
export {
  type HttpResponse,
  type Manifest,
  type ManifestInfo,
  RegistryClient,
  type RegistryClientOptions,
} from './registry-client.ts';
export { type Credential, CredentialStore, credentialFiles } from './registry-credentials.ts';
export {
  type AddedLogin,
  addLogin,
  authValue,
  DOCKER_HUB_CONFIG_KEY,
  fingerprint,
  type LoginFiles,
  type LoginRecord,
  loginFiles,
  loginKey,
  parseLoginRecord,
  type RemoveResult,
  removeLogin,
  removeLogins,
} from './registry-login-file.ts';
export {
  backoffDelay,
  DEFAULT_RETRY,
  isNetworkError,
  isRetryableStatus,
  isTransientText,
  parseRetryAfter,
  type RetryOptions,
  type RetryPolicy,
  retryAfterInText,
  withRetries,
} from './retry-policy.ts';
export { mergeIntoTag, type TagMerge } from './tag-merge.ts';
export {
  DEFAULT_IMMUTABLE_TAGS,
  ImmutableTagConflict,
  isImmutableTag,
  matchesTagPattern,
  planTags,
  type TagConflict,
  type TagPlan,
} from './tag-pattern.ts';
export {
  compareSemVer,
  type LatestMode,
  needsExistingTags,
  parseSemVer,
  parseTagRule,
  parseTagRules,
  planTagRules,
  refVersion,
  type SemVer,
  type SkippedRule,
  sanitizeTag,
  semverOfRef,
  type TagRule,
  TagRuleError,
  type TagRuleErrorCode,
  type TagRulesOptions,
  type TagRulesResult,
} from './tag-rules.ts';
export { type Challenge, parseChallenge } from './www-authenticate.ts';
