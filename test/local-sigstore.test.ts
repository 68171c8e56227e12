// Keyless signing against a local Sigstore (real HTTP on loopback, @sigstore/mock behind it), verified by
// the core verifier with that instance's trusted root: the path cosign-sign and tag-promote build on.

import {
  Digest,
  ImageReference,
  parseTrustedRoot,
  SignatureError,
  simpleSigningPayload,
  verifyBundle,
} from '@chain/core';
import { bundleToJSON } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, MessageSignatureBundleBuilder, RekorWitness } from '@sigstore/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubLikeToken, type LocalSigstore, startLocalSigstore } from './helpers/local-sigstore.ts';

const IDENTITY = 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const image = ImageReference.parse('ghcr.io/acme/app');
const digest = Digest.parse(`sha256:${'7'.repeat(64)}`);
let sigstore: LocalSigstore;

beforeAll(async () => {
  sigstore = await startLocalSigstore();
});
afterAll(async () => sigstore?.stop());

function signer() {
  return new FulcioSigner({
    fulcioBaseURL: sigstore.fulcioURL,
    identityProvider: { getToken: async () => githubLikeToken(IDENTITY) },
  });
}

describe('local Sigstore', () => {
  it('classic: the simple-signing payload, signed keyless and logged in Rekor v1 (hashedrekord), verifies', async () => {
    const payload = simpleSigningPayload(image, digest);
    const builder = new MessageSignatureBundleBuilder({
      signer: signer(),
      witnesses: [new RekorWitness({ rekorBaseURL: sigstore.rekorURL })],
    });
    const bundle = bundleToJSON(await builder.create({ data: payload }));
    const trustedRoot = parseTrustedRoot(sigstore.trustedRoot);
    expect(
      verifyBundle(bundle, {
        trustedRoot,
        policy: { identity: IDENTITY, issuer: ISSUER },
        artifact: payload,
      }),
    ).toMatchObject({
      identity: IDENTITY,
      issuer: ISSUER,
    });
    expect(() =>
      verifyBundle(bundle, {
        trustedRoot,
        policy: { identity: IDENTITY, issuer: ISSUER },
        artifact: Buffer.from('other'),
      }),
    ).toThrow(SignatureError);
  });

  it('bundle: a DSSE in-toto statement about the digest (cosign sign/v1 predicate), logged as dsse, verifies', async () => {
    const statement = Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ digest: { sha256: digest.hex } }],
        predicateType: 'https://sigstore.dev/cosign/sign/v1',
        predicate: {},
      }),
    );
    const builder = new DSSEBundleBuilder({
      signer: signer(),
      witnesses: [new RekorWitness({ rekorBaseURL: sigstore.rekorURL, entryType: 'dsse' })],
    });
    const bundle = bundleToJSON(
      await builder.create({ data: statement, type: 'application/vnd.in-toto+json' }),
    );
    const trustedRoot = parseTrustedRoot(sigstore.trustedRoot);
    const policy = { identity: IDENTITY, issuer: ISSUER };
    expect(verifyBundle(bundle, { trustedRoot, policy, artifactDigest: digest.hex }).identity).toBe(IDENTITY);
    expect(() => verifyBundle(bundle, { trustedRoot, policy, artifactDigest: '0'.repeat(64) })).toThrow(
      /subjects do not include/,
    );
    expect(() =>
      verifyBundle(bundle, {
        trustedRoot,
        policy: { identity: 'https://github.com/evil/x', issuer: ISSUER },
        artifactDigest: digest.hex,
      }),
    ).toThrow(SignatureError);
  });

  it('a signature from this instance does not verify against another root', async () => {
    const other = await startLocalSigstore();
    try {
      const payload = simpleSigningPayload(image, digest);
      const builder = new MessageSignatureBundleBuilder({
        signer: signer(),
        witnesses: [new RekorWitness({ rekorBaseURL: sigstore.rekorURL })],
      });
      const bundle = bundleToJSON(await builder.create({ data: payload }));
      expect(() =>
        verifyBundle(bundle, {
          trustedRoot: parseTrustedRoot(other.trustedRoot),
          policy: { identity: IDENTITY, issuer: ISSUER },
          artifact: payload,
        }),
      ).toThrow(SignatureError);
    } finally {
      await other.stop();
    }
  });
});
