import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, Digest, ImageReference } from '@chain/core';
import { testDeps } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { thrownAs } from '../../../test/helpers/errors.ts';
import { action } from './action.ts';
import {
  kyvernoSourceWarning,
  policyKind,
  policyKinds,
  policyRequirements,
  publicLogWarning,
  resolveTarget,
  vulnRunFacts,
} from './plan.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const IMAGE = `ghcr.io/acme/app@${DIGEST}`;
const dir = mkdtempSync(join(tmpdir(), 'cosign-sign-plan-'));
const file = (name: string) => {
  const path = join(dir, name);
  writeFileSync(path, '{}');
  return path;
};
const buildRecord = file('build-record.json');
const scanReport = file('report.json');

/** The plan for these inputs (read as the runner gives them), or the error it throws. */
function planOf(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return action.planFor(testDeps({ inputs: { image: IMAGE, ...inputs }, env, workspace: dir }));
}

const refusal = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  thrownAs(ConfigurationError, () => planOf(inputs, env));

describe('cosign-sign plan: the signer', () => {
  it.each([
    [{}, { kind: 'keyless', fulcioURL: 'https://fulcio.sigstore.dev', passwordIgnored: false }],
    [{ 'fulcio-url': 'https://fulcio.example' }, { kind: 'keyless', fulcioURL: 'https://fulcio.example' }],
    [{ 'key-password': 'pw' }, { kind: 'keyless', passwordIgnored: true }],
    [{ key: 'cosign.key' }, { kind: 'key', key: 'cosign.key', password: undefined }],
    [
      { key: 'cosign.key', 'key-password': ' pw ' },
      { kind: 'key', key: 'cosign.key', password: ' pw ' },
    ],
  ])('%j signs %j', (inputs, signer) => {
    expect(planOf(inputs).signer).toMatchObject(signer);
  });

  it('binds to the digest, given in the reference or by the digest input', () => {
    const byRef = planOf({});
    expect([byRef.repository.toString(), byRef.digest.toString()]).toEqual(['ghcr.io/acme/app', DIGEST]);
    const byInput = planOf({ image: 'ghcr.io/acme/app', digest: DIGEST });
    expect([byInput.repository.toString(), byInput.digest.toString()]).toEqual(['ghcr.io/acme/app', DIGEST]);
  });
});

describe('cosign-sign plan: refusals name the input', () => {
  it.each([
    [{ image: 'ghcr.io/acme/app:latest' }, {}, 'image'],
    [{ image: 'ghcr.io/acme/app:v1', digest: DIGEST }, {}, 'image'],
    [{ digest: `sha256:${'b'.repeat(64)}` }, {}, 'digest'],
    [{ format: 'bundle', 'kyverno-policy': 'Cosign' }, {}, 'kyverno-policy'],
    [
      { 'kyverno-policy-kind': 'ImageValidatingPolicy', 'kyverno-policy': 'SigstoreBundle' },
      {},
      'kyverno-policy',
    ],
    // Attestations requested without what they are made from.
    [{ attestations: 'provenance' }, {}, 'build-record'],
    [{ attestations: 'vuln' }, {}, 'scan-report'],
    [{ attestations: 'sbom' }, {}, 'sbom-dir'],
    [{ attestations: 'sbom', 'sbom-dir': dir, layout: dir }, {}, 'layout'],
    // A policy requiring what this step does not attest.
    [{ 'policy-attestations': 'vuln' }, {}, 'policy-attestations'],
    [{ 'policy-vuln-severities': 'SEVERE' }, {}, 'policy-vuln-severities'],
    [{ 'policy-registries': 'ghcr.io/*' }, {}, 'policy-registries'],
    // GitHub's attestations API: a provenance to store, a token and the repository.
    [{ 'github-attestations': 'true' }, {}, 'github-attestations'],
    [
      { 'github-attestations': 'true', attestations: 'provenance', 'build-record': buildRecord },
      { GITHUB_REPOSITORY: 'acme/app' },
      'github-token',
    ],
    [
      {
        'github-attestations': 'true',
        attestations: 'provenance',
        'build-record': buildRecord,
        'github-token': 'ghs_x',
      },
      {},
      'github-attestations',
    ],
  ])('%j %j → %s', (inputs, env, input) => {
    expect(refusal(inputs, env).input).toBe(input);
  });

  it('a digest given twice, differently: both digests in the error', () => {
    const error = refusal({ digest: `sha256:${'b'.repeat(64)}` });
    expect([error.code, error.expected, error.actual]).toEqual([
      'INPUT_INVALID',
      DIGEST,
      `sha256:${'b'.repeat(64)}`,
    ]);
  });
});

describe('cosign-sign plan: attestations, GitHub and the admission policy', () => {
  it('attests each kind from its source; sbom from a layout alone', () => {
    const p = planOf({
      attestations: 'provenance, vuln, sbom, vuln',
      'build-record': buildRecord,
      'scan-report': scanReport,
      layout: dir,
      'allow-privileged-event-provenance': 'true',
    });
    expect(p.attestations).toMatchObject({
      kinds: ['provenance', 'vuln', 'sbom'],
      buildRecord,
      scanReport,
      layout: dir,
      sbomDir: undefined,
      allowPrivilegedEvent: true,
    });
  });

  it('stores the provenance on GitHub with the token, for the runner repository', () => {
    const p = planOf(
      {
        'github-attestations': 'true',
        attestations: 'provenance',
        'build-record': buildRecord,
        'github-token': 'ghs_x',
      },
      { GITHUB_REPOSITORY: 'acme/app' },
    );
    expect(p.github).toEqual({ apiUrl: 'https://api.github.com', repository: 'acme/app', token: 'ghs_x' });
    expect(planOf({}).github).toBeUndefined();
  });

  it.each([
    [{}, { kind: 'Cosign', kinds: ['ClusterPolicy'] }],
    [{ format: 'bundle' }, { kind: 'SigstoreBundle', kinds: ['ClusterPolicy'] }],
    [
      { 'kyverno-policy-kind': 'both' },
      { kind: 'Cosign', kinds: ['ClusterPolicy', 'ImageValidatingPolicy'] },
    ],
    [{ 'kyverno-policy': 'none' }, undefined],
  ])('kyverno %j → %j', (inputs, kyverno) => {
    const p = planOf(inputs);
    if (kyverno === undefined) expect(p.kyverno).toBeUndefined();
    else expect(p.kyverno).toMatchObject(kyverno);
  });

  it('the policy requires what is attested, from the runner repository', () => {
    const p = planOf(
      {
        attestations: 'provenance',
        'build-record': buildRecord,
        'policy-attestations': 'provenance',
        'policy-registries': 'ghcr.io/acme',
      },
      { GITHUB_REPOSITORY: 'acme/app' },
    );
    expect(p.kyverno?.attestations).toEqual({
      required: ['provenance'],
      sourceRepository: 'https://github.com/acme/app',
      denySeverities: ['CRITICAL', 'HIGH'],
    });
    expect(p.kyverno?.registries).toEqual(['ghcr.io/acme']);
  });
});

describe('cosign-sign plan: pure helpers', () => {
  it('warns when a private or internal repository signs against the public Rekor only', () => {
    const rekor = 'https://rekor.sigstore.dev';
    expect(publicLogWarning({ private: true, full_name: 'acme/secret' }, {}, rekor)).toMatch(
      /^acme\/secret is not public, but this signature is recorded in the public Rekor log/,
    );
    expect(publicLogWarning({ private: false, visibility: 'internal' }, {}, rekor)).toBeDefined();
    expect(publicLogWarning({ private: false, visibility: 'public' }, {}, rekor)).toBeUndefined();
    expect(publicLogWarning({ private: true }, {}, 'https://rekor.internal.example')).toBeUndefined();
    expect(publicLogWarning(undefined, {}, rekor)).toBeUndefined();
    expect(publicLogWarning({ private: true }, { GITHUB_REPOSITORY: 'acme/x' }, rekor)).toMatch(/^acme\/x /);
  });

  it('chooses the Kyverno kind from the formats', () => {
    expect(policyKind('auto', 'both')).toBe('Cosign');
    expect(policyKind('auto', 'bundle')).toBe('SigstoreBundle');
    expect(policyKind('SigstoreBundle', 'both')).toBe('SigstoreBundle');
    expect(policyKind('none', 'both')).toBeUndefined();
    expect(() => policyKind('SigstoreBundle', 'classic')).toThrow(/cannot admit classic-only/);
  });

  it('binds to a digest given either way', () => {
    const d = Digest.parse(DIGEST);
    const byRef = resolveTarget(ImageReference.parse(`ghcr.io/acme/app@${d}`), undefined);
    const byInput = resolveTarget(ImageReference.parse('ghcr.io/acme/app'), d);
    expect(byRef.repository.toString()).toBe('ghcr.io/acme/app');
    expect(byInput.digest.toString()).toBe(d.toString());
  });

  it('the vuln invocation: keyless from the token, with a key from the runner', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: '7',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/w.yml@refs/heads/main',
    };
    expect(vulnRunFacts(env, {})).toEqual({
      runURL: 'https://github.com/acme/app/actions/runs/7/attempts/2',
      runId: '7',
      builderId: 'https://github.com/acme/app/.github/workflows/w.yml@refs/heads/main',
    });
    expect(vulnRunFacts({}, {}).builderId).toBe('');
  });
});

describe('policyKinds and policyRequirements', () => {
  it('chooses the kinds; a ClusterPolicy signature type with an ImageValidatingPolicy alone is refused', () => {
    expect(policyKinds('ClusterPolicy', 'auto')).toEqual(['ClusterPolicy']);
    expect(policyKinds('both', 'Cosign')).toEqual(['ClusterPolicy', 'ImageValidatingPolicy']);
    expect(policyKinds('ImageValidatingPolicy', 'auto')).toEqual(['ImageValidatingPolicy']);
    expect(() => policyKinds('ImageValidatingPolicy', 'SigstoreBundle')).toThrow(/Input "kyverno-policy"/);
  });

  const base = {
    attestations: ['provenance', 'vuln'] as const,
    written: ['provenance', 'sbom', 'vuln'] as const,
    severities: ['critical'],
    registries: [],
  };
  it('refuses a policy requiring an attestation this step does not write, naming the input', () => {
    const refuse = () => policyRequirements({ ...base, written: ['provenance'], env: {} });
    expect(refuse).toThrow(ConfigurationError);
    expect(refuse).toThrow(
      /^Input "policy-attestations": .*require vuln, which this step does not attest; add it to "attestations" \(with scan-report\)/,
    );
    expect(
      policyRequirements({ ...base, written: ['vuln', 'provenance'], env: {} }).attestations.required,
    ).toEqual(['provenance', 'vuln']);
  });

  it('takes the source repository from the runner and normalises severities', () => {
    const r = policyRequirements({
      ...base,
      env: { GITHUB_SERVER_URL: 'https://github.example.com', GITHUB_REPOSITORY: 'acme/app' },
    });
    expect(r.attestations).toEqual({
      required: ['provenance', 'vuln'],
      sourceRepository: 'https://github.example.com/acme/app',
      denySeverities: ['CRITICAL'],
    });
    expect(policyRequirements({ ...base, env: {} }).attestations.sourceRepository).toBeUndefined();
  });

  it('names the input of a bad severity or registry prefix', () => {
    expect(() => policyRequirements({ ...base, severities: ['SEVERE'], env: {} })).toThrow(
      /Input "policy-vuln-severities"/,
    );
    expect(() => policyRequirements({ ...base, registries: ['ghcr.io/*'], env: {} })).toThrow(
      /Input "policy-registries"/,
    );
  });
});

describe('the source repository in Kyverno policies', () => {
  const repo = 'https://github.com/acme/app';
  it('warns where Kyverno 1.19 does not enforce additionalExtensions (SigstoreBundle, ImageValidatingPolicy)', () => {
    expect(kyvernoSourceWarning('Cosign', ['ClusterPolicy'], repo)).toBeUndefined();
    expect(kyvernoSourceWarning('SigstoreBundle', ['ClusterPolicy'], repo)).toMatch(
      /requires the source repository https:\/\/github.com\/acme\/app .* in the SigstoreBundle ClusterPolicy Kyverno 1.19 does not enforce it/,
    );
    expect(kyvernoSourceWarning('Cosign', ['ClusterPolicy', 'ImageValidatingPolicy'], repo)).toMatch(
      /in the ImageValidatingPolicy Kyverno 1.19/,
    );
    expect(kyvernoSourceWarning('Cosign', ['ImageValidatingPolicy'], undefined)).toBeUndefined();
    expect(kyvernoSourceWarning(undefined, ['ImageValidatingPolicy'], repo)).toBeUndefined();
  });
});
