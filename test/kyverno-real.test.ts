// cosign-sign's admission policy applied by the real Kyverno CLI (v1.19, built by scripts/tools.ts) to Pods
// that run images from the real registry, signed against the local Sigstore: the policy embeds that
// Sigstore's keys (from the trusted root), so Kyverno needs neither TUF nor the public-good instance.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Digest } from '@chain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { type OidcStandIn, startOidcStandIn } from './helpers/aws-server.ts';
import { kyvernoApply, validClusterPolicy, validImageValidatingPolicy } from './helpers/kyverno.ts';
import {
  ALICE,
  BOB,
  keylessSignStep,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { devTool } from './helpers/real-scanners.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';
import { runBundleAsync, userErrorLine } from './helpers/runner.ts';

const kyverno = devTool('kyverno');
const KEY = join(import.meta.dirname, 'fixtures', 'sigstore', 'cosign-keys', 'conforma-empty-password.key');

describe.skipIf(kyverno.skip)('the Kyverno CLI applies cosign-sign’s policy', () => {
  let sigstore: LocalSigstore;
  let registry: LocalRegistry;
  let alice: OidcStandIn;
  let bob: OidcStandIn;
  let dir: string;
  let rootFile: string;
  beforeAll(async () => {
    [sigstore, registry, alice, bob] = await Promise.all([
      startLocalSigstore(),
      startRegistry(),
      startOidcStandIn({ sub: ALICE }),
      startOidcStandIn({ sub: BOB }),
    ]);
    dir = mkdtempSync(join(tmpdir(), 'kyverno-'));
    rootFile = writeTrustedRoot(sigstore, dir);
  });
  afterAll(async () => {
    await Promise.all([sigstore?.stop(), registry?.stop(), alice?.stop(), bob?.stop()]);
  });

  async function sign(repo: string, seed: string, inputs: Record<string, string>, oidc: OidcStandIn | null) {
    const digest = await pushTinyImage(registry.host, repo, seed);
    const r = await runBundleAsync(
      'cosign-sign',
      'main',
      keylessSignStep(sigstore, rootFile, oidc, {
        inputs: { image: `${registry.host}/${repo}@${digest}`, ...inputs },
      }),
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    return { digest, policy: r.outputs['kyverno-policy'] ?? '' };
  }

  /**
   * `kyverno apply` of the policy to a Pod running this image; exit code and the pass/fail line. Only
   * loopback: the registry; any other request (Kyverno's TUF fetch) goes to a closed port.
   */
  const apply = (policy: string, image: string) =>
    kyvernoApply(kyverno.path ?? 'kyverno', policy, [image], dir);
  const at = (repo: string, digest: Digest) => `${registry.host}/${repo}@${digest}`;

  it('keyless, classic: admits the signed image, refuses an unsigned one and one signed by someone else', async () => {
    const { digest, policy } = await sign('k/keyless', '1010101', { format: 'classic' }, alice);
    const text = readFileSync(policy, 'utf8');
    expect(text).toContain('type: Cosign');
    expect(text).toContain('-----BEGIN CERTIFICATE-----'); // the local Fulcio's root, not TUF's
    const admitted = await apply(policy, at('k/keyless', digest));
    expect(admitted.code, admitted.out).toBe(0);
    expect(admitted.out).toMatch(/pass: \d+, fail: 0/);

    const unsigned = await pushTinyImage(registry.host, 'k/keyless', '2020202');
    const refused = await apply(policy, at('k/keyless', unsigned));
    expect(refused.code).not.toBe(0);
    expect(refused.out).toContain('no signatures found');

    const byBob = await sign('k/keyless', '3030303', { format: 'classic' }, bob);
    const wrongSigner = await apply(policy, at('k/keyless', byBob.digest));
    expect(wrongSigner.code).not.toBe(0);
    expect(wrongSigner.out).toMatch(/fail: [1-9]/);
  });

  it('keyless, classic: the same workflow identity signing for another repository is refused (additionalExtensions)', async () => {
    // alice's token names acme/hello (the stand-in's repository claim); another organisation calling the same
    // reusable workflow gets a certificate with the same SAN and its own repository.
    const elsewhere = await startOidcStandIn({ sub: ALICE, repository: 'evil/hello' });
    try {
      const { digest, policy } = await sign('k/bound', '1212121', { format: 'classic' }, alice);
      expect(readFileSync(policy, 'utf8')).toMatch(
        /additionalExtensions:\s+githubWorkflowRepository: acme\/hello/,
      );
      const admitted = await apply(policy, at('k/bound', digest));
      expect(admitted.code, admitted.out).toBe(0);
      const theirs = await sign('k/bound', '1313131', { format: 'classic' }, elsewhere);
      const refused = await apply(policy, at('k/bound', theirs.digest));
      expect(refused.code).not.toBe(0);
      expect(refused.out).toMatch(
        /extension mismatch: expected acme\/hello for key githubWorkflowRepository, received evil\/hello/,
      );
    } finally {
      await elsewhere.stop();
    }
  });

  it('with a key: admits the signed image and refuses an unsigned one', async () => {
    const { digest, policy } = await sign(
      'k/keyed',
      '4040404',
      { format: 'classic', key: KEY, 'key-password': '' },
      null,
    );
    const admitted = await apply(policy, at('k/keyed', digest));
    expect(admitted.code, admitted.out).toBe(0);
    const unsigned = await pushTinyImage(registry.host, 'k/keyed', '5050505');
    expect((await apply(policy, at('k/keyed', unsigned))).code).not.toBe(0);
  });

  it('kyverno-policy-kind both: two documents valid against their CRDs; a policy requiring attestations not written is refused', async () => {
    const { policy } = await sign(
      'k/both',
      '4141414',
      {
        format: 'classic',
        key: KEY,
        'key-password': '',
        'kyverno-policy-kind': 'both',
        'policy-registries': registry.host,
      },
      null,
    );
    const docs = parseAllDocuments(readFileSync(policy, 'utf8')).map((d) => d.toJSON() as { kind: string });
    expect(docs.map((d) => d.kind)).toEqual(['ClusterPolicy', 'ImageValidatingPolicy']);
    expect(validClusterPolicy(docs[0])).toBe(true);
    expect(validImageValidatingPolicy(docs[1])).toBe(true);
    // Such a policy would refuse every image this step signs (test/attestation-gates-real.test.ts shows
    // Kyverno refusing an image without the attestations): cosign-sign refuses to write it, signing nothing.
    const digest = await pushTinyImage(registry.host, 'k/both', '4242424');
    const r = await runBundleAsync('cosign-sign', 'main', {
      inputs: {
        image: `${registry.host}/k/both@${digest}`,
        key: KEY,
        'key-password': '',
        'trusted-root': rootFile,
        'rekor-url': sigstore.rekorURL,
        'tls-verify': 'false',
        'policy-attestations': 'provenance,vuln',
      },
    });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(
      /Input "policy-attestations": .*require provenance, vuln, which this step does not attest/,
    );
  });

  it('SigstoreBundle: Kyverno 1.19 takes the trusted root from public TUF only, so offline it refuses (fails closed)', async () => {
    const { digest, policy } = await sign('k/bundle', '6060606', { format: 'bundle' }, alice);
    expect(readFileSync(policy, 'utf8')).toContain('type: SigstoreBundle');
    const r = await apply(policy, at('k/bundle', digest));
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('failed to get trusted material');
  });
});
