import {
  type AttestationRequirements,
  ConfigurationError,
  Digest,
  type GitHubAttestationsTarget,
  githubRunFacts,
  type ImageReference,
  type InputValues,
  InvalidValueError,
  type KyvernoPolicyKind,
  type PlanContext,
  type PolicyAttestation,
  type PolicyKind,
  parseSeverityList,
  registryPrefix,
} from '@chain/core/entry';
import type { AttestationKind, spec } from './inputs.ts';

/**
 * What the step will do: sign one digest (key or keyless) in the chosen formats, attest what it was asked
 * to, store it all in the registry, read it back and verify it, then write the bundle, the public key and
 * the admission policy. Every input is checked here, before anything is read, signed or written.
 */
export interface SignPlan {
  /** The repository (no tag, no digest) and the digest signed. */
  repository: ImageReference;
  digest: Digest;
  format: 'classic' | 'bundle' | 'both';
  signer: SignerPlan;
  rekorURL: string;
  tsaURL: string | undefined;
  /** trusted_root.json of a private Sigstore; else the public-good root through TUF. */
  trustedRoot: string | undefined;
  registry: { authFile: string | undefined; tlsVerify: boolean };
  attestations: AttestationSources;
  /** With github-attestations: where the provenance also goes. */
  github: GitHubAttestationsTarget | undefined;
  /** The admission policy file to write (undefined: kyverno-policy none). */
  kyverno: KyvernoPlan | undefined;
}

/** With a key (read and decrypted by run, its lines masked first), or keyless through Fulcio. */
export type SignerPlan =
  | {
      kind: 'key';
      /** The `key` input: the PEM itself (from a secret), or the path of a key file. */
      key: string;
      password: string | undefined;
    }
  | {
      kind: 'keyless';
      fulcioURL: string;
      /** key-password was given without a key: it is ignored, with a warning. */
      passwordIgnored: boolean;
    };

export interface KyvernoPlan {
  /** The ClusterPolicy's verifyImages type. */
  kind: PolicyKind;
  /** The Kyverno kinds the file holds. */
  kinds: KyvernoPolicyKind[];
  attestations: AttestationRequirements;
  registries: string[];
}

export function plan(values: InputValues<typeof spec>, context: PlanContext): SignPlan {
  const { repository, digest } = resolveTarget(values.image, values.digest);
  const kind = policyKind(values['kyverno-policy'], values.format);
  const attestations = attestationSources(values);
  requireSources(attestations);
  const github = githubTarget(values, context.env);
  const kinds = policyKinds(values['kyverno-policy-kind'], values['kyverno-policy']);
  const requirements = policyRequirements({
    attestations: values['policy-attestations'],
    written: values.attestations,
    severities: values['policy-vuln-severities'],
    registries: values['policy-registries'],
    env: context.env,
  });
  return {
    repository,
    digest,
    format: values.format,
    signer: signerPlan(values),
    rekorURL: values['rekor-url'],
    tsaURL: values['tsa-url'],
    trustedRoot: values['trusted-root'],
    registry: { authFile: values['auth-file'], tlsVerify: values['tls-verify'] },
    attestations,
    github,
    kyverno: kind === undefined ? undefined : { kind, kinds, ...requirements },
  };
}

function signerPlan(values: InputValues<typeof spec>): SignerPlan {
  if (values.key !== undefined) return { kind: 'key', key: values.key, password: values['key-password'] };
  return {
    kind: 'keyless',
    fulcioURL: values['fulcio-url'],
    passwordIgnored: values['key-password'] !== undefined,
  };
}

/** The repository and digest to sign: `repo@sha256:…`, or `repo` + `digest`. A tag alone is refused. */
export function resolveTarget(
  image: ImageReference,
  digest: Digest | undefined,
): { repository: ImageReference; digest: Digest } {
  if (image.digest !== undefined && digest !== undefined && !image.digest.equals(digest)) {
    throw new ConfigurationError(
      `Input "digest": ${digest} differs from the digest in "image" (${image.digest}); give one of them`,
      { input: 'digest', expected: image.digest.toString(), actual: digest.toString() },
    );
  }
  const resolved = image.digest ?? digest;
  if (resolved === undefined) {
    throw new ConfigurationError(
      `Input "image": ${image} names no digest. Signatures are bound to a digest, never a tag: pass ` +
        `repo@sha256:<hex>, or the repository with "digest" (skopeo-push output "digest")`,
      { input: 'image' },
    );
  }
  if (image.tag !== undefined && image.digest === undefined) {
    throw new ConfigurationError(
      `Input "image": drop the tag ":${image.tag}" and give the repository with "digest"; a tag can move`,
      { input: 'image' },
    );
  }
  return { repository: image.repositoryOnly(), digest: Digest.parse(resolved.toString()) };
}

/** Which Kyverno verifyImages type the policy file uses: classic signatures are read by `Cosign`. */
export function policyKind(
  choice: 'auto' | PolicyKind | 'none',
  format: 'classic' | 'bundle' | 'both',
): PolicyKind | undefined {
  if (choice === 'none') return undefined;
  if (choice !== 'auto') {
    if (
      (choice === 'Cosign' && format === 'bundle') ||
      (choice === 'SigstoreBundle' && format === 'classic')
    ) {
      throw new ConfigurationError(
        `Input "kyverno-policy": a ${choice} policy cannot admit ${format === 'bundle' ? 'bundle-only' : 'classic-only'} signatures; use format "both" or the other kind`,
        { input: 'kyverno-policy' },
      );
    }
    return choice;
  }
  return format === 'bundle' ? 'SigstoreBundle' : 'Cosign';
}

/** Which Kyverno kinds the policy file holds; `kyverno-policy` Cosign/SigstoreBundle only means something to a ClusterPolicy. */
export function policyKinds(
  choice: 'ClusterPolicy' | 'ImageValidatingPolicy' | 'both',
  signatureType: 'auto' | PolicyKind | 'none',
): KyvernoPolicyKind[] {
  if (choice === 'ImageValidatingPolicy' && signatureType !== 'auto' && signatureType !== 'none') {
    throw new ConfigurationError(
      `Input "kyverno-policy": ${signatureType} is a ClusterPolicy verifyImages type; an ImageValidatingPolicy detects the signature format itself, so leave it "auto" or set kyverno-policy-kind to "both"`,
      { input: 'kyverno-policy' },
    );
  }
  return choice === 'both' ? ['ClusterPolicy', 'ImageValidatingPolicy'] : [choice];
}

/**
 * What the admission policy requires besides the signature, each input checked and named when wrong (before
 * anything is signed). The provenance's builder id is added once the signer is known: on GitHub the keyless
 * identity is the job's workflow ref, which is the SLSA `builder.id` of the workflow that built the image.
 */
export function policyRequirements(input: {
  attestations: readonly PolicyAttestation[];
  /** What this step attests (`attestations`): a policy may require only those. */
  written: readonly PolicyAttestation[];
  severities: readonly string[];
  registries: readonly string[];
  env: Readonly<NodeJS.ProcessEnv>;
}): { attestations: AttestationRequirements; registries: string[] } {
  // A policy requiring an attestation this step does not write would refuse every image it signs.
  const unwritten = input.attestations.filter((kind) => !input.written.includes(kind));
  if (unwritten.length > 0)
    throw new ConfigurationError(
      `Input "policy-attestations": the admission policy would require ${unwritten.join(', ')}, which this step does not attest; add ${unwritten.length === 1 ? 'it' : 'them'} to "attestations" (with ${unwritten.map((k) => NEEDS[k].source).join(', ')}) or drop ${unwritten.length === 1 ? 'it' : 'them'} from "policy-attestations"`,
      { input: 'policy-attestations' },
    );
  let severities: ReturnType<typeof parseSeverityList>;
  try {
    severities = parseSeverityList(input.severities);
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    throw new ConfigurationError(`Input "policy-vuln-severities": ${error.message}`, {
      input: 'policy-vuln-severities',
    });
  }
  for (const prefix of input.registries) registryPrefix(prefix, 'policy-registries');
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = input.env;
  return {
    attestations: {
      required: [...input.attestations],
      sourceRepository:
        repository === undefined ? undefined : `${server ?? 'https://github.com'}/${repository}`,
      denySeverities: [...severities],
    },
    registries: [...input.registries],
  };
}

/** What the attestations are made from: the inputs each kind needs (checked before anything is signed). */
export interface AttestationSources {
  kinds: AttestationKind[];
  buildRecord?: string | undefined;
  scanReport?: string | undefined;
  layout?: string | undefined;
  /** image-scan's SBOM set (preferred: made in the scan's pass); else syft runs here on `layout`. */
  sbomDir?: string | undefined;
  syftPath?: string | undefined;
  syftVersion?: string | undefined;
  /** Provenance for a pull_request_target or workflow_run run (refused unless set). */
  allowPrivilegedEvent?: boolean | undefined;
}

function attestationSources(values: InputValues<typeof spec>): AttestationSources {
  return {
    kinds: values.attestations,
    buildRecord: values['build-record'],
    scanReport: values['scan-report'],
    layout: values.layout,
    sbomDir: values['sbom-dir'],
    syftPath: values['syft-path'],
    syftVersion: values['syft-version'],
    allowPrivilegedEvent: values['allow-privileged-event-provenance'],
  };
}

/** The input each attestation kind is made from, and where its value comes from. */
const NEEDS: Record<
  AttestationKind,
  { input: keyof AttestationSources; name: string; from: string; source: string }
> = {
  provenance: {
    input: 'buildRecord',
    name: 'build-record',
    from: 'oci-build output "build-record"',
    source: 'build-record',
  },
  sbom: {
    input: 'sbomDir',
    name: 'sbom-dir',
    from: 'image-scan output "sbom-dir" (sbom: true), or layout',
    source: 'sbom-dir or layout',
  },
  vuln: {
    input: 'scanReport',
    name: 'scan-report',
    from: 'image-scan output "report"',
    source: 'scan-report',
  },
};

/** Each requested kind must have its source input: the error names it and where its value comes from. */
export function requireSources(sources: AttestationSources): void {
  if (sources.sbomDir !== undefined && sources.layout !== undefined)
    throw new ConfigurationError(
      'Input "layout": give sbom-dir (the SBOMs image-scan made) or layout (syft runs here), not both',
      { input: 'layout' },
    );
  for (const kind of sources.kinds) {
    const need = NEEDS[kind];
    if (kind === 'sbom' && sources.layout !== undefined) continue;
    if (sources[need.input] === undefined)
      throw new ConfigurationError(
        `Input "${need.name}": attestations lists ${kind}, which is made from it; pass ${need.from}`,
        { input: need.name },
      );
  }
}

/**
 * With github-attestations: where the provenance also goes (GitHub's artifact attestations API), checked
 * before anything is signed — it needs a provenance attestation to store, a token and the repository.
 */
export function githubTarget(
  values: Pick<InputValues<typeof spec>, 'github-attestations' | 'attestations' | 'github-token'>,
  env: Readonly<NodeJS.ProcessEnv>,
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

/**
 * The run URL and the builder id the vuln invocation states. Keyless, from the job's OIDC token (what Fulcio
 * certified; a runner variable saying otherwise is refused), as the provenance's; with a key, the runner's.
 */
export function vulnRunFacts(
  env: Readonly<NodeJS.ProcessEnv>,
  claims: Record<string, unknown>,
): { runURL: string; runId: string; builderId: string } {
  if (Object.keys(claims).length > 0) {
    const run = githubRunFacts(env, claims);
    return {
      runURL: `${run.server}/${run.repository}/actions/runs/${run.runId}/attempts/${run.runAttempt}`,
      runId: run.runId,
      builderId: `${run.server}/${run.jobWorkflowRef}`,
    };
  }
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const jobWorkflow = env.GITHUB_WORKFLOW_REF;
  return {
    runURL: `${server}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/attempts/${env.GITHUB_RUN_ATTEMPT ?? ''}`,
    runId: env.GITHUB_RUN_ID ?? '',
    builderId: jobWorkflow === undefined ? '' : `${server}/${jobWorkflow}`,
  };
}

export const PUBLIC_REKOR = 'https://rekor.sigstore.dev';

/**
 * The policies bind the source repository through `additionalExtensions`, which Kyverno 1.19 enforces only
 * for a ClusterPolicy of type Cosign: for SigstoreBundle and the ImageValidatingPolicy it is accepted by the
 * CRD and ignored by the verifier, so any repository calling the same reusable workflow would be admitted.
 */
export function kyvernoSourceWarning(
  kind: PolicyKind | undefined,
  kinds: readonly KyvernoPolicyKind[],
  sourceRepository: string | undefined,
): string | undefined {
  if (kind === undefined || sourceRepository === undefined) return undefined;
  const unenforced = [
    ...(kinds.includes('ClusterPolicy') && kind === 'SigstoreBundle'
      ? ['the SigstoreBundle ClusterPolicy']
      : []),
    ...(kinds.includes('ImageValidatingPolicy') ? ['the ImageValidatingPolicy'] : []),
  ];
  if (unenforced.length === 0) return undefined;
  return (
    `the Kyverno policy requires the source repository ${sourceRepository} (additionalExtensions), but in ` +
    `${unenforced.join(' and ')} ` +
    'Kyverno 1.19 does not enforce it: any repository calling the same reusable workflow would be ' +
    'admitted. Use kyverno-policy: Cosign with kyverno-policy-kind: ClusterPolicy where the signer is a reusable workflow.'
  );
}

/** The event payload's `repository`, as far as the public-log warning reads it. */
export interface EventRepository {
  private?: unknown;
  visibility?: unknown;
  full_name?: unknown;
}

/**
 * Signing from a private or internal repository against the public log publishes the repository and
 * workflow names (they are in the certificate). The event payload (read by run) says whether the
 * repository is private.
 */
export function publicLogWarning(
  repo: EventRepository | undefined,
  env: Readonly<NodeJS.ProcessEnv>,
  rekorURL: string,
): string | undefined {
  if (new URL(rekorURL).origin !== PUBLIC_REKOR) return undefined;
  if (repo?.private !== true && repo?.visibility !== 'private' && repo?.visibility !== 'internal')
    return undefined;
  const name =
    typeof repo.full_name === 'string' ? repo.full_name : (env.GITHUB_REPOSITORY ?? 'this repository');
  return (
    `${name} is not public, but this signature is recorded in the public Rekor log (${PUBLIC_REKOR}): ` +
    'the repository name, workflow path and ref in the certificate are now public. Use a private Sigstore ' +
    '(fulcio-url, rekor-url, trusted-root) or a key if they must stay private.'
  );
}
