// sigstore/: signing and verification: Sigstore bundles, cosign formats, attestations, custody, Kyverno. Other folders and the actions use only what is exported here.
export {
  type AttestationConditions,
  type AttestationVerdict,
  evaluateAttestations,
  vulnSeverities,
} from './attestation-conditions.ts';
export {
  addReferrer,
  BUNDLE_MEDIA_TYPE,
  COSIGN_SIGN_PREDICATE,
  readBundleReferrers,
  storeBundleReferrer,
} from './bundle-referrers.ts';
export {
  anchoredRegExp,
  parseTrustedRoot,
  SignatureError,
  type SignerPolicy,
  type VerifiedSignature,
  verifyBundle,
} from './bundle-verifier.ts';
export {
  readClassicSignatures,
  type StoredClassicSignature,
  storeClassicSignature,
} from './classic-signatures.ts';
export { copySignatures } from './copy-signatures.ts';
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
} from './cosign-classic.ts';
export {
  CYCLONEDX_PREDICATE,
  type ProvenanceFacts,
  provenanceFacts,
  type ScanFacts,
  SPDX_PREDICATE,
  sbomComponentCount,
  scanFacts,
} from './custody-predicates.ts';
export {
  type CertificateClaims,
  certificateClaims,
  FULCIO_OID,
  type FulcioClaim,
  githubWorkflowRepository,
} from './fulcio-certificate.ts';
export {
  type AttestationStatement,
  IN_TOTO_STATEMENT_V1,
  inTotoStatement,
  type SignedAttestation,
  type StoredAttestation,
  signAttestations,
  storeAttestations,
  storeSigned,
} from './image-attestations.ts';
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
} from './image-custody.ts';
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
} from './image-signatures.ts';
export {
  IMAGE_VALIDATING_POLICY_API,
  imageValidatingPolicy,
  type KyvernoPolicyKind,
  kyvernoPoliciesYaml,
} from './kyverno-image-validating-policy.ts';
export {
  type KyvernoPolicyOptions,
  type KyvernoTrust,
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
  type ImageSignatures,
  rekorLogIndex,
  type SignedImage,
  type SignImageRequest,
  type SigningServices,
  signDigest,
  signImage,
  signStatement,
} from './sign-image.ts';
export { keySigner, loadSigningKey, type SigningKey } from './signing-key.ts';
export { anchoredLiteral, cosignVerifyCommand, shellQuote } from './verify-command.ts';
export {
  COSIGN_VULN_PREDICATE,
  cosignVulnPredicate,
  type TrivyResult,
  type VulnScanResult,
} from './vuln-predicate.ts';
