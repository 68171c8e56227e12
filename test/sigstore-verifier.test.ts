// The core verifier on a real cosign-produced bundle (an OCI attestation) and its trusted root: the
// policy decides, identities are anchored, and the signed subject must be the image digest.
import { generateKeyPairSync } from 'node:crypto';
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
    expect(anchoredRegExp('https://github.com/acme/.*').source).toBe(
      '^(?:https:\\/\\/github.com\\/acme\\/.*)$',
    );
    // An alternation cannot leave a branch unanchored, nor an escaped \$ pass for an anchor.
    expect(anchoredRegExp('a@x\\.com|b@x\\.com').test('evil-b@x.com')).toBe(false);
    expect(anchoredRegExp('a@x\\.com|b@x\\.com').test('b@x.com')).toBe(true);
    expect(anchoredRegExp('^x$|^y$').test('y')).toBe(true);
    expect(anchoredRegExp('price\\$').test('a price$')).toBe(false);
    expect(
      verifyBundle(bundle, {
        trustedRoot,
        policy: { identityRegExp: anchoredRegExp('cody@.*\\.com'), issuer: ISSUER },
      }).identity,
    ).toBe('cody@soyland.com');
    expect(() => anchoredRegExp('(')).toThrow(/not a valid regular expression/);
  });
});

describe('the policy decides the kind of signer, and only that kind is accepted', () => {
  const managed = join(import.meta.dirname, 'fixtures', 'sigstore', 'conformance', 'bundle-verify');
  const keyCase = (file: string) => readFileSync(join(managed, 'managed-key-happy-path', file), 'utf8');

  it('a key policy refuses a keyless signature, whoever signed it (anyone can get a certificate)', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() =>
      verifyBundle(bundle, { trustedRoot, policy: { publicKey: pem }, artifactDigest: IMAGE }),
    ).toThrow(/carries a certificate \(a keyless signer\), but the policy requires the public key/);
  });

  it('an identity policy refuses a key signature', () => {
    const keyed = JSON.parse(keyCase('bundle.sigstore.json')) as unknown;
    expect(() =>
      verifyBundle(keyed, { trustedRoot, policy: { identity: 'cody@soyland.com', issuer: ISSUER } }),
    ).toThrow(/made with a key, but the policy requires a keyless signer/);
  });

  it('a keyless policy without an identity is refused, not treated as "any signer"', () => {
    expect(() =>
      verifyBundle(bundle, { trustedRoot, policy: { issuer: ISSUER }, artifactDigest: IMAGE }),
    ).toThrow(/needs the signer identity/);
    expect(() => verifyBundle(bundle, { trustedRoot, policy: {}, artifactDigest: IMAGE })).toThrow(
      /needs the signer identity/,
    );
  });
});
