// '@chain/core/entry': what an action's start-up side (inputs.ts, plan.ts, action.ts) may use — input
// specs and parsers, pure planners, errors, defineAction — and nothing else. run.ts imports the whole
// core ('@chain/core'), loaded only once the inputs are read and the plan made.
//
// Why a second entry: with code splitting, esbuild puts into the chunk an entry loads at start-up every
// target of a barrel's named re-exports that the lazily loaded run.ts also uses, as soon as the start-up
// side takes one name from that barrel (measured: image-scan's start-up chunk was 362 KiB through the
// folder barrels, 79 KiB through a barrel of light modules). So the start-up side reads only this file,
// which re-exports from light modules; a test checks that every name here is the main entry's same export.
//
// Only light modules belong here: a name from a module that loads Sigstore or the AWS SDK would bring
// that library into every action's start-up (the signer policy and the custody links have light modules of
// their own for this: sigstore/signer-policy.ts, sigstore/custody-links.ts).
export { defineAction, type PlanContext } from './action/define-action.ts';
export { ConfigurationError, InvalidValueError } from './action/errors.ts';
export type { RefContext } from './action/github-event.ts';
export { type Logger, silentLogger } from './action/logger.ts';
export { ID_TOKEN_PERMISSION_FIX } from './action/oidc-token.ts';
export { defineOutputs } from './action/outputs.ts';
export type { GitHubAttestationsTarget } from './github/artifact-attestations.ts';
export {
  type InputContext,
  type InputValues,
  inputs,
  parseEnum,
  parseList,
  parsePath,
} from './inputs/input-spec.ts';
export { ociInputs } from './inputs/oci-inputs.ts';
export { signerPolicyFromInputs, signerSpec } from './inputs/signer-inputs.ts';
export { Digest } from './oci/digest.ts';
export { DOCKER_HUB, ImageReference } from './oci/image-reference.ts';
export type { LayoutImage } from './oci/oci-layout.ts';
export { formatPlatform, type Platform } from './oci/platform.ts';
export { type LoginFiles, loginFiles } from './oci/registry-login-file.ts';
export { DEFAULT_IMMUTABLE_TAGS, planTags, type TagPlan } from './oci/tag-pattern.ts';
export {
  parseTagRules,
  planTagRules,
  refVersion,
  type SkippedRule,
  type TagRule,
  type TagRulesResult,
} from './oci/tag-rules.ts';
export { JobSummary } from './report/job-summary.ts';
export { parseSeverityList } from './report/severity.ts';
export type { GatePlan } from './report/severity-gate.ts';
export type { AttestationVerdict } from './sigstore/attestation-conditions.ts';
export { ATTESTED_LINKS, type AttestedLink } from './sigstore/custody-links.ts';
export type { KyvernoPolicyKind } from './sigstore/kyverno-image-validating-policy.ts';
export type { PolicyKind } from './sigstore/kyverno-policy.ts';
export {
  type AttestationRequirements,
  type PolicyAttestation,
  registryPrefix,
} from './sigstore/kyverno-requirements.ts';
export type { SignerPolicy } from './sigstore/signer-policy.ts';
export { githubRunFacts } from './sigstore/slsa-provenance.ts';
export type { BuildRequest } from './tools/build-request.ts';
export { buildx } from './tools/buildx.ts';
export type { SbomFormat } from './tools/scanners.ts';
export type { InstallRequest } from './tools/tool-installer.ts';
