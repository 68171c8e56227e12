// The public entry of the core library. Actions import from here (an entry file may import the small
// '@chain/core/entry' first, see entry.ts).
export {
  type Action,
  type ActionDefinition,
  type ActionModule,
  defineAction,
  type OutputWriter,
  type PlanContext,
  type RunContext,
} from './action/define-action.ts';
export { type ActionDeps, type RunnerPaths, runnerDeps } from './action/deps.ts';
export {
  CommandError,
  ConfigurationError,
  describeError,
  type ErrorDetails,
  errorCode,
  InvalidValueError,
} from './action/errors.ts';
export {
  type RefContext,
  type RepositoryFacts,
  readRefContext,
  refContext,
} from './action/github-event.ts';
export { createRunnerLogger, type Logger, runnerLogger, silentLogger } from './action/logger.ts';
export {
  decodeJwtClaims,
  ID_TOKEN_PERMISSION_FIX,
  type IdToken,
  requestIdToken,
} from './action/oidc-token.ts';
export { defineOutputs, type OutputContract, type OutputName, type OutputSink } from './action/outputs.ts';
export { type RunHooks, runMain, runPost } from './action/run.ts';
export {
  escapeData,
  escapeProperty,
  fileCommandEntry,
  type RunnerIo,
} from './action/runner-commands.ts';
export { defineState, type StateSlot, type StateStore } from './action/state.ts';
export { tempFolder } from './action/temp-folder.ts';
export {
  type AwsSession,
  adviseStsError,
  assumeRoleWithWebIdentity,
  type EcrRegistryLogin,
  enforcesImmutable,
  getEcrLogins,
  getLifecyclePolicy,
  getTagMutability,
  putImmutableTags,
  putLifecyclePolicy,
  type TagMutability,
} from './aws/ecr-login.ts';
export {
  type ExecRequest,
  type ExecResult,
  ProcessToolRunner,
  type ToolRunner,
  withSecretFile,
} from './exec/tool-runner.ts';
export { type GitHubAttestationsTarget, storeGitHubAttestation } from './github/artifact-attestations.ts';
export {
  defaultInputContext,
  envInputName,
  envInputSource,
  type Field,
  type FieldBuilder,
  field,
  type InputContext,
  type InputSource,
  type InputSpec,
  type InputValues,
  inputs,
  mapInputSource,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseInteger,
  parseKeyValues,
  parseList,
  parsePath,
  readInputs,
} from './inputs/input-spec.ts';
export { readJsonInput } from './inputs/json-input.ts';
export { ociInputs } from './inputs/oci-inputs.ts';
export {
  parsePublicKey,
  type SignerPolicyInputs,
  signerInputs,
  signerPolicyFromInputs,
  signerSpec,
} from './inputs/signer-inputs.ts';
export { type BlobHasher, type HashResult, inlineHasher, workerHasher } from './oci/blob-hasher.ts';
export { Digest, type DigestAlgorithm } from './oci/digest.ts';
export { DOCKER_HUB, ImageReference, validateTag } from './oci/image-reference.ts';
export { joinLayouts } from './oci/join-layouts.ts';
export * from './oci/media-types.ts';
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
} from './oci/oci-layout.ts';
export { openRegistry } from './oci/open-registry.ts';
export { formatPlatform, type Platform, parsePlatform } from './oci/platform.ts';
export { platformView } from './oci/platform-view.ts';
export {
  type HttpResponse,
  type Manifest,
  type ManifestInfo,
  RegistryClient,
  type RegistryClientOptions,
} from './oci/registry-client.ts';
export { type Credential, CredentialStore, credentialFiles } from './oci/registry-credentials.ts';
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
} from './oci/registry-login-file.ts';
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
} from './oci/retry-policy.ts';
export {
  DEFAULT_IMMUTABLE_TAGS,
  ImmutableTagConflict,
  isImmutableTag,
  matchesTagPattern,
  planTags,
  type TagPlan,
} from './oci/tag-pattern.ts';
export {
  compareSemVer,
  type LatestMode,
  needsExistingTags,
  parseSemVer,
  parseTagRule,
  parseTagRules,
  planTagRules,
  refVersion,
  resolveTagRules,
  type SemVer,
  type SkippedRule,
  sanitizeTag,
  semverOfRef,
  type TagRule,
  TagRuleError,
  type TagRuleErrorCode,
  type TagRulesResult,
} from './oci/tag-rules.ts';
export { type Challenge, parseChallenge } from './oci/www-authenticate.ts';
export {
  enforceGate,
  type Finding,
  isRecord,
  normaliseSeverity,
  parseSeverityList,
  ReportError,
  readScannerJson,
  readScannerReport,
  type Scanner,
  SEVERITIES,
  type Severity,
  severityOfScore,
} from './report/findings.ts';
export {
  type IgnoreFiles,
  type IgnoreRule,
  parseOsvScannerToml,
  parseTrivyIgnore,
  parseTrivyIgnoreYaml,
  readIgnoreFiles,
  readTrivyIgnoreFile,
} from './report/ignore-files.ts';
export { type Cell, escapeHtml, JobSummary } from './report/job-summary.ts';
export { parseOsvReport } from './report/osv-report.ts';
export { findingsToSarif, sarifUri, validSarifUri } from './report/sarif.ts';
export { readCycloneDx, readSpdx, type SbomInfo } from './report/sbom.ts';
export {
  makeSbomSet,
  type PlatformSbom,
  readSbomSet,
  SBOM_SET_INDEX,
  SBOM_SET_SCHEMA,
  type SbomEntry,
  type SbomSetIndex,
} from './report/sbom-set.ts';
export { mergeSarif, type ScanReport, scanSummary } from './report/scan-report.ts';
export { evaluateGate, type GateOptions, type GateResult, sortFindings } from './report/severity-gate.ts';
export { parseTrivyReport } from './report/trivy-report.ts';
export {
  type AttestationConditions,
  type AttestationVerdict,
  evaluateAttestations,
  vulnSeverities,
} from './sigstore/attestation-conditions.ts';
export {
  addReferrer,
  BUNDLE_MEDIA_TYPE,
  COSIGN_SIGN_PREDICATE,
  readBundleReferrers,
  storeBundleReferrer,
} from './sigstore/bundle-referrers.ts';
export {
  anchoredRegExp,
  parseTrustedRoot,
  SignatureError,
  type SignerPolicy,
  type VerifiedSignature,
  verifyBundle,
} from './sigstore/bundle-verifier.ts';
export {
  readClassicSignatures,
  type StoredClassicSignature,
  storeClassicSignature,
} from './sigstore/classic-signatures.ts';
export { copySignatures } from './sigstore/copy-signatures.ts';
export {
  ANNOTATION as COSIGN_ANNOTATION,
  appendSignature,
  bundleFromClassicLayer,
  classicAttestationLayer,
  classicLayerFromBundle,
  DSSE_ENVELOPE_MEDIA_TYPE,
  layerDescriptor,
  SIMPLE_SIGNING_MEDIA_TYPE,
  type SignatureLayer,
  signatureTag,
  signedDigestOf,
  simpleSigningPayload,
} from './sigstore/cosign-classic.ts';
export {
  CYCLONEDX_PREDICATE,
  type ProvenanceFacts,
  provenanceFacts,
  type ScanFacts,
  SPDX_PREDICATE,
  sbomComponentCount,
  scanFacts,
} from './sigstore/custody-predicates.ts';
export {
  type CertificateClaims,
  certificateClaims,
  FULCIO_OID,
  type FulcioClaim,
  githubWorkflowRepository,
} from './sigstore/fulcio-certificate.ts';
export {
  type AttestationStatement,
  IN_TOTO_STATEMENT_V1,
  inTotoStatement,
  type SignedAttestation,
  type StoredAttestation,
  signAttestations,
  storeAttestations,
  storeSigned,
} from './sigstore/image-attestations.ts';
export {
  ATTESTED_LINKS,
  type AttestedLink,
  assessCustody,
  type CustodyCode,
  CustodyError,
  type CustodyEvidence,
  type CustodyFailure,
  type CustodyLink,
  type CustodyRequest,
  humanTagsAt,
  type ImageCustody,
  platformsOf,
  resolveDigest,
  type SbomFacts,
  type TagsNow,
  verifyImageCustody,
} from './sigstore/image-custody.ts';
export {
  type AcceptedAttestation,
  type AcceptedSignature,
  checkImageAttestations,
  checkImageMaterial,
  checkImageSignatures,
  type ImageAttestationCheck,
  type ImageSignatureCheck,
  loadTrustedRoot,
  type MaterialPart,
  readSigstoreMaterial,
  type SigstoreMaterial,
  type VerifiedAttestation,
  verifyAttestations,
  verifySignatures,
} from './sigstore/image-signatures.ts';
export {
  IMAGE_VALIDATING_POLICY_API,
  imageValidatingPolicy,
  type KyvernoPolicyKind,
  kyvernoPoliciesYaml,
} from './sigstore/kyverno-image-validating-policy.ts';
export {
  type KyvernoPolicyOptions,
  type KyvernoTrust,
  kyvernoPolicy,
  kyvernoPolicyYaml,
  kyvernoTrust,
  type PolicyKind,
} from './sigstore/kyverno-policy.ts';
export {
  type AttestationRequirements,
  DEFAULT_DENY_SEVERITIES,
  POLICY_ATTESTATION_TYPES,
  type PolicyAttestation,
  registryPrefix,
  TRIVY_FINDING_LISTS,
} from './sigstore/kyverno-requirements.ts';
export {
  cosignSignStatement,
  fulcioSigner,
  type ImageSignatures,
  rekorLogIndex,
  type SignedImage,
  type SignImageRequest,
  type SigningServices,
  signDigest,
  signImage,
  signStatement,
} from './sigstore/sign-image.ts';
export { keySigner, loadSigningKey, type SigningKey } from './sigstore/signing-key.ts';
export {
  type BuildRecord,
  type GitHubRunFacts,
  githubRunFacts,
  PRIVILEGED_EVENTS,
  parseBuildRecord,
  SLSA_PROVENANCE_V1,
  slsaProvenance,
} from './sigstore/slsa-provenance.ts';
export { anchoredLiteral, cosignVerifyCommand, shellQuote } from './sigstore/verify-command.ts';
export {
  COSIGN_VULN_PREDICATE,
  cosignVulnPredicate,
  type TrivyResult,
  type VulnScanResult,
} from './sigstore/vuln-predicate.ts';
export type { BuildRequest } from './tools/build-request.ts';
export { buildah } from './tools/buildah.ts';
export { buildx } from './tools/buildx.ts';
export { osvScanner, type SbomFormat, syft, trivy } from './tools/scanners.ts';
export { type SkopeoCopyRequest, skopeo } from './tools/skopeo.ts';
export {
  type InstalledTool,
  type InstallRequest,
  PINNED_TOOLS,
  type ToolAsset,
  type ToolBuild,
  ToolInstaller,
  type ToolManifest,
  type ToolPin,
} from './tools/tool-installer.ts';
