// cosign's classic format end to end: keyless signatures from the local Sigstore stored as
// `sha256-<hex>.sig` in the real docker-registry, appended by two signers, read back and verified.

import {
  bundleFromClassicLayer,
  Digest,
  ImageReference,
  parseTrustedRoot,
  RegistryClient,
  readClassicSignatures,
  SignatureError,
  signedDigestOf,
  simpleSigningPayload,
  storeClassicSignature,
  verifyBundle,
} from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE,
  BOB,
  classicSignatureLayer,
  GITHUB_ISSUER,
  type LocalSigstore,
  startLocalSigstore,
} from './helpers/local-sigstore.ts';
import { type LocalRegistry, startRegistry } from './helpers/registry.ts';

const ISSUER = GITHUB_ISSUER;
let sigstore: LocalSigstore;
let registry: LocalRegistry;

beforeAll(async () => {
  [sigstore, registry] = await Promise.all([startLocalSigstore(), startRegistry()]);
});
afterAll(async () => {
  await Promise.all([sigstore?.stop(), registry?.stop()]);
});

const signClassic = (identity: string, image: ImageReference, digest: Digest) =>
  classicSignatureLayer(sigstore, identity, image, digest);

describe('classic .sig signatures in a real registry', () => {
  it('two signers append; each signature reads back and verifies for its identity and this digest only', async () => {
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const image = ImageReference.parse(`${registry.host}/acme/app`);
    const digest = Digest.parse(`sha256:${'3'.repeat(64)}`);

    const first = await storeClassicSignature(client, image, digest, await signClassic(ALICE, image, digest));
    const second = await storeClassicSignature(client, image, digest, await signClassic(BOB, image, digest));
    expect(first).toMatchObject({ tag: `sha256-${'3'.repeat(64)}.sig`, added: true });
    expect(second.added).toBe(true);

    const stored = await readClassicSignatures(client, image, digest);
    expect(stored).toHaveLength(2);
    const trustedRoot = parseTrustedRoot(sigstore.trustedRoot);
    const identities = stored.map((s) => {
      expect(signedDigestOf(s.payload)).toBe(digest.toString());
      return verifyBundle(bundleFromClassicLayer(s.annotations, s.payload), {
        trustedRoot,
        policy: { identityRegExp: /.+/, issuer: ISSUER },
        artifact: s.payload,
      }).identity;
    });
    expect(identities).toEqual([ALICE, BOB]);

    // A policy for Alice accepts only Alice's layer.
    const forAlice = stored.filter((s) => {
      try {
        verifyBundle(bundleFromClassicLayer(s.annotations, s.payload), {
          trustedRoot,
          policy: { identity: ALICE, issuer: ISSUER },
          artifact: s.payload,
        });
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(SignatureError);
        return false;
      }
    });
    expect(forAlice).toHaveLength(1);
  });

  it('a tampered payload (another digest) no longer verifies', async () => {
    const image = ImageReference.parse(`${registry.host}/acme/app`);
    const digest = Digest.parse(`sha256:${'4'.repeat(64)}`);
    const layer = await signClassic(ALICE, image, digest);
    const forged = simpleSigningPayload(image, Digest.parse(`sha256:${'5'.repeat(64)}`));
    const annotations = {
      'dev.cosignproject.cosign/signature': layer.signature,
      'dev.sigstore.cosign/certificate': layer.certificate ?? '',
      'dev.sigstore.cosign/bundle': layer.rekorBundle ?? '',
    };
    const trustedRoot = parseTrustedRoot(sigstore.trustedRoot);
    expect(
      verifyBundle(bundleFromClassicLayer(annotations, layer.payload), {
        trustedRoot,
        policy: { identity: ALICE, issuer: ISSUER },
        artifact: layer.payload,
      }).identity,
    ).toBe(ALICE);
    expect(() =>
      verifyBundle(bundleFromClassicLayer(annotations, forged), {
        trustedRoot,
        policy: { identity: ALICE, issuer: ISSUER },
        artifact: forged,
      }),
    ).toThrow(SignatureError);
  });
});
