// sigstore/: signing and verification: Sigstore bundles, cosign formats, attestations, custody, Kyverno. Other folders and the actions use only what is exported here.
export {
  type AttestationConditions,
  type AttestationVerdict,
  vulnSeverities,
} from './attestation-conditions.ts';
export {
  BUNDLE_MEDIA_TYPE,
  COSIGN_SIGN_PREDICATE,
  readBundleReferrers,
  storeBundleReferrer,
} from './bundle-referrers.ts';
export { parseTrustedRoot, SignatureError, verifyBundle } from './bundle-verifier.ts';
export { readClassicSignatures, storeClassicSignature } from './classic-signatures.ts';
export { copySignatures } from './copy-signatures.ts';
export {
  bundleFromClassicLayer,
  classicLayerFromBundle,
  type SignatureLayer,
  signedDigestOf,
  simpleSigningPayload,
} from './cosign-classic.ts';
export { ATTESTED_LINKS, type AttestedLink } from './custody-links.ts';
export { CYCLONEDX_PREDICATE, type ScanFacts } from './custody-predicates.ts';
export { certificateClaims, githubWorkflowRepository } from './fulcio-certificate.ts';
export {
  type AttestationStatement,
  type StoredAttestation,
  signAttestations,
  storeAttestations,
  storeSigned,
} from './image-attestations.ts';
export {
  CustodyError,
  type CustodyFailure,
  type ImageCustody,
  platformsOf,
  verifyImageCustody,
} from './image-custody.ts';
export {
  type AcceptedAttestation,
  type AcceptedSignature,
  checkImageAttestations,
  checkImageMaterial,
  checkImageSignatures,
  loadTrustedRoot,
} from './image-signatures.ts';
export {
  imageValidatingPolicy,
  type KyvernoPolicyKind,
  kyvernoPoliciesYaml,
} from './kyverno-image-validating-policy.ts';
export {
  type KyvernoPolicyOptions,
  kyvernoPolicy,
  kyvernoPolicyYaml,
  kyvernoTrust,
  type PolicyKind,
} from './kyverno-policy.ts';
// The names an action's plan may use: through `export *`, never by name (see plan-time.ts).
export * from './plan-time.ts';
export {
  cosignSignStatement,
  fulcioSigner,
  rekorLogIndex,
  type SignedImage,
  signDigest,
  signImage,
} from './sign-image.ts';
export { anchoredRegExp, type SignerPolicy } from './signer-policy.ts';
export { keySigner, loadSigningKey, type SigningKey } from './signing-key.ts';
export { cosignVerifyCommand } from './verify-command.ts';
export { COSIGN_VULN_PREDICATE, cosignVulnPredicate, type VulnScanResult } from './vuln-predicate.ts';
