import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ActionDeps,
  type AttestationStatement,
  ConfigurationError,
  cosignVerifyCommand,
  fromInput,
  fulcioSigner,
  type GitHubAttestationsTarget,
  keySigner,
  kyvernoPoliciesYaml,
  kyvernoTrust,
  loadSigningKey,
  loadTrustedRoot,
  type OutputName,
  openRegistry,
  type RegistryClient,
  type RunContext,
  readJsonInput,
  rekorLogIndex,
  requestIdToken,
  type SignedImage,
  type SigningKey,
  type StoredAttestation,
  signAttestations,
  signDigest,
  storeGitHubAttestation,
  storeSigned,
} from '@chain/core';
import { buildStatements } from './attestations.ts';
import type { outputs } from './inputs.ts';
import { type EventRepository, kyvernoSourceWarning, publicLogWarning, type SignPlan } from './plan.ts';
import { attestationRefs, signatureRefs, signSummary } from './report.ts';
import { type CheckedSigner, selfCheck } from './self-check.ts';

type Context = RunContext<OutputName<typeof outputs>>;

const AUDIENCE = 'sigstore';
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/**
 * Signs, stores, reads back and verifies, then reports: key → image → trusted root → signer → statements →
 * sign and store → self-check → GitHub → files → outputs and summary. Nothing is written to the registry
 * before every input, the key, the root and every attestation's source have been checked.
 */
export async function run(plan: SignPlan, { deps, outputs }: Context): Promise<void> {
  const key = await signingKey(plan, deps);
  const client = openRegistry(deps, plan.registry);
  const subject = await imageSubject(client, plan);
  // The root the self-check trusts; loaded before signing so that a bad root signs nothing.
  const trustedRoot = await trustedRootOf(plan.trustedRoot, deps);
  const identity = await signerOf(plan, key, deps);
  const target = { repository: plan.repository, digest: plan.digest, client };
  // Every statement is built (and its source checked against this digest) before anything is signed.
  const statements = await buildStatements(plan.attestations, target, identity.claims, deps);

  deps.logger.info(`signing ${plan.repository}@${plan.digest} (${plan.format}, ${key ? 'key' : 'keyless'})`);
  const { signed, attested } = await signAndStore(plan, { client, subject }, identity.signer, statements);
  const checked = await selfCheck(
    { ...target, trustedRoot, signed, attested, key, issuer: identity.issuer },
    deps.logger,
  );
  const onGitHub = plan.github === undefined ? [] : await storeOnGitHub(plan.github, attested, deps);
  await report(plan, { signed, attested, checked, key, onGitHub }, { deps, outputs });
}

/** Key material is masked before anything can print it, and read before any network call. */
async function signingKey(plan: SignPlan, deps: ActionDeps): Promise<SigningKey | undefined> {
  const signer = plan.signer;
  if (signer.kind === 'keyless') {
    if (signer.passwordIgnored)
      deps.logger.warning('key-password is ignored: no key was given (keyless signing)');
    return undefined;
  }
  for (const line of signer.key.split(/\r?\n/))
    if (line.trim().length >= 8) deps.logger.setSecret(line.trim());
  const text = await readKeyInput(signer.key, deps.inputContext.workspace);
  try {
    return loadSigningKey(text, signer.password);
  } catch (error) {
    throw namingKeyInputs(error);
  }
}

/** loadSigningKey speaks of the key and its password; here they are the key and key-password inputs. */
function namingKeyInputs(error: unknown): unknown {
  if (!(error instanceof ConfigurationError) || error.input !== undefined) return error;
  const input = error.code.startsWith('KEY_PASSWORD_') ? 'key-password' : 'key';
  error.message =
    error.code === 'KEY_PASSWORD_REQUIRED'
      ? `Input "${input}" is required for an encrypted PKCS#8 key`
      : `Input "${input}": ${error.message}`;
  return error.forInput(input);
}

/** The `key` input: the PEM itself (from a secret), or the path of a key file. */
async function readKeyInput(value: string, workspace: string): Promise<string> {
  if (value.includes('-----BEGIN')) return value;
  const path = value.startsWith('/') ? value : `${workspace}/${value}`;
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `Input "key": it is neither a PEM key nor a readable key file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      { input: 'key' },
    );
  }
}

/** The image's manifest descriptor (the referrers' subject): the digest must be in the registry. */
async function imageSubject(client: RegistryClient, plan: SignPlan) {
  const subject = await client.headManifest(plan.repository, plan.digest.toString());
  if (subject === undefined) {
    throw new ConfigurationError(
      `${plan.repository}@${plan.digest} is not in the registry; push it first (skopeo-push)`,
      { input: 'digest' },
    );
  }
  return { mediaType: subject.mediaType, digest: subject.digest, size: subject.size };
}

/** The trusted root (a file, or the public-good root through TUF); a bad file is the input's fault. */
function trustedRootOf(path: string | undefined, deps: ActionDeps) {
  return fromInput('trusted-root', () => loadTrustedRoot(path, deps.paths.temp));
}

interface Signing {
  signer: ReturnType<typeof keySigner>;
  /** Keyless: the job's OIDC token's claims (what Fulcio certifies); with a key, none. */
  claims: Record<string, unknown>;
  issuer: string | undefined;
}

async function signerOf(plan: SignPlan, key: SigningKey | undefined, deps: ActionDeps): Promise<Signing> {
  if (key !== undefined) return { signer: keySigner(key), claims: {}, issuer: undefined };
  if (plan.signer.kind === 'key') throw new Error('the signing key was not loaded');
  // Fails at once, with the `id-token: write` fix, when the job has no OIDC token.
  const token = await requestIdToken(deps.env, AUDIENCE, deps.logger);
  return {
    signer: fulcioSigner(plan.signer.fulcioURL, async () => token.value),
    claims: token.claims,
    issuer: typeof token.claims.iss === 'string' ? token.claims.iss : undefined,
  };
}

/** The signature and every attestation are signed at once; then stored together (one write per shared tag). */
async function signAndStore(
  plan: SignPlan,
  image: { client: RegistryClient; subject: Awaited<ReturnType<typeof imageSubject>> },
  signer: Signing['signer'],
  statements: AttestationStatement[],
): Promise<{ signed: SignedImage; attested: StoredAttestation[] }> {
  const services = { signer, rekorURL: plan.rekorURL, tsaURL: plan.tsaURL };
  const target = {
    client: image.client,
    image: plan.repository,
    digest: plan.digest,
    subject: image.subject,
    classic: plan.format !== 'bundle',
    bundle: plan.format !== 'classic',
  };
  const [signatures, signedAttestations] = await Promise.all([
    signDigest({ ...target, ...services }),
    signAttestations(services, statements),
  ]);
  const stored = await storeSigned({ ...target, signatures, attestations: signedAttestations });
  if (stored.signed === undefined) throw new Error('nothing was signed');
  return { signed: stored.signed, attested: stored.attested };
}

/** The GitHub API's refusals, by the input at fault: the token lacks the permission, or the repository the API. */
const GITHUB_INPUTS: Record<string, string | undefined> = {
  GITHUB_TOKEN_FORBIDDEN: 'github-token',
  GITHUB_ATTESTATIONS_UNAVAILABLE: 'github-attestations',
};

function namingGitHubInputs(error: unknown): unknown {
  if (!(error instanceof ConfigurationError)) return error;
  const input = GITHUB_INPUTS[error.code];
  return input === undefined ? error : error.forInput(input);
}

/** Stores each provenance attestation (already verified from the registry) through the GitHub API. */
async function storeOnGitHub(
  target: GitHubAttestationsTarget,
  attested: StoredAttestation[],
  deps: ActionDeps,
): Promise<{ kind: string; id: number }[]> {
  const stored: { kind: string; id: number }[] = [];
  for (const attestation of attested.filter((a) => a.kind === 'provenance')) {
    const { id } = await storeGitHubAttestation(target, attestation.bundleJson, deps.logger).catch(
      (error: unknown) => {
        throw namingGitHubInputs(error);
      },
    );
    deps.logger.info(
      `stored the ${attestation.kind} attestation on GitHub for ${target.repository} (id ${id})`,
    );
    stored.push({ kind: attestation.kind, id });
  }
  return stored;
}

interface Outcome {
  signed: SignedImage;
  attested: StoredAttestation[];
  checked: CheckedSigner;
  key: SigningKey | undefined;
  onGitHub: { kind: string; id: number }[];
}

/** The files (bundle, public key, admission policy), the outputs, the log line and the job summary. */
async function report(plan: SignPlan, outcome: Outcome, { deps, outputs }: Omit<Context, 'early'>) {
  const { signed, checked, key } = outcome;
  const work = await deps.tempDir('cosign-sign');
  const files = await writeSignatureFiles(plan, signed, key, work);
  const reference = plan.repository.withDigest(plan.digest);
  // cosign and Kyverno compare GitHub's owner/repo extension, which Fulcio writes for GitHub Actions only.
  const githubRepository = checked.issuer === GITHUB_ACTIONS_ISSUER ? checked.sourceRepository : undefined;
  const verifyCommand = cosignVerifyCommand(
    reference,
    key !== undefined
      ? { publicKeyFile: 'cosign.pub', trustedRoot: plan.trustedRoot }
      : {
          identity: checked.identity ?? '',
          issuer: checked.issuer ?? '',
          sourceRepository: githubRepository,
          trustedRoot: plan.trustedRoot,
        },
  );
  const policyPath = await writeKyvernoPolicy(plan, { ...checked, githubRepository, key }, work, deps);
  const refs = signatureRefs(signed, plan.repository.toString());
  const logIndex = rekorLogIndex(files.bundle) ?? '';
  outputs.write({
    digest: plan.digest.toString(),
    'signature-refs': JSON.stringify(refs),
    'certificate-identity': checked.identity ?? '',
    'certificate-issuer': checked.issuer ?? '',
    'rekor-log-index': logIndex,
    bundle: files.bundlePath,
    'verify-command': verifyCommand,
    'public-key': files.publicKeyPath,
    'kyverno-policy': policyPath,
    attestations: JSON.stringify(attestationRefs(outcome.attested, plan.repository.toString())),
    'github-attestations': JSON.stringify(outcome.onGitHub),
  });
  deps.logger.info(
    `verified: ${checked.identity ?? 'key'}${checked.issuer ? ` (${checked.issuer})` : ''}; run: ${verifyCommand}`,
  );
  const warning = key === undefined ? await privateRepositoryWarning(plan, deps) : undefined;
  if (warning !== undefined) deps.logger.warning(warning);
  await deps.writeSummary(
    signSummary({
      reference: reference.toString(),
      digest: plan.digest.toString(),
      publicKeyPem: key?.publicKeyPem,
      signer: checked,
      rekorURL: plan.rekorURL,
      logIndex,
      tsaURL: plan.tsaURL,
      onGitHub: outcome.onGitHub,
      refs,
      verifyCommand,
      warning,
    }),
  );
}

/**
 * The signature's bundle as a file (the DSSE bundle where there is one) and, with a key, the public key.
 * `bundle` is the one whose Rekor log index is reported: the classic signature's, where there is one.
 */
async function writeSignatureFiles(
  plan: SignPlan,
  signed: SignedImage,
  key: SigningKey | undefined,
  work: string,
): Promise<{ bundlePath: string; publicKeyPath: string; bundle: Parameters<typeof rekorLogIndex>[0] }> {
  const bundle = signed.bundle?.bundle ?? signed.classic?.bundle;
  if (bundle === undefined) throw new Error('nothing was signed');
  const bundlePath = join(work, `${plan.digest.toTagStem()}.sigstore.json`);
  await writeFile(bundlePath, `${JSON.stringify(bundle, null, 2)}\n`);
  let publicKeyPath = '';
  if (key !== undefined) {
    publicKeyPath = join(work, 'cosign.pub');
    await writeFile(publicKeyPath, key.publicKeyPem);
  }
  return { bundlePath, publicKeyPath, bundle: signed.classic?.bundle ?? bundle };
}

/** The admission policy for what was just signed, by who the self-check found signed it ('' without one). */
async function writeKyvernoPolicy(
  plan: SignPlan,
  signer: CheckedSigner & { githubRepository: string | undefined; key: SigningKey | undefined },
  work: string,
  deps: ActionDeps,
): Promise<string> {
  const kyverno = plan.kyverno;
  if (kyverno === undefined) return '';
  const path = join(work, 'kyverno-policy.yaml');
  const root = plan.trustedRoot;
  const trust =
    root === undefined
      ? undefined
      : await fromInput('trusted-root', async () =>
          kyvernoTrust(await readJsonInput(root, 'trusted-root'), plan.rekorURL, deps.now()),
        );
  const policy = kyvernoPoliciesYaml(
    {
      image: plan.repository,
      kind: kyverno.kind,
      identity: signer.identity,
      issuer: signer.issuer,
      sourceRepository: signer.githubRepository,
      publicKey: signer.key?.publicKeyPem,
      rekorUrl: plan.rekorURL,
      trust,
      attestations: { ...kyverno.attestations, builderId: signer.identity },
      registries: kyverno.registries,
    },
    kyverno.kinds,
  );
  await writeFile(path, policy);
  const unenforced = kyvernoSourceWarning(kyverno.kind, kyverno.kinds, signer.githubRepository);
  if (unenforced !== undefined) deps.logger.warning(unenforced);
  return path;
}

/** Keyless on the public Rekor from a private repository (the event payload says which): a warning. */
async function privateRepositoryWarning(plan: SignPlan, deps: ActionDeps): Promise<string | undefined> {
  const path = deps.env.GITHUB_EVENT_PATH;
  let repository: EventRepository | undefined;
  if (path) {
    try {
      repository = (JSON.parse(await readFile(path, 'utf8')) as { repository?: EventRepository }).repository;
    } catch {
      repository = undefined;
    }
  }
  return publicLogWarning(repository, deps.env, plan.rekorURL);
}
