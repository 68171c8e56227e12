// Keyless signing against a local Sigstore (real HTTP on loopback, @sigstore/mock behind it), verified by
// the core verifier with that instance's trusted root: the path cosign-sign and tag-promote build on.

import {
  certificateClaims,
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

function signer(claims: Record<string, string> = {}) {
  return new FulcioSigner({
    fulcioBaseURL: sigstore.fulcioURL,
    identityProvider: { getToken: async () => githubLikeToken(IDENTITY, ISSUER, claims) },
  });
}

async function classicBundle(claims: Record<string, string> = {}) {
  const payload = simpleSigningPayload(image, digest);
  const builder = new MessageSignatureBundleBuilder({
    signer: signer(claims),
    witnesses: [new RekorWitness({ rekorBaseURL: sigstore.rekorURL })],
  });
  return { payload, bundle: bundleToJSON(await builder.create({ data: payload })) };
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

  it("the certificate carries the token's GitHub claims as Fulcio extensions, as real Fulcio writes them", async () => {
    const { bundle } = await classicBundle({
      repository: 'acme/app',
      ref: 'refs/heads/main',
      sha: 'a'.repeat(40),
    });
    expect(certificateClaims(bundle)).toMatchObject({
      subject: IDENTITY,
      issuer: ISSUER,
      sourceRepositoryURI: 'https://github.com/acme/app',
      sourceRepositoryRef: 'refs/heads/main',
      sourceRepositoryDigest: 'a'.repeat(40),
    });
  });

  it('the source repository binds the signature: the same workflow identity from another repository is refused', async () => {
    const trustedRoot = parseTrustedRoot(sigstore.trustedRoot);
    const policy = {
      identity: IDENTITY,
      issuer: ISSUER,
      sourceRepository: 'https://github.com/acme/app',
      sourceRef: 'refs/heads/main',
    };
    const mine = await classicBundle({ repository: 'acme/app', ref: 'refs/heads/main' });
    expect(verifyBundle(mine.bundle, { trustedRoot, policy, artifact: mine.payload }).identity).toBe(
      IDENTITY,
    );
    // Another organisation calling the same reusable workflow: same SAN, its own repository in .12.
    const theirs = await classicBundle({ repository: 'evil/app', ref: 'refs/heads/main' });
    expect(
      verifyBundle(theirs.bundle, {
        trustedRoot,
        policy: { identity: IDENTITY, issuer: ISSUER },
        artifact: theirs.payload,
      }).identity,
    ).toBe(IDENTITY);
    expect(() => verifyBundle(theirs.bundle, { trustedRoot, policy, artifact: theirs.payload })).toThrow(
      /source repository is https:\/\/github.com\/evil\/app, not https:\/\/github.com\/acme\/app/,
    );
    const otherRef = await classicBundle({ repository: 'acme/app', ref: 'refs/heads/feature' });
    expect(() => verifyBundle(otherRef.bundle, { trustedRoot, policy, artifact: otherRef.payload })).toThrow(
      /source ref is refs\/heads\/feature, not refs\/heads\/main/,
    );
    // A certificate without the extension fails when the policy names a repository.
    const bare = await classicBundle();
    expect(() => verifyBundle(bare.bundle, { trustedRoot, policy, artifact: bare.payload })).toThrow(
      /names no source repository/,
    );
  });
});
