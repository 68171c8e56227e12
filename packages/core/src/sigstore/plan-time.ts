// The sigstore names an action's plan.ts may use: pure checks and facts from files that load no Sigstore
// library. Add here only such names.
//
// index.ts takes this file with `export *`, not name by name, for the bundles' start-up: with code
// splitting, once an entry uses one name of a barrel's named re-exports, esbuild puts every target of that
// barrel's named re-exports that run.ts uses into the chunk the entry loads at start-up. cosign-sign's plan
// importing registryPrefix from index.ts's own list loaded @sigstore/* before its inputs were read (95 ms
// instead of 40 to fail a missing input); through this file it loads only what is listed here.
export {
  type AttestationRequirements,
  DEFAULT_DENY_SEVERITIES,
  POLICY_ATTESTATION_TYPES,
  type PolicyAttestation,
  registryPrefix,
  TRIVY_FINDING_LISTS,
} from './kyverno-requirements.ts';
export {
  type BuildRecord,
  type GitHubRunFacts,
  githubRunFacts,
  PRIVILEGED_EVENTS,
  parseBuildRecord,
  SLSA_PROVENANCE_V1,
  slsaProvenance,
} from './slsa-provenance.ts';
