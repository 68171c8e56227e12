import {
  ConfigurationError,
  formatPlatform,
  type GatePlan,
  type InputValues,
  type InstallRequest,
  type LayoutImage,
  type PlanContext,
} from '@chain/core/entry';
import type { spec } from './inputs.ts';

/**
 * What the step will do: verify that the layout is the given digest, scan a private snapshot of it with
 * Trivy one platform image at a time (in parallel), optionally make the SBOMs with syft from the same
 * snapshot, and give one verdict.
 */
export interface ImageScanPlan {
  layout: string;
  /** The layout's required top-level digest: the bytes scanned are the bytes that will be pushed. */
  digest: string;
  /** The platform images to scan (`os/arch[/variant]`); empty: every image in the layout. */
  platforms: string[];
  gate: GatePlan;
  trivy: {
    install: InstallRequest;
    /** trivy-cache-dir; undefined: the default (the runner's tool cache, else the step's work folder). */
    cacheDir: string | undefined;
    /** A mirror of the DB (online only). */
    dbRepository: string | undefined;
    /** Use the DB already in the cache folder and touch no network. */
    offline: boolean;
    /** The trivyignore input; undefined: the workspace's own .trivyignore.yaml or .trivyignore, if any. */
    ignoreFile: string | undefined;
  };
  /** sbom: how syft is installed; undefined: no SBOM (syft is not installed). */
  sbom: InstallRequest | undefined;
}

export function plan(values: InputValues<typeof spec>, _context: PlanContext): ImageScanPlan {
  if (values.offline && values['db-repository'] !== undefined)
    throw new ConfigurationError(
      'Input "db-repository": offline: true uses the DB already in trivy-cache-dir and never reads a mirror; give one or the other',
      { input: 'db-repository' },
    );
  return {
    layout: values.layout,
    digest: values.digest.toString(),
    platforms: values.platforms.map(formatPlatform),
    gate: { severities: values.severity, ignoreUnfixed: values['ignore-unfixed'], failOn: values['fail-on'] },
    trivy: {
      install: { path: values['trivy-path'], version: values['trivy-version'] },
      cacheDir: values['trivy-cache-dir'],
      dbRepository: values['db-repository'],
      offline: values.offline,
      ignoreFile: values.trivyignore,
    },
    sbom: values.sbom ? { path: values['syft-path'], version: values['syft-version'] } : undefined,
  };
}

/** The platform images to scan, from the layout's (a fact run.ts reads): a platform it lacks is refused. */
export function selectImages(images: LayoutImage[], wanted: readonly string[]): LayoutImage[] {
  if (wanted.length === 0) return images;
  const missing = wanted.filter((p) => !images.some((i) => i.platform === p));
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Input "platforms": the layout has no image for ${missing.join(', ')} (it has ${images.map((i) => i.platform).join(', ')})`,
      { input: 'platforms', expected: missing.join(', '), actual: images.map((i) => i.platform).join(', ') },
    );
  }
  return images.filter((i) => wanted.includes(i.platform));
}
