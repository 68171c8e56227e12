import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type LayoutImage, writeLayoutRoot } from './oci-layout.ts';

/** An OCI layout holding only this image: its own index.json, and `blobs/` linked to the original (no copy). */
export async function platformView(layout: string, image: LayoutImage, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const [os = '', architecture = '', variant] = image.platform.split('/');
  await writeLayoutRoot(dir, [
    {
      mediaType: image.mediaType,
      digest: image.digest,
      size: image.size,
      platform: variant === undefined ? { os, architecture } : { os, architecture, variant },
    },
  ]);
  await symlink(join(layout, 'blobs'), join(dir, 'blobs'), 'dir');
  return dir;
}
