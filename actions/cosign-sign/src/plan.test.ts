import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, Digest, ImageReference } from '@chain/core';
import { describe, expect, it } from 'vitest';
import {
  kyvernoSourceWarning,
  policyKind,
  policyKinds,
  policyRequirements,
  publicLogWarning,
  resolveTarget,
} from './plan.ts';

const event = (repository: object) => {
  const path = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(path, JSON.stringify({ repository }));
  return { GITHUB_EVENT_PATH: path };
};

describe('cosign-sign plan', () => {
  it('warns when a private or internal repository signs against the public Rekor only', () => {
    const rekor = 'https://rekor.sigstore.dev';
    expect(publicLogWarning(event({ private: true, full_name: 'acme/secret' }), rekor)).toMatch(
      /^acme\/secret is not public, but this signature is recorded in the public Rekor log/,
    );
    expect(publicLogWarning(event({ private: false, visibility: 'internal' }), rekor)).toBeDefined();
    expect(publicLogWarning(event({ private: false, visibility: 'public' }), rekor)).toBeUndefined();
    expect(publicLogWarning(event({ private: true }), 'https://rekor.internal.example')).toBeUndefined();
    expect(publicLogWarning({}, rekor)).toBeUndefined();
  });

  it('chooses the Kyverno kind from the formats', () => {
    expect(policyKind('auto', 'both')).toBe('Cosign');
    expect(policyKind('auto', 'bundle')).toBe('SigstoreBundle');
    expect(policyKind('SigstoreBundle', 'both')).toBe('SigstoreBundle');
    expect(policyKind('none', 'both')).toBeUndefined();
    expect(() => policyKind('SigstoreBundle', 'classic')).toThrow(/cannot admit classic-only/);
  });

  it('binds to a digest given either way', () => {
    const d = Digest.parse(`sha256:${'a'.repeat(64)}`);
    const byRef = resolveTarget(ImageReference.parse(`ghcr.io/acme/app@${d}`), undefined);
    const byInput = resolveTarget(ImageReference.parse('ghcr.io/acme/app'), d);
    expect(byRef.repository.toString()).toBe('ghcr.io/acme/app');
    expect(byInput.digest.toString()).toBe(d.toString());
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
