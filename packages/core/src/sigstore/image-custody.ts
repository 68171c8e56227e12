import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { ConfigurationError } from '../action/errors.ts';
import { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import { formatPlatform, type Platform } from '../oci/platform.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { isImmutableTag } from '../oci/tag-pattern.ts';
import { ATTESTED_LINKS, type AttestedLink, type CustodyLink } from './custody-links.ts';
import {
  isSbomPredicate,
  type ProvenanceFacts,
  provenanceFacts,
  type ScanFacts,
  sbomComponentCount,
  scanFacts,
} from './custody-predicates.ts';
import { type CertificateClaims, FULCIO_OID } from './fulcio-certificate.ts';
import {
  type AcceptedSignature,
  type ImageAttestationCheck,
  type ImageSignatureCheck,
  readSigstoreMaterial,
  type VerifiedAttestation,
  verifyAttestations,
  verifySignatures,
} from './image-signatures.ts';
import type { SignerPolicy } from './signer-policy.ts';
import { SLSA_PROVENANCE_V1 } from './slsa-provenance.ts';
import { COSIGN_VULN_PREDICATE } from './vuln-predicate.ts';

/**
 * Why a link failed: MISSING (nothing stored), UNVERIFIED (stored, none verifies against the trusted root
 * and signer policy), MALFORMED (verifies, unreadable), DISAGREES (with another link on repository, commit,
 * builder or run), AMBIGUOUS (verified statements disagree with each other), INCOMPLETE (a certificate
 * without GitHub's extensions, an SBOM missing a platform), SCAN_FAILED (the attested verdict is a failure).
 */
export type CustodyCode =
  | 'MISSING'
  | 'UNVERIFIED'
  | 'MALFORMED'
  | 'DISAGREES'
  | 'AMBIGUOUS'
  | 'INCOMPLETE'
  | 'SCAN_FAILED';

export interface CustodyFailure {
  link: CustodyLink;
  code: CustodyCode;
  message: string;
}

/** The chain of custody did not verify: every failed link, each named. */
export class CustodyError extends ConfigurationError {
  readonly failures: readonly CustodyFailure[];
  constructor(subject: string, failures: readonly CustodyFailure[]) {
    super(
      `the chain of custody of ${subject} does not verify: ${failures.map((f) => `${f.link}: ${f.message}`).join('; ')}`,
      { code: 'CUSTODY_BROKEN' },
    );
    this.failures = failures;
  }
}

export interface SbomFacts {
  platform: string | undefined;
  /** The platform manifest the SBOM describes (the image digest for a single-platform image). */
  digest: string;
  components: number;
  predicateType: string;
}

/** Which human (mutable) tags of the repository point at the digest now; bounded. */
export interface TagsNow {
  tags: string[];
  /** Human tags HEADed, of `candidates` (when more, `truncated`). */
  checked: number;
  candidates: number;
  truncated: boolean;
}

export interface ImageCustody {
  repository: string;
  digest: string;
  /** The tag the digest was resolved from (or named beside it). */
  tag: string | undefined;
  signature: Pick<AcceptedSignature, 'format' | 'identity' | 'issuer' | 'ref'> | undefined;
  /** The signing certificate's Fulcio extensions (keyless). */
  certificate: CertificateClaims | undefined;
  /** The source, as certificate and provenance agree on it (or from the one there is). */
  source: { repository: string; commit: string; ref: string | undefined } | undefined;
  run: string | undefined;
  builder: string | undefined;
  provenance: ProvenanceFacts | undefined;
  scan: ScanFacts | undefined;
  sbom: SbomFacts[];
  tags: TagsNow | undefined;
  /** Every verified attestation used: kind, format and where it is stored. */
  attestations: { kind: AttestedLink; format: string; ref: string }[];
  /** Optional links that are absent, and facts that could not be read (tags). */
  warnings: string[];
  failures: CustodyFailure[];
}

export interface CustodyRequest {
  client: RegistryClient;
  /** A tag, a digest, or both. */
  reference: ImageReference;
  trustedRoot: TrustedRoot;
  policy: SignerPolicy;
  /** The attested links that must verify (default all three). */
  require?: readonly AttestedLink[];
  /** At most this many human tags are HEADed (default 100). */
  maxTags?: number;
  /** Tag patterns that are not human tags (default sha-*, nightly-*). */
  immutableTags?: readonly string[];
}

/**
 * The digest a reference names: its digest, else what its tag points at now. A reference that names
 * neither is `IMAGE_UNNAMED`, a tag the registry does not have `IMAGE_NOT_FOUND` (the action names its input).
 */
export async function resolveDigest(client: RegistryClient, reference: ImageReference): Promise<Digest> {
  if (reference.digest !== undefined) return reference.digest;
  if (reference.tag === undefined)
    throw new ConfigurationError(
      `${reference} names neither a tag nor a digest; name one (…:tag or …@sha256:…)`,
      { code: 'IMAGE_UNNAMED', actual: reference.toString() },
    );
  const info = await client.headManifest(reference.repositoryOnly(), reference.tag);
  if (info === undefined)
    throw new ConfigurationError(`${reference} does not exist in the registry`, {
      code: 'IMAGE_NOT_FOUND',
      actual: reference.toString(),
    });
  return Digest.parse(info.digest);
}

/** The platform images of an index (attestation manifests left out), or the image itself (`IMAGE_NOT_FOUND`). */
export async function platformsOf(
  client: RegistryClient,
  repository: ImageReference,
  digest: Digest,
): Promise<{ platform: string | undefined; digest: string }[]> {
  const manifest = await client.getManifest(repository, digest.toString());
  if (manifest === undefined)
    throw new ConfigurationError(`${repository}@${digest} is not in the registry`, {
      code: 'IMAGE_NOT_FOUND',
      actual: `${repository}@${digest}`,
    });
  const doc = JSON.parse(manifest.bytes.toString('utf8')) as {
    manifests?: { digest: string; platform?: Platform }[];
  };
  if (!Array.isArray(doc.manifests)) return [{ platform: undefined, digest: digest.toString() }];
  return doc.manifests
    .filter((m) => m.platform !== undefined && m.platform.os !== 'unknown')
    .map((m) => ({ platform: formatPlatform(m.platform as Platform), digest: m.digest }));
}

const SIGSTORE_TAG = /^sha256-[0-9a-f]{64}(\.[a-z]+)?$/;

/**
 * The human tags (not cosign's `sha256-…` tags, not immutable ones) that point at the digest now: the
 * repository's tags listed, then at most `max` HEADed, eight at a time.
 */
export async function humanTagsAt(
  client: RegistryClient,
  repository: ImageReference,
  digest: Digest,
  options: { max: number; immutable: readonly string[] },
): Promise<TagsNow> {
  const candidates = (await client.listTags(repository)).filter(
    (t) => !SIGSTORE_TAG.test(t) && !isImmutableTag(t, options.immutable),
  );
  const queue = candidates.slice(0, options.max);
  const tags: string[] = [];
  const worker = async () => {
    for (let tag = queue.shift(); tag !== undefined; tag = queue.shift())
      if ((await client.headManifest(repository, tag))?.digest === digest.toString()) tags.push(tag);
  };
  const checked = Math.min(candidates.length, options.max);
  await Promise.all(Array.from({ length: Math.min(8, checked) }, worker));
  return {
    tags: tags.sort(),
    checked,
    candidates: candidates.length,
    truncated: candidates.length > checked,
  };
}

/**
 * The chain of custody of an image: its signature, the certificate's GitHub extensions, the provenance
 * (which must agree with the certificates on repository, commit, builder and run), the vulnerability scan
 * and the SBOMs, and which human tags point at it now. The registry is read once, in parallel (signatures,
 * attestations, referrers, the image's platforms, the tags); the result lists every failed link.
 */
export async function verifyImageCustody(request: CustodyRequest): Promise<ImageCustody> {
  const { client, trustedRoot, policy } = request;
  const repository = request.reference.repositoryOnly();
  const digest = await resolveDigest(client, request.reference);
  const warnings: string[] = [];
  const [material, platforms, tags] = await Promise.all([
    readSigstoreMaterial(client, repository, digest),
    platformsOf(client, repository, digest),
    humanTagsAt(client, repository, digest, {
      max: request.maxTags ?? 100,
      immutable: request.immutableTags ?? ['sha-*', 'nightly-*'],
    }).catch((error: unknown) => {
      warnings.push(`tags: could not list the repository's tags (${(error as Error).message})`);
      return undefined;
    }),
  ]);
  const custody = assessCustody({
    digest,
    signatures: verifySignatures(material, digest, trustedRoot, policy),
    attestations: verifyAttestations(material, digest, trustedRoot, policy),
    platforms,
    keyless: policy.publicKey === undefined,
    require: request.require ?? ATTESTED_LINKS,
  });
  return {
    ...custody,
    repository: repository.toString(),
    tag: request.reference.tag,
    tags,
    warnings: [...custody.warnings, ...warnings],
  };
}

export interface CustodyEvidence {
  digest: Digest;
  signatures: ImageSignatureCheck;
  attestations: ImageAttestationCheck;
  platforms: { platform: string | undefined; digest: string }[];
  /** A keyless policy: certificates must carry the source (GitHub's Fulcio extensions). */
  keyless: boolean;
  require: readonly AttestedLink[];
}

type Assessed = Omit<ImageCustody, 'repository' | 'tag' | 'tags'>;

/** The verdict on every link from what verified (pure: the tests feed it evidence). */
export function assessCustody(evidence: CustodyEvidence): Assessed {
  const failures: CustodyFailure[] = [];
  const warnings: string[] = [];
  const accepted = evidence.signatures.accepted;
  if (accepted === undefined)
    failures.push({
      link: 'signature',
      code: evidence.signatures.rejected.length === 0 ? 'MISSING' : 'UNVERIFIED',
      message:
        evidence.signatures.rejected.length === 0
          ? `no signature is stored for ${evidence.digest}`
          : `no signature verifies against the policy (${evidence.signatures.rejected.join('; ')})`,
    });
  const links = attestedLinks(evidence, failures, warnings);
  const provenance = links.provenance?.facts;
  crossCheck(evidence, accepted, links, failures);
  const certificate = accepted?.certificate;
  const source =
    provenance !== undefined
      ? { repository: provenance.repository, commit: provenance.commit, ref: provenance.ref }
      : certificateSource(certificate);
  return {
    digest: evidence.digest.toString(),
    signature:
      accepted === undefined
        ? undefined
        : {
            format: accepted.format,
            identity: accepted.identity,
            issuer: accepted.issuer,
            ref: accepted.ref,
          },
    certificate,
    source,
    run: provenance?.invocation ?? certificate?.runInvocationURI,
    builder: provenance?.builder ?? certificate?.buildSignerURI,
    provenance,
    scan: links.vuln?.facts,
    sbom: links.sbom?.facts ?? [],
    attestations: links.used,
    warnings,
    failures,
  };
}

function certificateSource(
  claims: CertificateClaims | undefined,
): { repository: string; commit: string; ref: string | undefined } | undefined {
  const repository = claims?.sourceRepositoryURI;
  const commit = claims?.sourceRepositoryDigest;
  return repository === undefined || commit === undefined
    ? undefined
    : { repository, commit, ref: claims?.sourceRepositoryRef };
}

const PREDICATES: Record<AttestedLink, { name: string; is: (type: string) => boolean }> = {
  provenance: { name: 'SLSA provenance v1', is: (t) => t === SLSA_PROVENANCE_V1 },
  vuln: { name: 'vulnerability scan (cosign vuln)', is: (t) => t === COSIGN_VULN_PREDICATE },
  sbom: { name: 'SBOM (CycloneDX or SPDX)', is: isSbomPredicate },
};

interface LinkResults {
  provenance?: { facts: ProvenanceFacts; attestations: VerifiedAttestation[] } | undefined;
  vuln?: { facts: ScanFacts; attestations: VerifiedAttestation[] } | undefined;
  sbom?: { facts: SbomFacts[]; attestations: VerifiedAttestation[] } | undefined;
  used: ImageCustody['attestations'];
}

/** Each attested link: its verified statements, or why there are none (a failure if required). */
function attestedLinks(
  evidence: CustodyEvidence,
  failures: CustodyFailure[],
  warnings: string[],
): LinkResults {
  const out: LinkResults = { used: [] };
  for (const link of ATTESTED_LINKS) {
    const { name, is } = PREDICATES[link];
    const verified = evidence.attestations.verified.filter((a) => is(a.predicateType));
    if (verified.length === 0) {
      const rejected = evidence.attestations.rejections.filter((r) => r.predicateType && is(r.predicateType));
      const failure: CustodyFailure =
        rejected.length === 0
          ? { link, code: 'MISSING', message: `no ${name} attestation is stored for ${evidence.digest}` }
          : {
              link,
              code: 'UNVERIFIED',
              message: `no ${name} attestation verifies against the policy (${rejected.map((r) => r.reason).join('; ')})`,
            };
      if (evidence.require.includes(link)) failures.push(failure);
      else warnings.push(`${link} (not required): ${failure.message}`);
      continue;
    }
    const fail = (code: CustodyCode, message: string) => failures.push({ link, code, message });
    if (link === 'provenance') out.provenance = readProvenance(verified, fail);
    if (link === 'vuln') out.vuln = readScan(verified, fail);
    if (link === 'sbom') out.sbom = readSboms(verified, evidence.platforms, fail);
    for (const a of verified) out.used.push({ kind: link, format: a.format, ref: a.ref });
  }
  return out;
}

type Fail = (code: CustodyCode, message: string) => void;

/** One provenance: every verified statement must say the same source, builder and run. */
function readProvenance(verified: VerifiedAttestation[], fail: Fail): LinkResults['provenance'] {
  const facts: ProvenanceFacts[] = [];
  for (const a of verified) {
    const f = provenanceFacts(a.statement.predicate);
    if (typeof f === 'string') {
      fail('MALFORMED', `the provenance ${a.ref} cannot be read: ${f}`);
      return undefined;
    }
    facts.push(f);
  }
  const key = (f: ProvenanceFacts) => JSON.stringify([f.repository, f.commit, f.builder, f.invocation]);
  const distinct = [...new Set(facts.map(key))];
  if (distinct.length > 1) {
    fail('AMBIGUOUS', `${distinct.length} verified provenance statements name different sources or runs`);
    return undefined;
  }
  const first = facts[0];
  return first === undefined ? undefined : { facts: first, attestations: verified };
}

/** The newest verified scan decides; a failed verdict fails the link. */
function readScan(verified: VerifiedAttestation[], fail: Fail): LinkResults['vuln'] {
  let newest: ScanFacts | undefined;
  for (const a of verified) {
    const f = scanFacts(a.statement.predicate);
    if (typeof f === 'string') {
      fail('MALFORMED', `the vulnerability attestation ${a.ref} cannot be read: ${f}`);
      return undefined;
    }
    if (newest === undefined || Date.parse(f.finishedOn) > Date.parse(newest.finishedOn)) newest = f;
  }
  if (newest === undefined) return undefined;
  if (!newest.passed) {
    const counts = Object.entries(newest.counts).map(([s, n]) => `${n} ${s}`);
    fail(
      'SCAN_FAILED',
      `the scan of ${newest.finishedOn} did not pass (${counts.join(', ') || 'no counts'})`,
    );
  }
  return { facts: newest, attestations: verified };
}

/** One SBOM per platform image at least; each counted once (classic and bundle copies are the same). */
function readSboms(
  verified: VerifiedAttestation[],
  platforms: CustodyEvidence['platforms'],
  fail: Fail,
): LinkResults['sbom'] {
  const byDigest = new Map<string, SbomFacts>();
  for (const a of verified) {
    const components = sbomComponentCount(a.predicateType, a.statement.predicate);
    if (typeof components === 'string') {
      fail('MALFORMED', `the SBOM ${a.ref} cannot be read: ${components}`);
      return undefined;
    }
    const subjects = a.statement.subject.map((s) => `sha256:${s.digest.sha256 ?? ''}`);
    for (const p of platforms)
      if (subjects.includes(p.digest) && !byDigest.has(p.digest))
        byDigest.set(p.digest, { ...p, components, predicateType: a.predicateType });
  }
  const missing = platforms.filter((p) => !byDigest.has(p.digest));
  if (missing.length > 0)
    fail('INCOMPLETE', `no verified SBOM describes ${missing.map((p) => p.platform ?? p.digest).join(', ')}`);
  return { facts: [...byDigest.values()], attestations: verified };
}

const short = (s: { repository: string; commit: string }) => `${s.repository} at ${s.commit}`;

/**
 * Certificates and provenance must tell one story (keyless only: a key carries no claims). The image's
 * signing certificate must carry the source (Fulcio's GitHub extensions) and is the reference: the
 * provenance must name its repository and commit, and every certificate that signed an attestation must
 * too (without a usable signature certificate, the provenance is the reference). The provenance's builder
 * and run must be those its own certificate was issued to. Identical findings are reported once.
 */
function crossCheck(
  evidence: CustodyEvidence,
  accepted: AcceptedSignature | undefined,
  links: LinkResults,
  failures: CustodyFailure[],
): void {
  if (!evidence.keyless) return;
  const found: CustodyFailure[] = [];
  const signatureSource = certificateSource(accepted?.certificate);
  if (accepted !== undefined && signatureSource === undefined)
    found.push({
      link: 'certificate',
      code: 'INCOMPLETE',
      message:
        `the signing certificate (${accepted.identity ?? 'no identity'}) carries no source repository and commit ` +
        `(Fulcio extensions ${FULCIO_OID.sourceRepositoryURI}, ${FULCIO_OID.sourceRepositoryDigest}): it was not issued to a GitHub Actions run`,
    });
  const provenance = links.provenance?.facts;
  if (signatureSource !== undefined && provenance !== undefined && !sameSource(provenance, signatureSource))
    found.push({
      link: 'provenance',
      code: 'DISAGREES',
      message: `the provenance says ${short(provenance)}, but the image's signing certificate says ${short(signatureSource)}`,
    });
  const story = signatureSource ?? provenance;
  const signed: [AttestedLink, VerifiedAttestation[] | undefined][] = [
    ['provenance', links.provenance?.attestations],
    ['vuln', links.vuln?.attestations],
    ['sbom', links.sbom?.attestations],
  ];
  for (const [link, attestations] of signed)
    for (const a of attestations ?? []) {
      const source = certificateSource(a.certificate);
      if (source === undefined)
        found.push({
          link,
          code: 'INCOMPLETE',
          message: 'its signing certificate carries no source repository and commit',
        });
      else if (story !== undefined && !sameSource(source, story))
        found.push({
          link,
          code: 'DISAGREES',
          message: `its signing certificate says ${short(source)}, not ${short(story)}`,
        });
    }
  if (links.provenance !== undefined) runAndBuilder(links.provenance, found);
  const seen = new Set<string>();
  for (const f of found) {
    const key = `${f.link} ${f.code} ${f.message}`;
    if (!seen.has(key)) failures.push(f);
    seen.add(key);
  }
}

const sameSource = (a: { repository: string; commit: string }, b: { repository: string; commit: string }) =>
  a.repository === b.repository && a.commit === b.commit;

/** The provenance's builder and run against its own certificates' build signer and run invocation. */
function runAndBuilder(provenance: NonNullable<LinkResults['provenance']>, failures: CustodyFailure[]): void {
  const { builder, invocation } = provenance.facts;
  for (const a of provenance.attestations) {
    const signer = a.certificate?.buildSignerURI;
    const run = a.certificate?.runInvocationURI;
    if (signer !== undefined && signer !== builder)
      failures.push({
        link: 'provenance',
        code: 'DISAGREES',
        message: `its builder ${builder} is not the workflow its certificate was issued to (${signer})`,
      });
    if (run !== undefined && run !== invocation)
      failures.push({
        link: 'provenance',
        code: 'DISAGREES',
        message: `its run ${invocation ?? '(none)'} is not the run its certificate was issued to (${run})`,
      });
  }
}
