// cosign-sign's admission policies with required attestations, applied by the real Kyverno CLI (v1.19, built by
// scripts/tools.ts) to Pods whose images are in the real registry, signed and attested by the real cosign
// (key-based, classic `.sig`/`.att`, logged in the local Rekor): the policies embed that Sigstore's keys.
// Both kinds: the ClusterPolicy verifies offline; the ImageValidatingPolicy's cosign verifier initialises TUF
// for anything it checks against a transparency log, so offline it refuses (measured below, fails closed).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AttestationRequirements,
  ImageReference,
  imageValidatingPolicy,
  type KyvernoPolicyOptions,
  kyvernoPoliciesYaml,
  kyvernoTrust,
} from '@chain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kyvernoApply } from './helpers/kyverno.ts';
import { type LocalSigstore, startLocalSigstore } from './helpers/local-sigstore.ts';
import { devTool, realTools, runTool } from './helpers/real-scanners.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';
import { LOOPBACK_ONLY } from './helpers/runner.ts';

const kyverno = devTool('kyverno');
const { tools, skip } = realTools('cosign');
const KEY = join(import.meta.dirname, 'fixtures', 'sigstore', 'cosign-keys', 'conforma-empty-password.key');
const BUILDER = 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main';
const SOURCE = 'https://github.com/acme/app';

const provenance = (builder: string) => ({
  buildDefinition: {
    buildType: 'https://actions.github.io/buildtypes/workflow/v1',
    externalParameters: {
      workflow: { ref: 'refs/heads/main', repository: SOURCE, path: '.github/workflows/publish.yml' },
    },
    internalParameters: { github: { event_name: 'push' } },
    resolvedDependencies: [{ uri: `git+${SOURCE}@refs/heads/main`, digest: { gitCommit: 'a'.repeat(40) } }],
  },
  runDetails: {
    builder: { id: builder },
    metadata: { invocationId: `${SOURCE}/actions/runs/1/attempts/1` },
  },
});
const SBOM = { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [] };
const vuln = (severities: string[]) => ({
  invocation: { parameters: null, uri: '', event_id: '', 'builder.id': '' },
  scanner: {
    uri: 'pkg:github/aquasecurity/trivy@v0.74.0',
    version: '0.74.0',
    db: { uri: '', version: '2' },
    result: {
      SchemaVersion: 2,
      Results: [
        {
          Target: 'app',
          Vulnerabilities: severities.map((s, i) => ({ VulnerabilityID: `CVE-2026-${i}`, Severity: s })),
        },
      ],
    },
  },
  metadata: { scanStartedOn: '2026-11-29T00:00:00Z', scanFinishedOn: '2026-11-29T00:01:00Z' },
});

describe.skipIf(kyverno.skip ?? skip)(
  'the Kyverno CLI applies the policies with required attestations',
  () => {
    let sigstore: LocalSigstore;
    let registry: LocalRegistry;
    let dir: string;
    let options: KyvernoPolicyOptions;
    const repo = 'att/app';
    const digests: Record<string, string> = {};
    const cosign = (args: string[]) =>
      runTool(
        tools.cosign,
        args,
        { PATH: process.env.PATH, HOME: dir, COSIGN_PASSWORD: '', ...LOOPBACK_ONLY },
        120_000,
      );
    const classic = () => ['--yes', '--allow-http-registry', '--key', KEY, '--new-bundle-format=false'];
    const tlog = () => ['--use-signing-config=false', '--rekor-url', sigstore.rekorURL];

    async function attest(digest: string, type: string, predicate: unknown): Promise<void> {
      const file = join(dir, `${type}-${digest.slice(7, 19)}.json`);
      writeFileSync(file, JSON.stringify(predicate));
      const r = await cosign([
        'attest',
        ...classic(),
        ...tlog(),
        '--type',
        type,
        '--predicate',
        file,
        `${registry.host}/${repo}@${digest}`,
      ]);
      expect(r.code, r.out).toBe(0);
    }

    /** An image, signed unless told not to, with these attestations. */
    async function image(seed: string, signed: boolean, predicates: [string, unknown][]): Promise<string> {
      const digest = (await pushTinyImage(registry.host, repo, seed)).toString();
      if (signed) {
        const r = await cosign(['sign', ...classic(), ...tlog(), `${registry.host}/${repo}@${digest}`]);
        expect(r.code, r.out).toBe(0);
      }
      for (const [type, predicate] of predicates) await attest(digest, type, predicate);
      return digest;
    }

    beforeAll(async () => {
      [sigstore, registry] = await Promise.all([startLocalSigstore(), startRegistry()]);
      dir = mkdtempSync(join(tmpdir(), 'kyverno-att-'));
      const pub = join(dir, 'cosign.pub');
      expect((await cosign(['public-key', '--key', KEY, '--outfile', pub])).code).toBe(0);
      const complete: [string, unknown][] = [
        ['slsaprovenance1', provenance(BUILDER)],
        ['cyclonedx', SBOM],
        ['vuln', vuln(['LOW', 'MEDIUM'])],
      ];
      digests.attested = await image('7070701', true, complete);
      digests.signedOnly = await image('7070702', true, []);
      digests.unsigned = await image('7070703', false, []);
      digests.critical = await image('7070704', true, [
        ...complete.slice(0, 2),
        ['vuln', vuln(['CRITICAL'])],
      ]);
      digests.otherBuilder = await image('7070705', true, [
        [
          'slsaprovenance1',
          provenance('https://github.com/evil/fork/.github/workflows/x.yml@refs/heads/main'),
        ],
        ...complete.slice(1),
      ]);
      const attestations: AttestationRequirements = {
        required: ['provenance', 'sbom', 'vuln'],
        builderId: BUILDER,
        sourceRepository: SOURCE,
        denySeverities: ['CRITICAL', 'HIGH'],
      };
      options = {
        image: ImageReference.parse(`${registry.host}/${repo}`),
        kind: 'Cosign',
        publicKey: readFileSync(pub, 'utf8'),
        rekorUrl: sigstore.rekorURL,
        trust: kyvernoTrust(sigstore.trustedRoot, sigstore.rekorURL),
        attestations,
        registries: [registry.host],
      };
    }, 240_000);
    afterAll(async () => {
      await Promise.all([sigstore?.stop(), registry?.stop()]);
    });

    /** `kyverno apply` of a policy file to a Pod running these images (loopback only: no TUF, no internet). */
    function apply(policy: string, images: string[], verbosity?: string) {
      const file = join(mkdtempSync(join(dir, 'policy-')), 'policy.yaml');
      writeFileSync(file, policy);
      return kyvernoApply(kyverno.path ?? 'kyverno', file, images, dir, verbosity ? ['-v', verbosity] : []);
    }
    const at = (name: string) => `${registry.host}/${repo}@${digests[name]}`;

    it('ClusterPolicy: admits the signed and attested image; refuses missing attestations, findings, a foreign builder', async () => {
      const policy = kyvernoPoliciesYaml(options, ['ClusterPolicy']);
      const admitted = await apply(policy, [at('attested')]);
      expect(admitted.code, admitted.out).toBe(0);
      expect(admitted.out).toMatch(/pass: [1-9]\d*, fail: 0/);

      const refusals: [string, RegExp][] = [
        ['unsigned', /no signatures found/],
        ['signedOnly', /no matching attestations|attestation/i],
        ['critical', /findings of severity CRITICAL or HIGH/],
        ['otherBuilder', /builder is not/],
      ];
      for (const [name, reason] of refusals) {
        const refused = await apply(policy, [at(name)]);
        expect(refused.code, `${name}: ${refused.out}`).not.toBe(0);
        expect(refused.out, name).toMatch(/fail: [1-9]/);
        expect(refused.out, name).toMatch(reason);
      }
    });

    it('ClusterPolicy: the registry-origin rule refuses a Pod with an image from another registry', async () => {
      const policy = kyvernoPoliciesYaml(options, ['ClusterPolicy']);
      const refused = await apply(policy, [at('attested'), 'docker.io/library/busybox:1.37']);
      expect(refused.code, refused.out).not.toBe(0);
      expect(refused.out).toContain('allowed-registries');
      expect(refused.out).toContain(`images must come from ${registry.host}/`);
    });

    it('ImageValidatingPolicy as written (log checked): Kyverno 1.19 initialises TUF first, so offline it refuses even the attested image', async () => {
      const policy = kyvernoPoliciesYaml(options, ['ImageValidatingPolicy']);
      const r = await apply(policy, [at('attested')], '6');
      expect(r.code, r.out).not.toBe(0);
      expect(r.out).toContain('is not signed by the expected signer');
      expect(r.out).toContain('failed to initialize TUF client'); // ivpol/cosign/opts.go initTUFAndFetch
    });

    /** The policy with the log check waived: Kyverno skips TUF only for a key attestor with insecureIgnoreTlog. */
    function waived(requirements: AttestationRequirements): string {
      const doc = imageValidatingPolicy({ ...options, attestations: requirements }) as {
        spec: { attestors: { cosign: Record<string, unknown> }[] };
      };
      const attestor = doc.spec.attestors[0]?.cosign ?? {};
      attestor.ctlog = { insecureIgnoreTlog: true };
      delete attestor.trustedRoot;
      return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
    }

    it('ImageValidatingPolicy, log check waived for this offline run only: signature and registry rule admit and refuse', async () => {
      // cosign-sign writes the policy with the log check; this copy waives it so the real verifier runs here.
      const policy = waived({ required: [] });
      const admitted = await apply(policy, [at('attested')]);
      expect(admitted.code, admitted.out).toBe(0);
      expect(admitted.out).toMatch(/pass: 1, fail: 0/);
      const unsigned = await apply(policy, [at('unsigned')]);
      expect(unsigned.code, unsigned.out).not.toBe(0);
      expect(unsigned.out).toContain('is not signed by the expected signer');
      const foreign = await apply(policy, [at('attested'), 'docker.io/library/busybox:1.37']);
      expect(foreign.code, foreign.out).not.toBe(0);
      expect(foreign.out).toContain(`images must come from ${registry.host}/`);
    });

    it('ImageValidatingPolicy with attestations, log check waived: Kyverno 1.19 refuses every attestation without a log entry (fails closed)', async () => {
      // VerifyAttestationSignature (ivpol/cosign/verifier.go) fails when cosign reports the bundle unverified, which
      // it always does with insecureIgnoreTlog (VerifyImageSignature tolerates it). So offline no IVP attestation can
      // verify; the run still proves the policy compiles (all CEL) and is evaluated up to the first attestation.
      const policy = waived(options.attestations ?? { required: [] });
      const r = await apply(policy, [at('attested')], '6');
      expect(r.code, r.out).not.toBe(0);
      expect(r.out).toContain('has no provenance attestation (https://slsa.dev/provenance/v1)');
      expect(r.out).toContain('cosign bundle verification failed');
    });
  },
);
