// verify-image: the chain of custody of a digest, on an image cosign-sign attested for real (provenance,
// per-platform SBOMs by the real syft, the vuln predicate from the real image-scan) against the local
// Sigstore and the real registry; then on images with each link missing or forged, written with the core's
// own signing code and a Fulcio token whose GitHub claims the test chooses. The action runs in process
// (its seam), as the bundle under the runner contract, and as the command-line tool.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COSIGN_VULN_PREDICATE,
  CustodyError,
  type CustodyFailure,
  CYCLONEDX_PREDICATE,
  type Digest,
  type ImageCustody,
  ImageReference,
  OciLayout,
  parseTrustedRoot,
  RegistryClient,
  SLSA_PROVENANCE_V1,
  signAttestations,
  signImage,
  slsaProvenance,
  storeAttestations,
  verifyImageCustody,
} from '@chain/core';
import { MemoryLogger, runAction } from '@chain/core/testing';
import { FulcioSigner } from '@sigstore/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action } from '../actions/verify-image/src/action.ts';
import { repoRoot } from './helpers/actions.ts';
import { type OidcStandIn, RECORDED_RUN_ENV, startOidcStandIn } from './helpers/aws-server.ts';
import {
  BOB,
  GITHUB_ISSUER,
  keylessSignStep,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { realTools, runImageScan, vulnDbs } from './helpers/real-scanners.ts';
import { buildahLayout, exampleContext, writeBuildRecord } from './helpers/real-tools.ts';
import {
  copyLayoutToRegistry,
  type LocalRegistry,
  pushTinyImage,
  startRegistry,
} from './helpers/registry.ts';
import {
  LOOPBACK_ONLY,
  runBundle,
  runBundleAsync,
  spawnAndCollect,
  userErrorLine,
} from './helpers/runner.ts';

const { tools, skip } = realTools('syft', 'trivy');
const JOB_WORKFLOW = 'acme/hello/.github/workflows/publish.yml@refs/heads/main';
const IDENTITY = `https://github.com/${JOB_WORKFLOW}`;
const SHA = '0123456789abcdef0123456789abcdef01234567';
const OTHER_SHA = 'fedcba9876543210fedcba9876543210fedcba98';
const RUN = 'https://github.com/acme/hello/actions/runs/4242/attempts/1';

/** The job's OIDC claims, from which Fulcio writes the certificate's GitHub extensions. */
const CLAIMS = {
  sub: IDENTITY,
  repository: 'acme/hello',
  ref: 'refs/heads/main',
  sha: SHA,
  run_id: '4242',
  run_attempt: '1',
  job_workflow_ref: JOB_WORKFLOW,
  workflow_ref: JOB_WORKFLOW,
  event_name: 'push',
};

/** A keyless signer whose Fulcio certificate carries exactly these claims (the mock takes the token as is). */
function signerWith(sigstore: LocalSigstore, claims: Record<string, string>): FulcioSigner {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const token = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: GITHUB_ISSUER, aud: 'sigstore', iat: now, exp: now + 300, ...claims })}.c2ln`;
  return new FulcioSigner({
    fulcioBaseURL: sigstore.fulcioURL,
    identityProvider: { getToken: async () => token },
  });
}

function provenanceFor(env: NodeJS.ProcessEnv = RECORDED_RUN_ENV): unknown {
  // From the runner's variables (no token claims): GITHUB_WORKFLOW_REF is the workflow that signs here.
  return slsaProvenance(
    env,
    {},
    {
      schema: 'build-record/v1',
      digest: `sha256:${'0'.repeat(64)}`,
      builder: 'buildah',
      containerfile: { path: 'Containerfile', sha256: 'a'.repeat(64) },
      context: '.',
      platforms: ['linux/amd64'],
      buildArgs: {},
    },
  );
}

function vulnPredicate(passed: boolean): unknown {
  return {
    invocation: { parameters: {}, uri: RUN, event_id: '4242', 'builder.id': IDENTITY },
    scanner: {
      uri: 'pkg:github/aquasecurity/trivy@v0.74.0',
      version: '0.74.0',
      db: { uri: 'pkg:oci/trivy-db', version: '2@2026-11-28T00:00:00Z' },
      result: { SchemaVersion: 2, Results: [], passed, counts: passed ? {} : { CRITICAL: 1 }, platforms: [] },
    },
    metadata: { scanStartedOn: '2026-11-28T10:00:00Z', scanFinishedOn: '2026-11-28T10:00:05Z' },
  };
}

const BOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  components: [{ type: 'library', name: 'busybox' }],
};

type Part = { claims?: Record<string, string>; predicate?: unknown; about?: Digest };
interface Forgery {
  signature?: Record<string, string> | false;
  provenance?: Part | false;
  vuln?: Part | false;
  sbom?: Part | false;
}

describe.skipIf(skip)('verify-image', () => {
  let sigstore: LocalSigstore;
  let registry: LocalRegistry;
  let oidc: OidcStandIn;
  let dir: string;
  let rootFile: string;
  let digest: string;
  let client: RegistryClient;
  let seed = 0;

  beforeAll(async () => {
    vulnDbs();
    let layout: string;
    [sigstore, registry, oidc, layout] = await Promise.all([
      startLocalSigstore(),
      startRegistry(),
      startOidcStandIn(CLAIMS),
      buildahLayout(['linux/amd64', 'linux/arm64'], { context: exampleContext() }),
    ]);
    client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    digest = (await OciLayout.open(layout)).topLevel().digest;
    dir = mkdtempSync(join(tmpdir(), 'verify-image-'));
    rootFile = writeTrustedRoot(sigstore, dir);
    copyLayoutToRegistry(layout, `${registry.host}/acme/hello:sha-0123456`);
    const repo = ImageReference.parse(`${registry.host}/acme/hello`);
    const manifest = await client.getManifest(repo, digest);
    for (const tag of ['latest', 'stable'])
      await client.putManifest(repo, tag, manifest?.bytes ?? Buffer.alloc(0), manifest?.mediaType ?? '');
    const scan = await runImageScan(layout, digest, { trivy: tools.trivy });
    expect(scan.status, scan.stdout + scan.stderr).toBe(0);
    const buildRecord = writeBuildRecord(join(dir, 'build-record.json'), {
      digest,
      containerfile: { path: 'Containerfile', sha256: createHash('sha256').update('x').digest('hex') },
      platforms: ['linux/amd64', 'linux/arm64'],
    });
    const signed = await runBundleAsync(
      'cosign-sign',
      'main',
      keylessSignStep(sigstore, rootFile, oidc, {
        inputs: {
          image: `${registry.host}/acme/hello@${digest}`,
          'kyverno-policy': 'none',
          'syft-path': tools.syft,
          attestations: 'provenance,sbom,vuln',
          'build-record': buildRecord,
          'scan-report': scan.outputs.report ?? '',
          layout,
        },
        env: RECORDED_RUN_ENV,
      }),
    );
    expect(signed.status, signed.stdout + signed.stderr).toBe(0);
  }, 600_000);
  afterAll(async () => {
    await Promise.all([sigstore?.stop(), registry?.stop(), oidc?.stop()]);
  });

  const policy = () => ({ identity: IDENTITY, issuer: GITHUB_ISSUER });
  const verify = (ref: string, require?: ('provenance' | 'sbom' | 'vuln')[]) =>
    verifyImageCustody({
      client,
      reference: ImageReference.parse(ref),
      trustedRoot: parseTrustedRoot(sigstore.trustedRoot),
      policy: policy(),
      ...(require === undefined ? {} : { require }),
    });
  const codes = (failures: readonly CustodyFailure[]) => failures.map((f) => `${f.link}:${f.code}`).sort();

  /** A tiny image in its own repository, with the links the forgery asks for (each by default genuine). */
  async function forge(forgery: Forgery): Promise<string> {
    seed++;
    const repoName = `forged/case${seed}`;
    const repo = ImageReference.parse(`${registry.host}/${repoName}`);
    const image = await pushTinyImage(registry.host, repoName, `50${seed}0`);
    const subject = await client.headManifest(repo, image.toString());
    if (subject === undefined) throw new Error('no subject');
    const services = (claims: Record<string, string>) => ({
      signer: signerWith(sigstore, claims),
      rekorURL: sigstore.rekorURL,
      tsaURL: undefined,
    });
    if (forgery.signature !== false)
      await signImage({
        client,
        image: repo,
        digest: image,
        subject,
        ...services(forgery.signature ?? CLAIMS),
        classic: true,
        bundle: true,
      });
    const parts: [string, string, Part | false | undefined, unknown][] = [
      ['provenance', SLSA_PROVENANCE_V1, forgery.provenance, provenanceFor()],
      ['vuln', COSIGN_VULN_PREDICATE, forgery.vuln, vulnPredicate(true)],
      ['sbom', CYCLONEDX_PREDICATE, forgery.sbom, BOM],
    ];
    for (const [kind, predicateType, part, predicate] of parts) {
      if (part === false) continue;
      const signed = await signAttestations(services(part?.claims ?? CLAIMS), [
        {
          kind,
          predicateType,
          subjects: [{ name: repo.name, digest: part?.about ?? image }],
          predicate: part?.predicate ?? predicate,
        },
      ]);
      await storeAttestations({
        client,
        image: repo,
        digest: image,
        subject,
        signed,
        classic: true,
        bundle: true,
      });
    }
    return `${repo}@${image}`;
  }

  it('tells the whole chain of a digest cosign-sign attested, from its tag', async () => {
    const c = await verify(`${registry.host}/acme/hello:latest`);
    expect(c.failures).toEqual([]);
    expect(c.digest).toBe(digest);
    expect(c.tag).toBe('latest');
    expect(c.signature).toMatchObject({ identity: IDENTITY, issuer: GITHUB_ISSUER });
    expect(c.certificate).toMatchObject({
      sourceRepositoryURI: 'https://github.com/acme/hello',
      sourceRepositoryDigest: SHA,
      buildSignerURI: IDENTITY,
      runInvocationURI: RUN,
    });
    expect(c.source).toEqual({
      repository: 'https://github.com/acme/hello',
      commit: SHA,
      ref: 'refs/heads/main',
    });
    expect(c.provenance).toMatchObject({ repository: 'https://github.com/acme/hello', commit: SHA });
    expect(c.run).toBe(RUN);
    expect(c.builder).toBe(IDENTITY);
    expect(c.scan).toMatchObject({
      passed: true,
      scanner: expect.stringMatching(/^pkg:github\/aquasecurity\/trivy@/),
    });
    expect(c.scan?.db).toBeTruthy();
    expect(c.sbom.map((s) => s.platform).sort()).toEqual(['linux/amd64', 'linux/arm64']);
    for (const s of c.sbom) expect(s.components).toBeGreaterThan(0);
    // Human tags only: the immutable sha-* tag and cosign's sha256-* tags are not listed.
    expect(c.tags).toEqual({ tags: ['latest', 'stable'], checked: 2, candidates: 2, truncated: false });
    // Both storage formats of each attestation verified: provenance, vuln, two SBOMs.
    expect(c.attestations.filter((a) => a.kind === 'sbom')).toHaveLength(4);
  });

  it('the action: outputs and job summary in process (its seam), and as the bundle under the runner contract', async () => {
    const run = await runAction(action, {
      inputs: {
        image: `${registry.host}/acme/hello@${digest}`,
        'certificate-identity': IDENTITY,
        'certificate-oidc-issuer': GITHUB_ISSUER,
        'trusted-root': rootFile,
        'tls-verify': 'false',
      },
      workspace: dir,
      env: { HOME: mkdtempSync(join(tmpdir(), 'nohome-')) },
    });
    expect(run.error).toBeUndefined();
    expect(run.calls).toEqual([]);
    expect(run.output.digest).toBe(digest);
    const custody = JSON.parse(run.output.custody ?? '{}') as ImageCustody & { verified: boolean };
    expect(custody.verified).toBe(true);
    expect(custody.tag).toBeUndefined();
    expect(run.summaries[0]).toContain('Chain of custody verified');
    const r = runBundle('verify-image', 'main', {
      inputs: {
        image: `${registry.host}/acme/hello:stable`,
        'certificate-identity-regexp': '^https://github\\.com/acme/hello/.*$',
        'certificate-oidc-issuer': GITHUB_ISSUER,
        'trusted-root': rootFile,
        'tls-verify': 'false',
      },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.digest).toBe(digest);
    expect(r.summary).toContain('Chain of custody verified');
    expect(r.summary).toContain(SHA);
  });

  it('the command-line tool prints the table, or the JSON, and exits 0', async () => {
    const run = async (args: string[]) => {
      const r = await spawnAndCollect(
        process.execPath,
        [join(repoRoot, 'actions/verify-image/dist/cli.mjs'), ...args],
        { env: { PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'nohome-')), ...LOOPBACK_ONLY } },
      );
      return { code: r.code, out: r.stdout, err: r.stderr };
    };
    const base = [
      `${registry.host}/acme/hello:latest`,
      '--certificate-identity',
      IDENTITY,
      `--certificate-oidc-issuer=${GITHUB_ISSUER}`,
      '--trusted-root',
      rootFile,
      '--tls-verify',
      'false',
    ];
    const table = await run(base);
    expect(table.code, table.err).toBe(0);
    expect(table.out).toMatch(/^VERIFIED: chain of custody/);
    expect(table.out).toContain(`https://github.com/acme/hello @ ${SHA}`);
    expect(table.out).toMatch(/tags now\s+latest, stable/);
    const json = await run([...base, '--json']);
    expect(json.code, json.err).toBe(0);
    expect((JSON.parse(json.out) as { digest: string }).digest).toBe(digest);
    const wrong = await run([...base.slice(0, 2), BOB, ...base.slice(3)]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/^NOT VERIFIED/);
    expect(wrong.err).toMatch(/signature: no signature verifies against the policy/);
    const usage = await run(['--certificate-identity', IDENTITY]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('name the image');
  });

  it('a genuine forged-repository baseline verifies (the forgeries below differ in one link each)', async () => {
    const c = await verify(await forge({}));
    expect(c.failures).toEqual([]);
    expect(c.sbom).toEqual([expect.objectContaining({ components: 1 })]);
  });

  it('fails closed on each missing link, naming it', async () => {
    expect(codes((await verify(await forge({ signature: false }))).failures)).toEqual(['signature:MISSING']);
    expect(codes((await verify(await forge({ provenance: false }))).failures)).toEqual([
      'provenance:MISSING',
    ]);
    expect(codes((await verify(await forge({ vuln: false }))).failures)).toEqual(['vuln:MISSING']);
    const noSbom = await forge({ sbom: false });
    expect(codes((await verify(noSbom)).failures)).toEqual(['sbom:MISSING']);
    // Not required: a warning, not a failure.
    const relaxed = await verify(noSbom, ['provenance', 'vuln']);
    expect(relaxed.failures).toEqual([]);
    expect(relaxed.warnings.join()).toMatch(/sbom \(not required\)/);
  });

  it('fails closed on forged links: another signer, another commit, another digest, no GitHub claims', async () => {
    const bob = { ...CLAIMS, sub: BOB };
    expect(codes((await verify(await forge({ signature: bob }))).failures)).toEqual(['signature:UNVERIFIED']);
    expect(codes((await verify(await forge({ provenance: { claims: bob } }))).failures)).toEqual([
      'provenance:UNVERIFIED',
    ]);
    // Signed by the right workflow, but the provenance's commit is not the one its certificate names.
    const otherCommit = await forge({
      provenance: { predicate: provenanceFor({ ...RECORDED_RUN_ENV, GITHUB_SHA: OTHER_SHA }) },
    });
    const c = await verify(otherCommit);
    expect(codes(c.failures)).toEqual(['provenance:DISAGREES']);
    expect(c.failures[0]?.message).toContain(OTHER_SHA);
    const elsewhere = await pushTinyImage(registry.host, 'scratch/y', '2');
    expect(codes((await verify(await forge({ vuln: { about: elsewhere } }))).failures)).toEqual([
      'vuln:UNVERIFIED',
    ]);
    const noClaims = { sub: IDENTITY };
    const bare = await verify(await forge({ signature: noClaims }));
    expect(codes(bare.failures)).toEqual(['certificate:INCOMPLETE']);
    expect(
      codes((await verify(await forge({ vuln: { predicate: vulnPredicate(false) } }))).failures),
    ).toEqual(['vuln:SCAN_FAILED']);
  });

  it('refuses the right workflow identity signing for another repository: the reusable workflow is shared by every caller', async () => {
    // Another organisation calls the same reusable workflow: every link is signed by the same SAN, each
    // certificate naming its own repository, and its provenance is consistent with that.
    const evil = { ...CLAIMS, repository: 'evil/hello' };
    const evilEnv = { ...RECORDED_RUN_ENV, GITHUB_REPOSITORY: 'evil/hello' };
    const theirs = await forge({
      signature: evil,
      provenance: { claims: evil, predicate: provenanceFor(evilEnv) },
      vuln: { claims: evil },
      sbom: { claims: evil },
    });
    // Identity and issuer alone: it passes (the weakness).
    expect((await verify(theirs)).failures).toEqual([]);
    const bound = (ref: string) =>
      verifyImageCustody({
        client,
        reference: ImageReference.parse(ref),
        trustedRoot: parseTrustedRoot(sigstore.trustedRoot),
        policy: { ...policy(), sourceRepository: 'https://github.com/acme/hello' },
      });
    expect(codes((await bound(theirs)).failures)).toEqual([
      'provenance:UNVERIFIED',
      'sbom:UNVERIFIED',
      'signature:UNVERIFIED',
      'vuln:UNVERIFIED',
    ]);
    expect((await bound(await forge({}))).failures).toEqual([]);
    // The action, as the bundle under the runner contract, with the input.
    const inputs = {
      'certificate-identity': IDENTITY,
      'certificate-oidc-issuer': GITHUB_ISSUER,
      'certificate-source-repository': 'https://github.com/acme/hello',
      'trusted-root': rootFile,
      'tls-verify': 'false',
    };
    const refused = runBundle('verify-image', 'main', { inputs: { ...inputs, image: theirs } });
    expect(refused.status).toBe(1);
    expect(userErrorLine(refused)).toContain(
      "the signing certificate's source repository is https://github.com/evil/hello, not https://github.com/acme/hello",
    );
    const accepted = runBundle('verify-image', 'main', {
      inputs: { ...inputs, image: `${registry.host}/acme/hello:latest` },
    });
    expect(accepted.status, accepted.stdout).toBe(0);
  });

  it('the action in process: a missing or forged link is CUSTODY_BROKEN with each failure coded, outputs and summary set', async () => {
    const step = (image: string) =>
      runAction(action, {
        inputs: {
          image,
          'certificate-identity': IDENTITY,
          'certificate-oidc-issuer': GITHUB_ISSUER,
          'certificate-source-repository': 'https://github.com/acme/hello',
          'trusted-root': rootFile,
          'tls-verify': 'false',
        },
        workspace: dir,
        env: { HOME: mkdtempSync(join(tmpdir(), 'nohome-')) },
      });
    const failed = (r: Awaited<ReturnType<typeof step>>) =>
      codes((r.error as InstanceType<typeof CustodyError>).failures);
    const missing = await step(await forge({ provenance: false }));
    expect(missing.code).toBe('CUSTODY_BROKEN');
    expect(missing.error).toBeInstanceOf(CustodyError);
    expect(failed(missing)).toEqual(['provenance:MISSING']);
    expect((JSON.parse(missing.output.custody ?? '{}') as { verified: boolean }).verified).toBe(false);
    expect(missing.output.digest).toMatch(/^sha256:/);
    expect(missing.summaries[0]).toContain('Chain of custody NOT verified');
    const forged = await step(await forge({ signature: { ...CLAIMS, sub: BOB }, vuln: false }));
    expect(forged.code).toBe('CUSTODY_BROKEN');
    expect(failed(forged)).toEqual(['signature:UNVERIFIED', 'vuln:MISSING']);
    const genuine = await step(await forge({}));
    expect(genuine.error).toBeUndefined();
    expect(genuine.logger.messages('info').join('\n')).toContain('chain of custody verified');
    // A tag the registry does not have: the core's IMAGE_NOT_FOUND, named by the action as its image input.
    const absent = await step(`${registry.host}/acme/hello:no-such-tag`);
    expect(absent.code).toBe('IMAGE_NOT_FOUND');
    expect(absent.error).toMatchObject({ input: 'image', actual: `${registry.host}/acme/hello:no-such-tag` });
    expect(absent.output).toEqual({});
  });

  it('the action fails naming the link, with its outputs set', () => {
    const r = runBundle('verify-image', 'main', {
      inputs: {
        image: `${registry.host}/acme/hello:latest`,
        'certificate-identity': BOB,
        'certificate-oidc-issuer': GITHUB_ISSUER,
        'trusted-root': rootFile,
        'tls-verify': 'false',
      },
    });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(/signature: no signature verifies against the policy/);
    expect(userErrorLine(r)).toMatch(/provenance: no SLSA provenance v1 attestation verifies/);
    expect(r.outputs.digest).toBe(digest);
    expect((JSON.parse(r.outputs.custody ?? '{}') as { verified: boolean }).verified).toBe(false);
  });
});
