// The core verifier on a real cosign-produced bundle (an OCI attestation) and its trusted root: the
// policy decides, identities are anchored, and the signed subject must be the image digest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchoredRegExp, parseTrustedRoot, SignatureError, verifyBundle } from '@chain/core';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, 'fixtures', 'sigstore', 'cosign');
const bundle = JSON.parse(readFileSync(join(dir, 'oci-attestation.sigstore.json'), 'utf8')) as {
  dsseEnvelope: { signatures: { sig: string }[] };
};
const trustedRoot = parseTrustedRoot(JSON.parse(readFileSync(join(dir, 'trusted_root_pgi.json'), 'utf8')));
const IMAGE = '732112270d7e59418a8c080b134b24cabd67d250d0d0147a97ed95ba5c280aa4';
const ISSUER = 'https://github.com/login/oauth';

describe('a real cosign bundle', () => {
  it('verifies with the signer identity and issuer, and the image digest as its subject', () => {
    expect(
      verifyBundle(bundle, {
        trustedRoot,
        policy: { identity: 'cody@soyland.com', issuer: ISSUER },
        artifactDigest: IMAGE,
      }),
    ).toEqual({
      identity: 'cody@soyland.com',
      issuer: ISSUER,
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    });
  });

  it.each([
    ['another identity', { identity: 'mallory@example.com', issuer: ISSUER }, IMAGE, /does not verify/],
    [
      'another issuer',
      { identity: 'cody@soyland.com', issuer: 'https://token.actions.githubusercontent.com' },
      IMAGE,
      /does not verify/,
    ],
    [
      'an identity regexp that only matches unanchored',
      { identityRegExp: anchoredRegExp('soyland'), issuer: ISSUER },
      IMAGE,
      /does not verify/,
    ],
    [
      'another image digest',
      { identity: 'cody@soyland.com', issuer: ISSUER },
      'f'.repeat(64),
      /subjects do not include sha256:f{64}/,
    ],
  ])('is rejected for %s', (_label, policy, digest, message) => {
    expect(() => verifyBundle(bundle, { trustedRoot, policy, artifactDigest: digest })).toThrow(
      SignatureError,
    );
    expect(() => verifyBundle(bundle, { trustedRoot, policy, artifactDigest: digest })).toThrow(message);
  });

  it('a tampered signature is rejected', () => {
    const tampered = structuredClone(bundle);
    const sig = Buffer.from(tampered.dsseEnvelope.signatures[0]?.sig ?? '', 'base64');
    sig[sig.length - 5] = (sig[sig.length - 5] ?? 0) ^ 1;
    if (tampered.dsseEnvelope.signatures[0]) tampered.dsseEnvelope.signatures[0].sig = sig.toString('base64');
    expect(() =>
      verifyBundle(tampered, { trustedRoot, policy: { identity: 'cody@soyland.com', issuer: ISSUER } }),
    ).toThrow(SignatureError);
  });

  it('anchors identity patterns and matches the whole identity', () => {
    expect(anchoredRegExp('https://github.com/acme/.*').source).toBe('^https:\\/\\/github.com\\/acme\\/.*$');
    expect(anchoredRegExp('^x$').source).toBe('^x$');
    expect(
      verifyBundle(bundle, {
        trustedRoot,
        policy: { identityRegExp: anchoredRegExp('cody@.*\\.com'), issuer: ISSUER },
      }).identity,
    ).toBe('cody@soyland.com');
    expect(() => anchoredRegExp('(')).toThrow(/not a valid regular expression/);
  });
});
