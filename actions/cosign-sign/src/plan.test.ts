import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Digest, ImageReference } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { policyKind, publicLogWarning, resolveTarget } from './plan.ts';

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
