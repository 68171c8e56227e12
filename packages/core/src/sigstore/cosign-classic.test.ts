import { describe, expect, it } from 'vitest';
import { Digest } from '../oci/digest.ts';
import { ImageReference } from '../oci/image-reference.ts';
import {
  ANNOTATION,
  appendSignature,
  layerDescriptor,
  signatureTag,
  simpleSigningPayload,
} from './cosign-classic.ts';

const image = ImageReference.parse('ghcr.io/acme/app');
const digest = Digest.parse(`sha256:${'ab'.repeat(32)}`);

describe("cosign's classic format", () => {
  it('writes the simple-signing payload byte for byte as cosign does', () => {
    expect(simpleSigningPayload(image, digest).toString()).toBe(
      `{"critical":{"identity":{"docker-reference":"ghcr.io/acme/app"},"image":{"docker-manifest-digest":"sha256:${'ab'.repeat(32)}"},"type":"cosign container image signature"},"optional":null}`,
    );
    expect(simpleSigningPayload(image, digest, { b: '2', a: '1' }).toString()).toMatch(
      /"optional":\{"a":"1","b":"2"\}\}$/,
    );
  });

  it('stores signatures under sha256-<hex>.sig', () => {
    expect(signatureTag(digest)).toBe(`sha256-${'ab'.repeat(32)}.sig`);
  });

  it('appends a signer without touching the others, and re-signing the same is a no-op', () => {
    const payload = simpleSigningPayload(image, digest);
    const alice = layerDescriptor({
      payload,
      signature: 'QUxJQ0U=',
      certificate: 'PEM-A',
      chain: '',
      rekorBundle: '{"SignedEntryTimestamp":"x"}',
    });
    const bob = layerDescriptor({ payload, signature: 'Qk9C' });
    const first = appendSignature(undefined, alice);
    expect(first.added).toBe(true);
    expect(first.manifest.layers).toEqual([alice]);
    expect(first.manifest.config.size).toBe(2);
    const second = appendSignature(first.manifest, bob);
    expect(second.manifest.layers).toEqual([alice, bob]);
    expect(second.manifest.config).toEqual(first.manifest.config);
    const again = appendSignature(second.manifest, bob);
    expect(again).toEqual({ manifest: second.manifest, added: false });
    expect(alice.annotations).toMatchObject({
      [ANNOTATION.signature]: 'QUxJQ0U=',
      [ANNOTATION.certificate]: 'PEM-A',
      [ANNOTATION.chain]: '',
    });
    expect(alice.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
  });
});
