import { createHash } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { link, lstat, mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ConfigurationError, type ErrorDetails } from '../action/errors.ts';
import { type BlobHasher, inlineHasher, workerHasher } from './blob-hasher.ts';
import { Digest } from './digest.ts';
import {
  ATTESTATION_MANIFEST,
  ATTESTATION_REFERENCE_DIGEST,
  ATTESTATION_REFERENCE_TYPE,
  isIndexMediaType,
  isManifestMediaType,
  MediaType,
  REF_NAME_ANNOTATION,
} from './media-types.ts';
import { formatPlatform, type Platform } from './platform.ts';

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: Platform;
  artifactType?: string;
  urls?: string[];
}

export interface ImageIndexDocument {
  schemaVersion: 2;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
}

export interface ImageManifestDocument {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

/** A platform image found in the layout. */
export interface LayoutImage {
  platform: string;
  digest: string;
  mediaType: string;
  size: number;
  config: Descriptor;
  layers: Descriptor[];
}

/** A BuildKit attestation manifest (provenance, SBOM), kept apart from platform images. */
export interface LayoutAttestation {
  digest: string;
  /** The image manifest it attests. */
  subject: string | undefined;
  layers: Descriptor[];
}

export interface LayoutGraph {
  /** The top-level descriptor (index.json's single entry, or the one selected by ref name). */
  root: Descriptor;
  images: LayoutImage[];
  attestations: LayoutAttestation[];
  /** Digests of every index reached, the root's first. */
  indexes: string[];
  /** Every blob reachable from the root, each with who references it. */
  blobs: Map<string, { descriptor: Descriptor; referencedBy: string[] }>;
}

export interface VerifyReport extends LayoutGraph {
  blobCount: number;
  totalBytes: number;
}

/**
 * Which check of the layout failed, under the one code LAYOUT_INVALID: stable, for callers and tests (the
 * message says it in words, naming the blob and who references it).
 */
export type LayoutReason =
  /** The directory does not exist. */
  | 'NOT_FOUND'
  /** The layout holds attestations but no image manifest: there is nothing to scan or run. */
  | 'NO_IMAGE'
  /** The layout, or blobs/<algorithm>, is not a directory. */
  | 'NOT_A_DIRECTORY'
  /** No oci-layout, index.json or blobs/: not an OCI layout directory. */
  | 'NOT_A_LAYOUT'
  /** The oci-layout marker names another imageLayoutVersion. */
  | 'UNSUPPORTED_VERSION'
  /** oci-layout, index.json, blobs/<algorithm> or a blob is a symbolic link. */
  | 'SYMLINK'
  /** oci-layout, index.json or a blob is not a regular file. */
  | 'NOT_A_FILE'
  /** A JSON document (oci-layout, index.json, a manifest, index or config) over the read limit. */
  | 'MANIFEST_TOO_LARGE'
  | 'INVALID_JSON'
  /** index.json or an index blob is not an image index. */
  | 'NOT_AN_INDEX'
  /** A manifest blob is not an image manifest. */
  | 'NOT_A_MANIFEST'
  /** A descriptor lacks a mediaType or digest, or has an invalid size. */
  | 'DESCRIPTOR_INVALID'
  /** A descriptor's digest does not parse (it would name a path outside blobs/). */
  | 'DIGEST_INVALID'
  /** A document's own mediaType differs from its descriptor's. */
  | 'MEDIA_TYPE_MISMATCH'
  /** No index.json entry has the ref name asked for. */
  | 'ENTRY_NOT_FOUND'
  /** index.json lists no manifests. */
  | 'NO_ENTRY'
  /** index.json lists several entries and no ref name chooses one. */
  | 'ENTRY_AMBIGUOUS'
  | 'BLOB_MISSING'
  | 'BLOB_SIZE_MISMATCH'
  | 'BLOB_DIGEST_MISMATCH'
  /** A blob cannot be opened as a regular file (without following a link). */
  | 'BLOB_UNREADABLE'
  /** A blob changed between the check and the snapshot's link to it. */
  | 'BLOB_CHANGED'
  /** One blob declared as a document in one place and as a layer or config (or another document type) in another. */
  | 'ROLE_CONFLICT'
  /** One blob declared with two sizes. */
  | 'SIZE_CONFLICT'
  /** Indexes nested deeper than the walk follows. */
  | 'TOO_DEEP'
  | 'INDEX_CYCLE'
  /** A manifest marked as a BuildKit attestation that is not one (an image hidden from the scan). */
  | 'ATTESTATION_INVALID';

/** The layout is unusable; the message says which blob and which manifest references it. */
export class LayoutError extends ConfigurationError {
  declare readonly reason: LayoutReason | undefined;
  constructor(message: string, details: Omit<ErrorDetails, 'reason'> & { reason?: LayoutReason } = {}) {
    super(message, { code: 'LAYOUT_INVALID', ...details });
  }
}

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_DEPTH = 8;
/** Below this many bytes, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 64 * 1024 * 1024;
const SUPPORTED_LAYOUT_VERSION = '1.0.0';

/**
 * Writes a layout's two fixed files, the `oci-layout` marker and index.json listing `manifests`: the one
 * writer of both, for snapshots, platform views and the test and benchmark fixtures. The blobs are the
 * caller's.
 */
export async function writeLayoutRoot(dir: string, manifests: readonly Descriptor[]): Promise<void> {
  await writeFile(join(dir, 'oci-layout'), `{"imageLayoutVersion":"${SUPPORTED_LAYOUT_VERSION}"}`);
  const index = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests };
  await writeFile(join(dir, 'index.json'), JSON.stringify(index));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asDescriptor(value: unknown, where: string): Descriptor {
  const invalid = { reason: 'DESCRIPTOR_INVALID' } as const;
  if (!isRecord(value)) throw new LayoutError(`${where}: descriptor is not an object`, invalid);
  const { mediaType, digest, size } = value;
  if (typeof mediaType !== 'string' || mediaType === '')
    throw new LayoutError(`${where}: descriptor has no mediaType`, invalid);
  if (typeof digest !== 'string') throw new LayoutError(`${where}: descriptor has no digest`, invalid);
  try {
    Digest.parse(digest);
  } catch (error) {
    throw new LayoutError(`${where}: ${(error as Error).message}`, {
      reason: 'DIGEST_INVALID',
      actual: digest,
      cause: error,
    });
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw new LayoutError(`${where}: descriptor ${digest} has an invalid size`, invalid);
  }
  return value as unknown as Descriptor;
}

function describe(desc: Descriptor): string {
  const platform = desc.platform ? ` [${formatPlatform(desc.platform)}]` : '';
  return `${desc.digest}${platform}`;
}

/**
 * A local OCI image layout directory (image-spec "image-layout"). Reading is defensive: every path is
 * derived from a validated digest, symbolic links are refused, manifests are size-capped and checked
 * against their digest before they are parsed.
 */
export class OciLayout {
  readonly root: string;
  readonly index: ImageIndexDocument;

  private constructor(root: string, index: ImageIndexDocument) {
    this.root = root;
    this.index = index;
  }

  static async open(directory: string): Promise<OciLayout> {
    const root = resolve(directory);
    const rootStat = await lstat(root).catch(() => undefined);
    if (rootStat === undefined)
      throw new LayoutError(`OCI layout ${root} does not exist`, { reason: 'NOT_FOUND' });
    if (!rootStat.isDirectory())
      throw new LayoutError(`OCI layout ${root} is not a directory`, { reason: 'NOT_A_DIRECTORY' });
    for (const entry of ['oci-layout', 'index.json']) {
      const s = await lstat(join(root, entry)).catch(() => undefined);
      if (s === undefined)
        throw new LayoutError(`OCI layout ${root} has no ${entry}: is this an OCI layout directory?`, {
          reason: 'NOT_A_LAYOUT',
        });
      if (s.isSymbolicLink())
        throw new LayoutError(`OCI layout ${root}: ${entry} is a symbolic link; refused`, {
          reason: 'SYMLINK',
        });
      if (!s.isFile())
        throw new LayoutError(`OCI layout ${root}: ${entry} is not a regular file`, { reason: 'NOT_A_FILE' });
    }
    const marker = await readJson(join(root, 'oci-layout'), `${root}/oci-layout`);
    if (!isRecord(marker) || marker.imageLayoutVersion !== SUPPORTED_LAYOUT_VERSION) {
      const version = isRecord(marker) ? marker.imageLayoutVersion : undefined;
      const found = isRecord(marker) ? JSON.stringify(version) : 'no object';
      throw new LayoutError(
        `OCI layout ${root}: unsupported imageLayoutVersion ${found}; this action reads "${SUPPORTED_LAYOUT_VERSION}"`,
        {
          reason: 'UNSUPPORTED_VERSION',
          expected: SUPPORTED_LAYOUT_VERSION,
          actual: typeof version === 'string' ? version : (found ?? 'undefined'),
        },
      );
    }
    const blobs = await lstat(join(root, 'blobs')).catch(() => undefined);
    if (blobs === undefined || !blobs.isDirectory() || blobs.isSymbolicLink()) {
      throw new LayoutError(`OCI layout ${root}: blobs/ is missing or not a plain directory`, {
        reason: 'NOT_A_LAYOUT',
      });
    }
    // The per-algorithm folders too: a link there would make every blob path point outside the layout.
    for (const algorithm of ['sha256', 'sha512']) {
      const dir = await lstat(join(root, 'blobs', algorithm)).catch(() => undefined);
      if (dir !== undefined && (dir.isSymbolicLink() || !dir.isDirectory()))
        throw new LayoutError(
          `OCI layout ${root}: blobs/${algorithm} is ${dir.isSymbolicLink() ? 'a symbolic link' : 'not a directory'}; refused`,
          { reason: dir.isSymbolicLink() ? 'SYMLINK' : 'NOT_A_DIRECTORY' },
        );
    }
    const index = await readJson(join(root, 'index.json'), `${root}/index.json`);
    if (!isRecord(index) || index.schemaVersion !== 2 || !Array.isArray(index.manifests)) {
      throw new LayoutError(
        `OCI layout ${root}: index.json is not an image index (schemaVersion 2 with manifests)`,
        { reason: 'NOT_AN_INDEX' },
      );
    }
    for (const [i, m] of index.manifests.entries()) asDescriptor(m, `index.json manifests[${i}]`);
    return new OciLayout(root, index as unknown as ImageIndexDocument);
  }

  /** The path of a blob; the digest is validated, so the path cannot leave blobs/. */
  blobPath(digest: string): string {
    const d = Digest.parse(digest);
    return join(this.root, 'blobs', d.algorithm, d.hex);
  }

  /**
   * The top-level descriptor: index.json's only entry, or the one whose
   * `org.opencontainers.image.ref.name` equals `ref`.
   */
  topLevel(ref?: string): Descriptor {
    const entries = this.index.manifests;
    if (ref !== undefined) {
      const found = entries.find((m) => m.annotations?.[REF_NAME_ANNOTATION] === ref);
      if (found === undefined) {
        const names = entries.map((m) => m.annotations?.[REF_NAME_ANNOTATION]).filter((n) => n !== undefined);
        throw new LayoutError(
          `OCI layout ${this.root} has no entry named "${ref}" (names: ${names.join(', ') || 'none'})`,
          { reason: 'ENTRY_NOT_FOUND', expected: ref, actual: names.join(', ') },
        );
      }
      return found;
    }
    const [only, ...others] = entries;
    if (only === undefined)
      throw new LayoutError(`OCI layout ${this.root}: index.json lists no manifests`, { reason: 'NO_ENTRY' });
    if (others.length > 0) {
      const names = entries.map((m) => m.annotations?.[REF_NAME_ANNOTATION] ?? m.digest);
      throw new LayoutError(
        `OCI layout ${this.root} holds ${entries.length} entries (${names.join(', ')}); name the one to use`,
        { reason: 'ENTRY_AMBIGUOUS', actual: names.join(', ') },
      );
    }
    return only;
  }

  /** Reads a small blob (manifest, config) whole, checking size and digest first. */
  async readBlob(descriptor: Descriptor, referencedBy = 'index.json'): Promise<Buffer> {
    if (descriptor.size > MAX_MANIFEST_BYTES) {
      throw new LayoutError(
        `blob ${describe(descriptor)} (referenced by ${referencedBy}) is ${descriptor.size} bytes; ` +
          `manifests and configs are read only up to ${MAX_MANIFEST_BYTES}`,
        {
          reason: 'MANIFEST_TOO_LARGE',
          expected: String(MAX_MANIFEST_BYTES),
          actual: String(descriptor.size),
        },
      );
    }
    const path = await this.checkedBlobPath(descriptor, referencedBy);
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(descriptor.size + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > descriptor.size) break;
      }
      const content = buffer.subarray(0, length);
      this.checkContent(descriptor, referencedBy, length, digestOf(descriptor.digest, content));
      return content;
    } finally {
      await handle.close();
    }
  }

  async readJsonBlob(descriptor: Descriptor, referencedBy?: string): Promise<unknown> {
    const bytes = await this.readBlob(descriptor, referencedBy);
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new LayoutError(`blob ${describe(descriptor)} is not valid JSON`, {
        reason: 'INVALID_JSON',
        cause: error,
      });
    }
  }

  /**
   * Checks the layout for a tool that verifies layer digests itself as it streams them (skopeo: "Digest did
   * not match"; the registry checks again before it commits a blob): every manifest and index is
   * digest-checked as the walk reads it, every other blob must exist as a regular file of its declared size.
   * Layers are not hashed here. Use with `snapshot`, which digest-checks configs as it copies them.
   */
  async checkForStreaming(ref?: string): Promise<VerifyReport> {
    const graph = await this.walk(ref);
    let totalBytes = 0;
    await Promise.all(
      [...graph.blobs.values()].map(async ({ descriptor, referencedBy }) => {
        const what = `blob ${describe(descriptor)} (referenced by ${referencedBy.join(', ')})`;
        const path = await this.checkedBlobPath(descriptor, referencedBy.join(', '));
        const size = (await lstat(path)).size;
        if (size !== descriptor.size)
          throw new LayoutError(`${what} has ${size} bytes on disk; the descriptor says ${descriptor.size}`, {
            reason: 'BLOB_SIZE_MISMATCH',
            expected: String(descriptor.size),
            actual: String(size),
          });
        totalBytes += size;
      }),
    );
    return { ...graph, blobCount: graph.blobs.size, totalBytes };
  }

  /**
   * A private layout holding exactly what `graph` verified, for a tool (skopeo, Trivy) to read instead of
   * this directory, which anyone with write access could change between our check and the tool's read.
   * index.json names only the verified root; every manifest, index and config is copied from bytes whose
   * digest is checked as they are read; layers are hard links (the inode that was verified: a file renamed
   * over the original later is not seen), or copies across file systems. Layers are content-addressed,
   * so skopeo and the registry check their digests again as they stream.
   */
  async snapshot(
    graph: LayoutGraph,
    target: string,
    layers: 'link' | 'copy-verified' = 'link',
  ): Promise<string> {
    await mkdir(join(target, 'blobs', 'sha256'), { recursive: true, mode: 0o700 });
    for (const { descriptor, referencedBy } of graph.blobs.values()) {
      const d = Digest.parse(descriptor.digest);
      const to = join(target, 'blobs', d.algorithm, d.hex);
      const by = referencedBy.join(', ') || 'index.json';
      await mkdir(dirname(to), { recursive: true, mode: 0o700 });
      if (isDocument(descriptor)) await writeFile(to, await this.readBlob(descriptor, by));
      else if (layers === 'copy-verified') await this.copyVerified(descriptor, by, to);
      else await this.linkChecked(descriptor, by, to);
    }
    await writeLayoutRoot(target, [graph.root]);
    return target;
  }

  /**
   * A hard link to the blob (for a reader that checks digests itself, like skopeo), then a check of what was
   * linked: a regular file of the declared size. A symbolic link swapped in after the layout check would be
   * linked as the link itself, and is refused here.
   */
  private async linkChecked(descriptor: Descriptor, referencedBy: string, to: string): Promise<void> {
    const from = this.blobPath(descriptor.digest);
    await link(from, to).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
      await this.copyVerified(descriptor, referencedBy, to);
    });
    const s = await lstat(to);
    if (!s.isFile() || s.size !== descriptor.size)
      throw new LayoutError(
        `blob ${describe(descriptor)} (referenced by ${referencedBy}) changed after the layout was checked: ` +
          `${s.isFile() ? `${s.size} bytes` : 'not a regular file'} where ${descriptor.size} bytes were declared`,
        {
          reason: 'BLOB_CHANGED',
          expected: String(descriptor.size),
          ...(s.isFile() ? { actual: String(s.size) } : {}),
        },
      );
  }

  /**
   * A private copy of the blob, hashed as it is copied from a handle that refuses a symbolic link: what the
   * copy holds is what was hashed (for a reader that checks no digest, like Trivy). A hard link would share
   * the inode, so a write into the layout's file would change the snapshot too.
   */
  private async copyVerified(descriptor: Descriptor, referencedBy: string, to: string): Promise<void> {
    const what = `blob ${describe(descriptor)} (referenced by ${referencedBy})`;
    const source = await open(
      this.blobPath(descriptor.digest),
      constants.O_RDONLY | constants.O_NOFOLLOW,
    ).catch((error: NodeJS.ErrnoException) => {
      throw new LayoutError(
        `${what} cannot be read as a regular file (${error.code ?? error.message}); refused`,
        { reason: 'BLOB_UNREADABLE', cause: error },
      );
    });
    try {
      if (!(await source.stat()).isFile())
        throw new LayoutError(`${what} is not a regular file; refused`, { reason: 'NOT_A_FILE' });
      const hash = createHash(Digest.parse(descriptor.digest).algorithm);
      let length = 0;
      const counting = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          length += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(
        source.createReadStream({ autoClose: false }),
        counting,
        createWriteStream(to, { mode: 0o600 }),
      );
      this.checkContent(
        descriptor,
        referencedBy,
        length,
        `${Digest.parse(descriptor.digest).algorithm}:${hash.digest('hex')}`,
      );
    } finally {
      await source.close();
    }
  }

  /** Walks index.json → indexes → manifests → config and layers, verifying every manifest it parses. */
  async walk(ref?: string): Promise<LayoutGraph> {
    const root = this.topLevel(ref);
    const graph: LayoutGraph = { root, images: [], attestations: [], indexes: [], blobs: new Map() };
    await this.visit(root, 'index.json', graph, 0, new Set());
    return graph;
  }

  /**
   * Verifies the whole layout: every blob reachable from the top level exists as a regular file, has
   * the declared size and hashes to its digest. Blobs are streamed (memory stays bounded whatever their
   * size); when the layout is large enough to pay for it, hashing runs on one worker thread per core.
   */
  async verify(
    options: { ref?: string; concurrency?: number; workerThresholdBytes?: number; hasher?: BlobHasher } = {},
  ): Promise<VerifyReport> {
    const graph = await this.walk(options.ref);
    const pending = [...graph.blobs.values()].sort((a, b) => b.descriptor.size - a.descriptor.size);
    const totalBytes = pending.reduce((n, b) => n + b.descriptor.size, 0);
    const threads = Math.max(1, options.concurrency ?? availableParallelism());
    const threshold = options.workerThresholdBytes ?? WORKER_THRESHOLD;
    const owned = options.hasher === undefined;
    const hasher =
      options.hasher ??
      (threads > 1 && totalBytes >= threshold ? workerHasher({ workers: threads - 1 }) : inlineHasher);
    try {
      // Enough lanes to keep every hashing lane busy; with the inline hasher, reads still overlap.
      const lanes = Array.from({ length: Math.max(threads, hasher.parallelism) }, async () => {
        for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
          await this.verifyBlob(next.descriptor, next.referencedBy.join(', '), hasher);
        }
      });
      await Promise.all(lanes);
    } finally {
      if (owned) await hasher.close();
    }
    return { ...graph, blobCount: graph.blobs.size, totalBytes };
  }

  /** Streams one blob through its hash; throws a LayoutError naming the blob and its referrer. */
  async verifyBlob(
    descriptor: Descriptor,
    referencedBy: string,
    hasher: BlobHasher = inlineHasher,
  ): Promise<void> {
    const path = await this.checkedBlobPath(descriptor, referencedBy);
    const algorithm = Digest.parse(descriptor.digest).algorithm;
    const { digest, length } = await hasher.hash(path, algorithm, descriptor.size);
    this.checkContent(descriptor, referencedBy, length, digest);
  }

  private checkContent(descriptor: Descriptor, referencedBy: string, length: number, actual: string): void {
    const what = `blob ${describe(descriptor)} (referenced by ${referencedBy})`;
    if (length !== descriptor.size) {
      const sizeText = length > descriptor.size ? `more than ${descriptor.size}` : `${length}`;
      throw new LayoutError(`${what} has ${sizeText} bytes on disk; the descriptor says ${descriptor.size}`, {
        reason: 'BLOB_SIZE_MISMATCH',
        expected: String(descriptor.size),
        actual: sizeText,
      });
    }
    if (actual !== descriptor.digest)
      throw new LayoutError(`${what} does not match its digest: content hashes to ${actual}`, {
        reason: 'BLOB_DIGEST_MISMATCH',
        expected: descriptor.digest,
        actual,
      });
  }

  private async checkedBlobPath(descriptor: Descriptor, referencedBy: string): Promise<string> {
    const path = this.blobPath(descriptor.digest);
    const s = await lstat(path).catch(() => undefined);
    const what = `blob ${describe(descriptor)} (referenced by ${referencedBy})`;
    if (s === undefined) throw new LayoutError(`${what} is missing from ${path}`, { reason: 'BLOB_MISSING' });
    if (s.isSymbolicLink())
      throw new LayoutError(`${what} is a symbolic link at ${path}; refused`, { reason: 'SYMLINK' });
    if (!s.isFile())
      throw new LayoutError(`${what} is not a regular file at ${path}`, { reason: 'NOT_A_FILE' });
    return path;
  }

  private addBlob(graph: LayoutGraph, descriptor: Descriptor, referencedBy: string): void {
    const known = graph.blobs.get(descriptor.digest);
    if (known === undefined) {
      graph.blobs.set(descriptor.digest, { descriptor, referencedBy: [referencedBy] });
      return;
    }
    // One blob as a manifest or index in one place and as a layer or config in another: a walk that read
    // it once in one role would never read it in the other (an image could hide as another's "layer").
    const document = (d: Descriptor) => isIndexMediaType(d.mediaType) || isManifestMediaType(d.mediaType);
    if (
      document(known.descriptor) !== document(descriptor) ||
      (document(descriptor) && known.descriptor.mediaType !== descriptor.mediaType)
    ) {
      throw new LayoutError(
        `blob ${descriptor.digest} is declared as ${descriptor.mediaType} by ${referencedBy} ` +
          `but as ${known.descriptor.mediaType} by ${known.referencedBy.join(', ')}; one blob, one role`,
        { reason: 'ROLE_CONFLICT', expected: known.descriptor.mediaType, actual: descriptor.mediaType },
      );
    }
    if (known.descriptor.size !== descriptor.size) {
      throw new LayoutError(
        `blob ${descriptor.digest} is declared with size ${descriptor.size} by ${referencedBy} ` +
          `but ${known.descriptor.size} by ${known.referencedBy.join(', ')}`,
        { reason: 'SIZE_CONFLICT', expected: String(known.descriptor.size), actual: String(descriptor.size) },
      );
    }
    if (!known.referencedBy.includes(referencedBy)) known.referencedBy.push(referencedBy);
  }

  private async visit(
    descriptor: Descriptor,
    referencedBy: string,
    graph: LayoutGraph,
    depth: number,
    path: Set<string>,
    /** The image manifests (not attestation-marked) listed by the same index: what an attestation may refer to. */
    siblings: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    if (depth > MAX_DEPTH)
      throw new LayoutError(`index nesting deeper than ${MAX_DEPTH} at ${descriptor.digest}`, {
        reason: 'TOO_DEEP',
      });
    if (path.has(descriptor.digest))
      throw new LayoutError(`index cycle through ${descriptor.digest}`, { reason: 'INDEX_CYCLE' });
    const seen = graph.blobs.has(descriptor.digest);
    this.addBlob(graph, descriptor, referencedBy);
    if (seen) return;
    const here = `${isIndexMediaType(descriptor.mediaType) ? 'index' : 'manifest'} ${describe(descriptor)}`;
    const at: VisitAt = { descriptor, referencedBy, here, graph };
    if (isIndexMediaType(descriptor.mediaType)) await this.visitIndex(at, depth, path);
    else if (isManifestMediaType(descriptor.mediaType)) await this.visitManifest(at, siblings);
    // Any other artifact: its bytes are verified, its content is not interpreted.
  }

  /** An index: every child is visited, knowing which of them are images (what an attestation may name). */
  private async visitIndex(at: VisitAt, depth: number, path: Set<string>): Promise<void> {
    const { descriptor, here, graph } = at;
    const doc = await this.readJsonBlob(descriptor, at.referencedBy);
    if (!isRecord(doc) || doc.schemaVersion !== 2 || !Array.isArray(doc.manifests)) {
      throw new LayoutError(`${here} is not an image index`, { reason: 'NOT_AN_INDEX' });
    }
    checkEmbeddedMediaType(doc, descriptor, here);
    graph.indexes.push(descriptor.digest);
    const next = new Set(path).add(descriptor.digest);
    const children = doc.manifests.map((m, i) => asDescriptor(m, `${here} manifests[${i}]`));
    const images = new Set(
      children
        .filter((c) => isManifestMediaType(c.mediaType) && !markedAsAttestation(c))
        .map((c) => c.digest),
    );
    for (const child of children) await this.visit(child, here, graph, depth + 1, next, images);
  }

  /** An image manifest: its config and layers join the graph, as an image or as a checked attestation. */
  private async visitManifest(at: VisitAt, siblings: ReadonlySet<string>): Promise<void> {
    const { descriptor, here, graph } = at;
    const doc = await this.readJsonBlob(descriptor, at.referencedBy);
    if (!isRecord(doc) || doc.schemaVersion !== 2 || !Array.isArray(doc.layers)) {
      throw new LayoutError(`${here} is not an image manifest`, { reason: 'NOT_A_MANIFEST' });
    }
    checkEmbeddedMediaType(doc, descriptor, here);
    const config = asDescriptor(doc.config, `${here} config`);
    const layers = doc.layers.map((l, i) => asDescriptor(l, `${here} layers[${i}]`));
    this.addBlob(graph, config, `${here} (config)`);
    for (const [i, layer] of layers.entries()) {
      this.addBlob(graph, layer, `${here} (layer ${i + 1} of ${layers.length})`);
    }
    if (markedAsAttestation(descriptor)) {
      // Only a real attestation is left out of the scan; a disguised image is refused outright.
      const problem = attestationProblem(descriptor, layers, siblings);
      if (problem !== undefined) {
        throw new LayoutError(
          `${here} is marked as a BuildKit attestation manifest but ${problem}: refusing a layout that would hide an image from the scan`,
          { reason: 'ATTESTATION_INVALID' },
        );
      }
      graph.attestations.push({
        digest: descriptor.digest,
        subject: descriptor.annotations?.[ATTESTATION_REFERENCE_DIGEST],
        layers,
      });
      return;
    }
    const platform = descriptor.platform ?? (await this.platformFromConfig(config, here));
    graph.images.push({
      platform: formatPlatform(platform),
      digest: descriptor.digest,
      mediaType: descriptor.mediaType,
      size: descriptor.size,
      config,
      layers,
    });
  }

  private async platformFromConfig(config: Descriptor, manifest: string): Promise<Platform> {
    const doc = await this.readJsonBlob(config, `${manifest} (config)`);
    if (!isRecord(doc) || typeof doc.os !== 'string' || typeof doc.architecture !== 'string') {
      return { os: 'unknown', architecture: 'unknown' };
    }
    return typeof doc.variant === 'string' && doc.variant !== ''
      ? { os: doc.os, architecture: doc.architecture, variant: doc.variant }
      : { os: doc.os, architecture: doc.architecture };
  }
}

/** Where a walk of the layout stands: the document, who named it, its label, and the graph so far. */
interface VisitAt {
  readonly descriptor: Descriptor;
  readonly referencedBy: string;
  readonly here: string;
  readonly graph: LayoutGraph;
}

const IN_TOTO_LAYER = 'application/vnd.in-toto+json';

/** A manifest, index or config (or any small JSON document): what tools parse, so it is copied verified. */
function isDocument(descriptor: Descriptor): boolean {
  return (
    isIndexMediaType(descriptor.mediaType) ||
    isManifestMediaType(descriptor.mediaType) ||
    (/json$/.test(descriptor.mediaType) && descriptor.size <= MAX_MANIFEST_BYTES)
  );
}

function markedAsAttestation(descriptor: Descriptor): boolean {
  return descriptor.annotations?.[ATTESTATION_REFERENCE_TYPE] === ATTESTATION_MANIFEST;
}

/**
 * Why a manifest marked as an attestation is not one, or undefined when it is what BuildKit writes: platform
 * unknown/unknown, only in-toto statement layers, and a reference to an image of the same index.
 */
function attestationProblem(
  descriptor: Descriptor,
  layers: Descriptor[],
  siblings: ReadonlySet<string>,
): string | undefined {
  const platform = descriptor.platform;
  if (platform?.os !== 'unknown' || platform.architecture !== 'unknown')
    return `its platform is ${platform === undefined ? 'missing' : formatPlatform(platform)}, not unknown/unknown`;
  const other = layers.find((l) => l.mediaType !== IN_TOTO_LAYER);
  if (layers.length === 0 || other !== undefined)
    return `its layers are not all in-toto statements (${other?.mediaType ?? 'it has none'})`;
  const subject = descriptor.annotations?.[ATTESTATION_REFERENCE_DIGEST];
  if (subject === undefined || !siblings.has(subject))
    return `it refers to ${subject ?? 'nothing'}, which is not an image of the same index`;
  return undefined;
}

function checkEmbeddedMediaType(doc: Record<string, unknown>, descriptor: Descriptor, here: string): void {
  if (typeof doc.mediaType === 'string' && doc.mediaType !== descriptor.mediaType) {
    throw new LayoutError(
      `${here} declares mediaType ${doc.mediaType} but its descriptor says ${descriptor.mediaType}`,
      { reason: 'MEDIA_TYPE_MISMATCH', expected: descriptor.mediaType, actual: doc.mediaType },
    );
  }
}

function digestOf(expected: string, content: Buffer): string {
  const algorithm = Digest.parse(expected).algorithm;
  return `${algorithm}:${createHash(algorithm).update(content).digest('hex')}`;
}

async function readJson(path: string, label: string): Promise<unknown> {
  const s = await lstat(path);
  if (s.size > MAX_MANIFEST_BYTES)
    throw new LayoutError(`${label} is larger than ${MAX_MANIFEST_BYTES} bytes`, {
      reason: 'MANIFEST_TOO_LARGE',
      expected: String(MAX_MANIFEST_BYTES),
      actual: String(s.size),
    });
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new LayoutError(`${label} is not valid JSON`, { reason: 'INVALID_JSON', cause: error });
  }
}

/** Refuses a layout whose top-level digest is not the one the previous steps built and checked. */
export function requireLayoutDigest(
  layout: string,
  actual: string,
  expected: string,
  refusing: string,
): void {
  if (actual !== expected) {
    throw new ConfigurationError(
      `the layout ${layout} has top-level digest ${actual}, but input "digest" is ${expected}: ${refusing}`,
      { code: 'DIGEST_MISMATCH', input: 'digest', expected, actual },
    );
  }
}
