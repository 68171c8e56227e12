import type { AttestationVerdict } from '@chain/core';
import { describe, expect, it } from 'vitest';
import {
  type AttestationInputs,
  attestationConditions,
  requireVerdicts,
  verdictRows,
} from './attestations.ts';

const VALUES: AttestationInputs = {
  'require-attestations': ['provenance', 'vuln'],
  'max-scan-age': 86_400_000,
  'vuln-severities': ['CRITICAL', 'HIGH'],
  'provenance-builder-id': undefined,
  'provenance-source-repository': undefined,
  'require-signature': true,
};
const KEYLESS = {
  identity: 'https://github.com/acme/app/.github/workflows/p.yml@refs/heads/main',
  issuer: 'x',
};
const ENV = { GITHUB_SERVER_URL: 'https://github.example.com', GITHUB_REPOSITORY: 'acme/app' };

describe('tag-promote require-attestations', () => {
  it('nothing required: no conditions, whatever else is set', () => {
    expect(attestationConditions({ ...VALUES, 'require-attestations': [] }, undefined, {})).toBeUndefined();
  });

  it('takes the source repository from the runner, or the input', () => {
    expect(attestationConditions(VALUES, KEYLESS, ENV)).toEqual({
      required: ['provenance', 'vuln'],
      builderId: undefined,
      sourceRepository: 'https://github.example.com/acme/app',
      denySeverities: ['CRITICAL', 'HIGH'],
      maxScanAgeMs: 86_400_000,
    });
    const given = { ...VALUES, 'provenance-source-repository': 'https://github.com/acme/src' };
    expect(attestationConditions(given, KEYLESS, ENV)?.sourceRepository).toBe('https://github.com/acme/src');
  });

  it('refuses, naming the input: without the signature policy, a key without builder id, no source', () => {
    expect(() => attestationConditions({ ...VALUES, 'require-signature': false }, undefined, ENV)).toThrow(
      /^Input "require-attestations": .*set require-signature to true/,
    );
    expect(() => attestationConditions(VALUES, { publicKey: 'PEM' }, ENV)).toThrow(
      /^Input "provenance-builder-id"/,
    );
    expect(
      attestationConditions({ ...VALUES, 'provenance-builder-id': 'b' }, { publicKey: 'PEM' }, ENV)
        ?.builderId,
    ).toBe('b');
    expect(() => attestationConditions(VALUES, KEYLESS, {})).toThrow(/^Input "provenance-source-repository"/);
    // Only vuln: neither builder id nor source repository is needed.
    expect(
      attestationConditions({ ...VALUES, 'require-attestations': ['vuln'] }, { publicKey: 'PEM' }, {}),
    ).toBeDefined();
  });

  it('refuses the promotion naming each failed attestation and why; reports the verified ones', () => {
    const verdicts: AttestationVerdict[] = [
      { kind: 'provenance', ok: true, detail: 'builder b, source s' },
      { kind: 'vuln', ok: false, detail: 'it has 1 finding(s) at HIGH' },
    ];
    expect(() => requireVerdicts(verdicts, 'r@sha256:1')).toThrow(
      'refusing to promote r@sha256:1: the vuln attestation: it has 1 finding(s) at HIGH. No tag was changed.',
    );
    expect(() => requireVerdicts(verdicts.slice(0, 1), 'r@sha256:1')).not.toThrow();
    expect(verdictRows(verdicts)[0]).toEqual(['provenance', 'verified', '—', 'builder b, source s']);
  });
});
