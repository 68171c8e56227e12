// The links of an image's chain of custody, as names (no Sigstore library: a plan may use them).
/** The links of the chain verify-image checks; the signature is always required. */
export type CustodyLink = 'signature' | 'certificate' | 'provenance' | 'sbom' | 'vuln';
export type AttestedLink = 'provenance' | 'sbom' | 'vuln';
export const ATTESTED_LINKS: readonly AttestedLink[] = ['provenance', 'sbom', 'vuln'];
