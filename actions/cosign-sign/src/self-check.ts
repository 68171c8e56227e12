// The self-check: what was just stored is read back from the registry and verified as a consumer would.
import {
  type AcceptedAttestation,
  type AcceptedSignature,
  CommandError,
  certificateClaims,
  checkImageMaterial,
  type Digest,
  type ImageReference,
  type Logger,
  type RegistryClient,
  type SignedImage,
  type SignerPolicy,
  type SigningKey,
  type StoredAttestation,
} from '@chain/core';

export interface SelfCheckRequest {
  client: RegistryClient;
  repository: ImageReference;
  digest: Digest;
  trustedRoot: Parameters<typeof checkImageMaterial>[3];
  signed: SignedImage;
  attested: readonly StoredAttestation[];
  /** The key signed (else keyless). */
  key: SigningKey | undefined;
  /** Keyless: the OIDC token's issuer. */
  issuer: string | undefined;
}

/** Who the self-check found signed: the certificate's identity and issuer, and the repository it names. */
export interface CheckedSigner {
  identity: string | undefined;
  issuer: string | undefined;
  /** Keyless: the Source Repository URI the certificate names. */
  sourceRepository: string | undefined;
}

/**
 * Reads back what was just stored — signatures and attestations in ONE read of the registry — and verifies
 * it as a consumer would. Keyless: the identity is the one in the certificate Fulcio just issued for this
 * signature, and the repository it certified (a reusable workflow's identity is the same for every caller).
 * Every attestation just stored must read back and verify, by the signature's signer.
 */
export async function selfCheck(request: SelfCheckRequest, logger: Logger): Promise<CheckedSigner> {
  const { signed, attested, key } = request;
  const certificate = certificateClaims(signed.bundle?.bundle ?? signed.classic?.bundle);
  const sourceRepository = key ? undefined : certificate?.sourceRepositoryURI;
  const policy: SignerPolicy = key
    ? { publicKey: key.publicKeyPem }
    : { identity: certificate?.subject, issuer: request.issuer, sourceRepository };
  const check = await readBack(request, policy, logger);
  const mine = mySignatures(signed, check.signatures.verified, check.signatures.rejected);
  const identity = mine[0]?.identity;
  const issuer = mine[0]?.issuer;
  if (key === undefined && (identity === undefined || issuer === undefined)) {
    throw new CommandError('the signing certificate names no identity or issuer', { tool: 'Fulcio' });
  }
  if (check.attestations !== undefined)
    attestationSelfCheck(attested, check.attestations.verified, check.attestations.rejected, identity);
  return { identity, issuer, sourceRepository };
}

/**
 * One read of everything; a signer racing us may have dropped some of ours from a shared tag after our own
 * read-back: then it is written again and read again (three rounds at most).
 */
async function readBack(request: SelfCheckRequest, policy: SignerPolicy, logger: Logger) {
  const { client, repository, digest, trustedRoot, signed, attested } = request;
  const read = () =>
    checkImageMaterial(client, repository, digest, trustedRoot, policy, {
      all: true,
      attestations: attested.length > 0,
    });
  let check = await read();
  for (
    let round = 1;
    round <= 3 &&
    !(
      allPresent(signed, check.signatures.verified) &&
      attestationsPresent(attested, check.attestations?.verified ?? [])
    );
    round++
  ) {
    logger.info('a concurrent signer replaced a shared signature tag without ours; writing ours again');
    await signed.restore();
    check = await read();
  }
  return check;
}

/** Whether every signature this run made reads back and verifies. */
export function allPresent(signed: SignedImage, verified: readonly AcceptedSignature[]): boolean {
  return (
    (signed.classic === undefined ||
      verified.some((v) => v.format === 'classic' && v.ref === signed.classic?.signature)) &&
    (signed.bundle === undefined ||
      verified.some((v) => v.format === 'bundle' && v.ref === signed.bundle?.manifestDigest))
  );
}

/** This run's signatures among those that verified; each must be there, and both by the same signer. */
export function mySignatures(
  signed: SignedImage,
  verified: readonly AcceptedSignature[],
  rejected: readonly string[],
): AcceptedSignature[] {
  const mine: AcceptedSignature[] = [];
  const missing: string[] = [];
  if (signed.classic !== undefined) {
    const ok = verified.find((v) => v.format === 'classic' && v.ref === signed.classic?.signature);
    if (ok === undefined) missing.push(`the classic signature in ${signed.classic.tag}`);
    else mine.push(ok);
  }
  if (signed.bundle !== undefined) {
    const ok = verified.find((v) => v.format === 'bundle' && v.ref === signed.bundle?.manifestDigest);
    if (ok === undefined) missing.push(`the bundle ${signed.bundle.manifestDigest}`);
    else mine.push(ok);
  }
  if (missing.length > 0) {
    throw new CommandError(
      `self-check failed: ${missing.join(' and ')} did not read back and verify from the registry` +
        (rejected.length > 0 ? ` (${rejected.join('; ')})` : ''),
      { tool: 'registry' },
    );
  }
  if (mine.length === 2 && (mine[0]?.identity !== mine[1]?.identity || mine[0]?.issuer !== mine[1]?.issuer)) {
    throw new CommandError('self-check failed: the two formats were signed by different identities', {
      tool: 'Fulcio',
    });
  }
  return mine;
}

/**
 * Every attestation just stored must read back and verify, by the same signer as the signature: the
 * classic `.att` layer and the bundle referrer each.
 */
export function attestationSelfCheck(
  stored: readonly StoredAttestation[],
  verified: readonly AcceptedAttestation[],
  rejected: readonly string[],
  identity: string | undefined,
): void {
  const missing: string[] = [];
  const ok = (format: 'classic' | 'bundle', ref: string, type: string) =>
    verified.some(
      (v) => v.format === format && v.ref === ref && v.predicateType === type && v.identity === identity,
    );
  for (const a of stored) {
    const what = `the ${a.kind}${a.platform ? ` (${a.platform})` : ''} attestation`;
    if (a.classic && !ok('classic', a.classic.layerDigest, a.predicateType))
      missing.push(`${what} in ${a.classic.tag}`);
    if (a.bundle && !ok('bundle', a.bundle.manifestDigest, a.predicateType))
      missing.push(`${what} ${a.bundle.manifestDigest}`);
  }
  if (missing.length > 0)
    throw new CommandError(
      `self-check failed: ${missing.join(', ')} did not read back and verify from the registry` +
        (rejected.length > 0 ? ` (${rejected.join('; ')})` : ''),
      { tool: 'registry' },
    );
}

/** Whether every attestation just stored is among those that read back and verified (by where it is stored). */
export function attestationsPresent(
  stored: readonly StoredAttestation[],
  verified: readonly AcceptedAttestation[],
): boolean {
  const has = (format: 'classic' | 'bundle', ref: string) =>
    verified.some((v) => v.format === format && v.ref === ref);
  return stored.every(
    (a) =>
      (a.classic === undefined || has('classic', a.classic.layerDigest)) &&
      (a.bundle === undefined || has('bundle', a.bundle.manifestDigest)),
  );
}
