import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AcceptedSignature,
  type ActionDeps,
  CommandError,
  ConfigurationError,
  certificateClaims,
  checkImageMaterial,
  cosignVerifyCommand,
  fulcioSigner,
  type GitHubAttestationsTarget,
  type InputValues,
  JobSummary,
  keySigner,
  kyvernoPoliciesYaml,
  kyvernoTrust,
  loadSigningKey,
  loadTrustedRoot,
  openRegistry,
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
import {
  type AttestationSources,
  attestationRefs,
  attestationSelfCheck,
  attestationsPresent,
  buildStatements,
  requireSources,
} from './attest.ts';
import { outputs, type spec } from './inputs.ts';
import {
  kyvernoSourceWarning,
  policyKind,
  policyKinds,
  policyRequirements,
  publicLogWarning,
  readKeyInput,
  resolveTarget,
} from './plan.ts';

const AUDIENCE = 'sigstore';
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/** Everything after the inputs: the bundle's entry loads this (and Sigstore) only once they are valid. */
export async function sign(values: InputValues<typeof spec>, deps: ActionDeps): Promise<void> {
  const { repository, digest } = resolveTarget(values.image, values.digest);
  const format = values.format;
  const kind = policyKind(values['kyverno-policy'], format);
  const sources: AttestationSources = {
    kinds: values.attestations,
    buildRecord: values['build-record'],
    scanReport: values['scan-report'],
    layout: values.layout,
    sbomDir: values['sbom-dir'],
    syftPath: values['syft-path'],
    syftVersion: values['syft-version'],
    allowPrivilegedEvent: values['allow-privileged-event-provenance'],
  };
  requireSources(sources);
  const github = githubTarget(values, deps.env);
  const kinds = policyKinds(values['kyverno-policy-kind'], values['kyverno-policy']);
  const requirements = policyRequirements({
    attestations: values['policy-attestations'],
    written: values.attestations,
    severities: values['policy-vuln-severities'],
    registries: values['policy-registries'],
    env: deps.env,
  });

  // Key material is masked before anything can print it, and read before any network call.
  let key: SigningKey | undefined;
  if (values.key !== undefined) {
    for (const line of values.key.split(/\r?\n/))
      if (line.trim().length >= 8) deps.logger.setSecret(line.trim());
    if (values['key-password'] !== undefined && values['key-password'] !== '')
      deps.logger.setSecret(values['key-password']);
    key = loadSigningKey(readKeyInput(values.key, deps.inputContext.workspace), values['key-password']);
  } else if (values['key-password'] !== undefined) {
    deps.logger.warning('key-password is ignored: no key was given (keyless signing)');
  }

  const client = openRegistry(deps, { authFile: values['auth-file'], tlsVerify: values['tls-verify'] });
  const subject = await client.headManifest(repository, digest.toString());
  if (subject === undefined) {
    throw new ConfigurationError(
      `${repository}@${digest} is not in the registry; push it first (skopeo-push)`,
      {
        input: 'digest',
      },
    );
  }
  // The root the self-check trusts; loaded before signing so that a bad root signs nothing.
  const trustedRoot = await loadTrustedRoot(values['trusted-root'], deps.paths.temp);

  let issuer: string | undefined;
  let signer: ReturnType<typeof keySigner>;
  let claims: Record<string, unknown> = {};
  if (key !== undefined) {
    signer = keySigner(key);
  } else {
    // Fails at once, with the `id-token: write` fix, when the job has no OIDC token.
    const token = await requestIdToken(deps.env, AUDIENCE, deps.logger);
    claims = token.claims;
    issuer = typeof token.claims.iss === 'string' ? token.claims.iss : undefined;
    signer = fulcioSigner(values['fulcio-url'], async () => token.value);
  }
  // Every statement is built (and its source checked against this digest) before anything is signed.
  const statements = await buildStatements(sources, { repository, digest, client }, claims, deps);

  deps.logger.info(`signing ${repository}@${digest} (${format}, ${key ? 'key' : 'keyless'})`);
  const services = { signer, rekorURL: values['rekor-url'], tsaURL: values['tsa-url'] };
  const target = {
    client,
    image: repository,
    digest,
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    classic: format !== 'bundle',
    bundle: format !== 'classic',
  };
  // The signature and every attestation are signed at once; then stored together (one write per shared tag).
  const [signatures, signedAttestations] = await Promise.all([
    signDigest({ ...target, ...services }),
    signAttestations(services, statements),
  ]);
  const stored = await storeSigned({ ...target, signatures, attestations: signedAttestations });
  const signed = stored.signed;
  const attested = stored.attested;
  if (signed === undefined) throw new Error('nothing was signed');

  // Self-check: read back what was just stored — signatures and attestations in ONE read of the registry —
  // and verify it as a consumer would. A signer racing us may have dropped some of ours from a shared tag
  // after our own read-back: then it is written again. Keyless: the identity is the one in the certificate
  // Fulcio just issued for this signature, and the repository it certified (a reusable workflow's identity
  // is the same for every caller).
  const certificate = certificateClaims(signed.bundle?.bundle ?? signed.classic?.bundle);
  const sourceRepository = key ? undefined : certificate?.sourceRepositoryURI;
  const policy = key
    ? { publicKey: key.publicKeyPem }
    : { identity: certificate?.subject, issuer, sourceRepository };
  const readBack = () =>
    checkImageMaterial(client, repository, digest, trustedRoot, policy, {
      all: true,
      attestations: attested.length > 0,
    });
  let check = await readBack();
  for (
    let round = 1;
    round <= 3 &&
    !(
      allPresent(signed, check.signatures.verified) &&
      attestationsPresent(attested, check.attestations?.verified ?? [])
    );
    round++
  ) {
    deps.logger.info('a concurrent signer replaced a shared signature tag without ours; writing ours again');
    await signed.restore();
    check = await readBack();
  }
  const mine = selfCheck(signed, check.signatures.verified, check.signatures.rejected);
  const identity = mine[0]?.identity;
  const certIssuer = mine[0]?.issuer;
  if (key === undefined && (identity === undefined || certIssuer === undefined)) {
    throw new CommandError('the signing certificate names no identity or issuer', { tool: 'Fulcio' });
  }
  // Every attestation just stored must read back and verify, by the signature's signer.
  if (check.attestations !== undefined)
    attestationSelfCheck(attested, check.attestations.verified, check.attestations.rejected, identity);
  const onGitHub = github === undefined ? [] : await storeOnGitHub(github, attested, deps);

  const work = await mkdtemp(join(deps.env.RUNNER_TEMP ?? tmpdir(), 'cosign-sign-'));
  const bundle = signed.bundle?.bundle ?? signed.classic?.bundle;
  if (bundle === undefined) throw new Error('nothing was signed');
  const bundlePath = join(work, `${digest.toTagStem()}.sigstore.json`);
  await writeFile(bundlePath, `${JSON.stringify(bundle, null, 2)}\n`);
  let publicKeyPath = '';
  if (key !== undefined) {
    publicKeyPath = join(work, 'cosign.pub');
    await writeFile(publicKeyPath, key.publicKeyPem);
  }
  const reference = repository.withDigest(digest);
  // cosign and Kyverno compare GitHub's owner/repo extension, which Fulcio writes for GitHub Actions only.
  const githubRepository = certIssuer === GITHUB_ACTIONS_ISSUER ? sourceRepository : undefined;
  const verifyCommand = cosignVerifyCommand(
    reference,
    key !== undefined
      ? { publicKeyFile: 'cosign.pub', trustedRoot: values['trusted-root'] }
      : {
          identity: identity ?? '',
          issuer: certIssuer ?? '',
          sourceRepository: githubRepository,
          trustedRoot: values['trusted-root'],
        },
  );
  let policyPath = '';
  if (kind !== undefined) {
    policyPath = join(work, 'kyverno-policy.yaml');
    await writeFile(
      policyPath,
      kyvernoPoliciesYaml(
        {
          image: repository,
          kind,
          identity,
          issuer: certIssuer,
          sourceRepository: githubRepository,
          publicKey: key?.publicKeyPem,
          rekorUrl: values['rekor-url'],
          trust:
            values['trusted-root'] === undefined
              ? undefined
              : kyvernoTrust(await readTrustedRootJson(values['trusted-root']), values['rekor-url']),
          attestations: { ...requirements.attestations, builderId: identity },
          registries: requirements.registries,
        },
        kinds,
      ),
    );
    const unenforced = kyvernoSourceWarning(kind, kinds, githubRepository);
    if (unenforced !== undefined) deps.logger.warning(unenforced);
  }

  const refs = signatureRefs(signed, repository.toString());
  const logIndex = rekorLogIndex(signed.classic?.bundle ?? bundle) ?? '';
  outputs.write(
    {
      digest: digest.toString(),
      'signature-refs': JSON.stringify(refs),
      'certificate-identity': identity ?? '',
      'certificate-issuer': certIssuer ?? '',
      'rekor-log-index': logIndex,
      bundle: bundlePath,
      'verify-command': verifyCommand,
      'public-key': publicKeyPath,
      'kyverno-policy': policyPath,
      attestations: JSON.stringify(attestationRefs(attested, repository.toString())),
      'github-attestations': JSON.stringify(onGitHub),
    },
    deps.outputs,
  );
  deps.logger.info(
    `verified: ${identity ?? 'key'}${certIssuer ? ` (${certIssuer})` : ''}; run: ${verifyCommand}`,
  );

  const warning = key === undefined ? publicLogWarning(deps.env, values['rekor-url']) : undefined;
  if (warning !== undefined) deps.logger.warning(warning);
  const summary = new JobSummary()
    .heading('cosign-sign')
    .verdict(true, `Signed and verified ${reference}`)
    .facts([
      ['digest', { text: digest.toString(), code: true }],
      ['signer', key ? 'key (ECDSA P-256)' : { text: identity ?? '', code: true }],
      ...(certIssuer ? [['issuer', { text: certIssuer, code: true }] as const] : []),
      ['Rekor', `${values['rekor-url']} log index ${logIndex}`],
      ...(values['tsa-url'] ? [['timestamp authority', values['tsa-url']] as const] : []),
      ...(onGitHub.length > 0
        ? [['GitHub attestations', onGitHub.map((a) => `${a.kind} #${a.id}`).join(', ')] as const]
        : []),
    ])
    .table(
      ['format', 'stored at'],
      refs.map((r) => [r.format, { text: r.ref, code: true }]),
    )
    .paragraph('Verify it yourself:')
    .code(verifyCommand);
  if (key !== undefined) summary.paragraph('Public key:').code(key.publicKeyPem);
  if (warning !== undefined) summary.warning(warning);
  await deps.writeSummary(summary);
}

/** Whether every signature this run made reads back and verifies. */
function allPresent(signed: SignedImage, verified: AcceptedSignature[]): boolean {
  return (
    (signed.classic === undefined ||
      verified.some((v) => v.format === 'classic' && v.ref === signed.classic?.signature)) &&
    (signed.bundle === undefined ||
      verified.some((v) => v.format === 'bundle' && v.ref === signed.bundle?.manifestDigest))
  );
}

function selfCheck(
  signed: SignedImage,
  verified: AcceptedSignature[],
  rejected: string[],
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

function signatureRefs(signed: SignedImage, repository: string): { format: string; ref: string }[] {
  const refs: { format: string; ref: string }[] = [];
  if (signed.classic) refs.push({ format: 'classic', ref: `${repository}:${signed.classic.tag}` });
  if (signed.bundle) {
    refs.push({ format: 'bundle', ref: `${repository}@${signed.bundle.manifestDigest}` });
    if (signed.bundle.fallbackTag)
      refs.push({ format: 'referrers-fallback', ref: `${repository}:${signed.bundle.fallbackTag}` });
  }
  return refs;
}

/** The trusted root's JSON (loadTrustedRoot has checked it already): a file changed since is an input error. */
async function readTrustedRootJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new ConfigurationError(
      `Input "trusted-root": ${path} is not readable JSON (${(error as Error).message})`,
      {
        input: 'trusted-root',
      },
    );
  }
}

/**
 * With github-attestations: where the provenance also goes (GitHub's artifact attestations API), checked
 * before anything is signed — it needs a provenance attestation to store, a token and the repository.
 */
function githubTarget(
  values: InputValues<typeof spec>,
  env: NodeJS.ProcessEnv,
): GitHubAttestationsTarget | undefined {
  if (!values['github-attestations']) return undefined;
  if (!values.attestations.includes('provenance'))
    throw new ConfigurationError(
      'Input "github-attestations": it stores the provenance attestation, so attestations must include provenance',
      { input: 'github-attestations' },
    );
  const token = values['github-token'];
  if (token === undefined || token === '')
    throw new ConfigurationError(
      'Input "github-token" is empty: github-attestations needs the job\'s token',
      {
        input: 'github-token',
      },
    );
  const repository = env.GITHUB_REPOSITORY;
  if (repository === undefined || repository === '')
    throw new ConfigurationError('github-attestations needs GITHUB_REPOSITORY (the runner sets it)', {
      input: 'github-attestations',
    });
  return { apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', repository, token };
}

/** Stores each provenance attestation (already verified from the registry) through the GitHub API. */
async function storeOnGitHub(
  target: GitHubAttestationsTarget,
  attested: StoredAttestation[],
  deps: ActionDeps,
): Promise<{ kind: string; id: number }[]> {
  const stored: { kind: string; id: number }[] = [];
  for (const attestation of attested.filter((a) => a.kind === 'provenance')) {
    const { id } = await storeGitHubAttestation(target, attestation.bundleJson, deps.logger);
    deps.logger.info(
      `stored the ${attestation.kind} attestation on GitHub for ${target.repository} (id ${id})`,
    );
    stored.push({ kind: attestation.kind, id });
  }
  return stored;
}
