import type { Digest } from '../oci/digest.ts';
import type { ImageReference } from '../oci/image-reference.ts';
import type { Descriptor, ImageManifestDocument } from '../oci/oci-layout.ts';
import type { RegistryClient } from '../oci/registry-client.ts';
import { addReferrer } from './bundle-referrers.ts';
import { appendClassicLayers } from './classic-signatures.ts';
import { signatureTag } from './cosign-classic.ts';

/** Signature artifacts are small; anything larger is not one of ours and is not copied blindly. */
const MAX_SIGNATURE_BLOB = 4 * 1024 * 1024;

async function copyBlobs(
  client: RegistryClient,
  source: ImageReference,
  target: ImageReference,
  descriptors: Descriptor[],
): Promise<void> {
  for (const d of descriptors) {
    if ((await client.headBlob(target, d.digest)) !== undefined) continue;
    if (source.registry === target.registry && (await client.mountBlob(target, d.digest, source.repository)))
      continue;
    await client.uploadBlob(target, await client.getBlob(source, d.digest, MAX_SIGNATURE_BLOB));
  }
}

/**
 * Copies every signature of a digest from one repository to another (same or other registry), by
 * digest: cosign's `.sig` and `.att` layers are appended to the target's manifests of those tags (signers already there
 * stay), and every referrer (Sigstore bundles, attestations) is pushed unchanged, then indexed in the
 * target's fallback tag where it has no referrers API. Returns what was copied.
 */
export async function copySignatures(
  client: RegistryClient,
  source: ImageReference,
  target: ImageReference,
  digest: Digest,
): Promise<{ classicLayers: number; referrers: number }> {
  const from = source.repositoryOnly();
  const to = target.repositoryOnly();
  let classicLayers = 0;
  // Signatures (`.sig`) and attestations (`.att`) alike.
  for (const suffix of ['sig', 'att'] as const) {
    const found = await client.getManifest(from, signatureTag(digest, suffix));
    if (found === undefined) continue;
    const doc = JSON.parse(found.bytes.toString('utf8')) as ImageManifestDocument;
    await copyBlobs(client, from, to, [doc.config, ...doc.layers]);
    classicLayers += (await appendClassicLayers(client, to, digest, doc.layers, suffix)).added;
  }

  let referrers = 0;
  const { manifests } = await client.referrers(from, digest.toString());
  for (const descriptor of manifests) {
    const manifest = await client.getManifest(from, descriptor.digest);
    if (manifest === undefined) continue;
    const doc = JSON.parse(manifest.bytes.toString('utf8')) as ImageManifestDocument;
    await copyBlobs(client, from, to, [doc.config, ...doc.layers]);
    if ((await client.headManifest(to, descriptor.digest)) === undefined) {
      await client.putManifest(to, descriptor.digest, manifest.bytes, manifest.mediaType);
      referrers++;
    }
    await addReferrer(client, to, digest.toString(), {
      mediaType: descriptor.mediaType,
      digest: descriptor.digest,
      size: descriptor.size,
      ...(descriptor.artifactType ? { artifactType: descriptor.artifactType } : {}),
      ...(descriptor.annotations ? { annotations: descriptor.annotations } : {}),
    });
  }
  return { classicLayers, referrers };
}
