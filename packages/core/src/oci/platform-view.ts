import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LayoutImage } from './oci-layout.ts';

/** An OCI layout holding only this image: its own index.json, and `blobs/` linked to the original (no copy). */
export async function platformView(layout: string, image: LayoutImage, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  const [os = '', architecture = '', variant] = image.platform.split('/');
  const descriptor = {
    mediaType: image.mediaType,
    digest: image.digest,
    size: image.size,
    platform: variant === undefined ? { os, architecture } : { os, architecture, variant },
  };
  await writeFile(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [descriptor],
    }),
  );
  await symlink(join(layout, 'blobs'), join(dir, 'blobs'), 'dir');
  return dir;
}
