// An SBOM set: one CycloneDX JSON per platform image of one digest, made by syft from a verified snapshot,
// with an index (sboms.json) that records which digest and which platform manifest each file describes.
// image-scan writes it beside its scan (output sbom-dir); cosign-sign attests it after checking that the
// set is for the digest it signs, one file per platform image, each file naming its manifest.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandError, ConfigurationError } from '../action/errors.ts';
import type { ToolRunner } from '../exec/tool-runner.ts';
import { readJsonInput } from '../inputs/json-input.ts';
import type { LayoutImage } from '../oci/oci-layout.ts';
import { platformView } from '../oci/platform-view.ts';
import { syft } from '../tools/scanners.ts';
import { readCycloneDx } from './sbom.ts';

export const SBOM_SET_SCHEMA = 'sbom-set/v1';
export const SBOM_SET_INDEX = 'sboms.json';

/** One platform image's SBOM in a set. */
export interface SbomEntry {
  platform: string;
  /** The platform manifest's digest (the image digest itself for a single-manifest image). */
  digest: string;
  /** File name inside the set's directory. */
  file: string;
}

export interface SbomSetIndex {
  schema: typeof SBOM_SET_SCHEMA;
  /** The top-level digest the set describes. */
  digest: string;
  tool: { name: 'syft'; version: string };
  sboms: SbomEntry[];
}

/** An SBOM read back from a set and checked: its platform, manifest digest and CycloneDX document. */
export interface PlatformSbom {
  platform: string;
  digest: string;
  bom: Record<string, unknown>;
}

const FILE_NAME = /^[a-z0-9][\w.-]*\.cdx\.json$/;

/**
 * Runs syft once per platform image (in parallel) on a private verified snapshot and writes the set to
 * `dir`: `<os>-<arch>[-<variant>].cdx.json` each, and the index naming the digest and every manifest.
 */
export async function makeSbomSet(request: {
  /** A snapshot holding only verified bytes (OciLayout.snapshot), never the layout directory itself. */
  verified: string;
  digest: string;
  images: readonly LayoutImage[];
  dir: string;
  work: string;
  syft: { path: string; version: string };
  runner: ToolRunner;
  env: NodeJS.ProcessEnv;
}): Promise<SbomSetIndex> {
  await mkdir(request.dir, { recursive: true });
  const sboms = await Promise.all(
    request.images.map(async (image, i): Promise<SbomEntry> => {
      const view = await platformView(request.verified, image, join(request.work, `sbom-view-${i}`));
      const file = `${image.platform.replaceAll('/', '-')}.cdx.json`;
      await request.runner.run({
        tool: 'syft',
        command: request.syft.path,
        args: syft.args({
          path: view,
          source: 'oci-dir',
          outputs: { 'cyclonedx-json': join(request.dir, file) },
        }),
        env: { ...request.env, ...syft.env },
      });
      const text = await readFile(join(request.dir, file), 'utf8').catch(() => '');
      try {
        readCycloneDx(text);
      } catch (error) {
        throw new CommandError(
          `syft wrote no CycloneDX SBOM for ${image.platform}: ${(error as Error).message}`,
          {
            tool: 'syft',
          },
        );
      }
      return { platform: image.platform, digest: image.digest, file };
    }),
  );
  const index: SbomSetIndex = {
    schema: SBOM_SET_SCHEMA,
    digest: request.digest,
    tool: { name: 'syft', version: request.syft.version },
    sboms,
  };
  await writeFile(join(request.dir, SBOM_SET_INDEX), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

/**
 * Reads a set for `digest` and checks it fails closed: the index is for this digest, it has exactly one
 * SBOM for each of `platforms` (the image's platform manifests, as the registry serves them) and nothing
 * else, every file is a CycloneDX document in the set's directory, and the image each one says it describes
 * (metadata.component.version, where syft writes the manifest digest it read) is the entry's manifest.
 */
export async function readSbomSet(
  dir: string,
  digest: string,
  platforms: readonly { digest: string }[],
  input: string,
): Promise<PlatformSbom[]> {
  const fail = (what: string) =>
    new ConfigurationError(`Input "${input}": ${what}; no SBOM is attested`, { input });
  const index = (await readJsonInput(join(dir, SBOM_SET_INDEX), input)) as Partial<SbomSetIndex> | null;
  if (
    index === null ||
    typeof index !== 'object' ||
    index.schema !== SBOM_SET_SCHEMA ||
    !Array.isArray(index.sboms)
  )
    throw fail(
      `${dir} holds no ${SBOM_SET_SCHEMA} index (${SBOM_SET_INDEX}); pass image-scan's output "sbom-dir"`,
    );
  if (index.digest !== digest)
    throw fail(`the SBOMs in ${dir} are for ${String(index.digest)}, not ${digest}`);
  const wanted = new Set(platforms.map((p) => p.digest));
  const seen = new Set<string>();
  const out: PlatformSbom[] = [];
  for (const entry of index.sboms as Partial<SbomEntry>[]) {
    const { platform, digest: manifest, file } = entry;
    if (
      typeof platform !== 'string' ||
      typeof manifest !== 'string' ||
      typeof file !== 'string' ||
      !FILE_NAME.test(file)
    )
      throw fail(`an entry of ${SBOM_SET_INDEX} is malformed (${JSON.stringify(entry)})`);
    if (!wanted.has(manifest))
      throw fail(`${file} describes ${manifest}, which is not a platform image of ${digest}`);
    if (seen.has(manifest)) throw fail(`two SBOMs describe ${manifest}`);
    seen.add(manifest);
    const text = await readFile(join(dir, file), 'utf8').catch(() => {
      throw fail(`${file} (${platform}) is missing from ${dir}`);
    });
    try {
      readCycloneDx(text);
    } catch (error) {
      throw fail(`${file}: ${(error as Error).message}`);
    }
    const bom = JSON.parse(text) as Record<string, unknown>;
    // syft names the image manifest it read in metadata.component.version: it must be this entry's.
    const named = describedVersion(bom);
    if (named !== manifest)
      throw fail(`${file} describes ${named ?? 'no image'}, not ${manifest} (${platform})`);
    out.push({ platform, digest: manifest, bom });
  }
  const missing = [...wanted].filter((d) => !seen.has(d));
  if (missing.length > 0) throw fail(`no SBOM in ${dir} describes ${missing.join(', ')}`);
  return out;
}

/** What syft writes as the described image: metadata.component.version (the manifest digest for images). */
function describedVersion(bom: Record<string, unknown>): string | undefined {
  const metadata = bom.metadata as { component?: { version?: unknown } } | undefined;
  const version = metadata?.component?.version;
  return typeof version === 'string' ? version : undefined;
}
