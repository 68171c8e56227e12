import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CommandError, ConfigurationError } from '../action/errors.ts';

/** What every Trivy scan here takes. */
export interface TrivyCommon {
  output: string;
  cacheDir: string;
  ignoreFile?: string | undefined;
  dbRepository?: string | undefined;
  /** Use the DB already in `cacheDir`; make no network request (air-gapped runners). */
  offline?: boolean | undefined;
  /** The DB in `cacheDir` was just brought up to date by an earlier scan of this run: do not check again. */
  dbFresh?: boolean | undefined;
}

/**
 * Flags every Trivy scan here shares: JSON to a file, our cache, never exiting non-zero on findings
 * (the gate decides), no version check or telemetry; offline, the DB in the cache and nothing else.
 */
function trivyCommon(request: TrivyCommon, scanners: string): string[] {
  const args = ['--format', 'json', '--output', request.output, '--scanners', scanners];
  args.push('--cache-dir', request.cacheDir, '--exit-code', '0', '--quiet');
  args.push('--skip-version-check', '--disable-telemetry');
  if (request.ignoreFile !== undefined) args.push('--ignorefile', request.ignoreFile);
  if (request.offline)
    args.push('--skip-db-update', '--skip-java-db-update', '--skip-check-update', '--offline-scan');
  else {
    if (request.dbFresh) args.push('--skip-db-update');
    if (request.dbRepository !== undefined) args.push('--db-repository', request.dbRepository);
  }
  return args;
}

/** Trivy: one JSON run per target; SARIF comes from `trivy convert` over that same JSON. */
export const trivy = {
  /** Where Trivy keeps its DB unless the action is told: the runner's tool cache, kept between jobs there. */
  defaultCacheDir(toolCache: string | undefined, work: string): string {
    return join(toolCache || work, 'trivy-cache');
  },

  /** Brings the DB in the cache up to date (a no-op when it is fresh) without scanning anything. */
  downloadDbArgs(request: { cacheDir: string; dbRepository?: string | undefined }): string[] {
    const args = ['image', '--download-db-only', '--cache-dir', request.cacheDir, '--quiet'];
    args.push('--skip-version-check', '--disable-telemetry');
    if (request.dbRepository !== undefined) args.push('--db-repository', request.dbRepository);
    return args;
  },

  /** The DB's `db/metadata.json`: its schema `Version` and `UpdatedAt` (each undefined when unreadable). */
  async dbMetadata(cacheDir: string): Promise<{ version?: string; updatedAt?: string }> {
    try {
      const meta = JSON.parse(await readFile(join(cacheDir, 'db', 'metadata.json'), 'utf8')) as {
        UpdatedAt?: unknown;
        Version?: unknown;
      };
      return {
        ...(typeof meta.UpdatedAt === 'string' ? { updatedAt: meta.UpdatedAt } : {}),
        ...(typeof meta.Version === 'number' ? { version: String(meta.Version) } : {}),
      };
    } catch {
      return {};
    }
  },

  /**
   * Offline, Trivy can only use a DB already in its cache folder: check that it is there (both files), so
   * that the error says so instead of Trivy's download attempt. TRIVY_DB_MISSING, `expected` the file
   * that is missing; the caller names the input that chose the folder.
   */
  async requireOfflineDb(cacheDir: string): Promise<void> {
    for (const file of ['trivy.db', 'metadata.json']) {
      const path = join(cacheDir, 'db', file);
      try {
        await access(path);
      } catch {
        throw new ConfigurationError(
          `offline scanning needs the Trivy DB in ${cacheDir} (db/trivy.db and db/metadata.json), ` +
            `and ${path} is missing. Restore the cache folder first (actions/cache, or a copy ` +
            'of a mirror), or set offline: false to download it.',
          { code: 'TRIVY_DB_MISSING', expected: path, actual: 'missing' },
        );
      }
    }
  },

  /** Repository scan: vulnerabilities, secrets and misconfigurations, every severity (the gate decides). */
  fsArgs(request: TrivyCommon & { path: string }): string[] {
    return ['fs', ...trivyCommon(request, 'vuln,secret,misconfig'), request.path];
  },

  /**
   * Image scan of an OCI layout directory (one platform image per run). The layer cache stays in memory:
   * a layout is scanned once, and the on-disk cache's lock would serialise parallel platform scans (the
   * vulnerability DB itself is opened read-only, so scans can share it).
   */
  imageArgs(request: TrivyCommon & { layout: string }): string[] {
    return [
      'image',
      '--input',
      request.layout,
      '--cache-backend',
      'memory',
      ...trivyCommon(request, 'vuln,secret'),
    ];
  },

  sarifArgs(jsonReport: string, output: string): string[] {
    return ['convert', '--format', 'sarif', '--output', output, jsonReport];
  },
};

/** OSV-Scanner v2. Exit codes: 0 nothing found, 1 findings, 128 no packages; anything else is an error. */
export const osvScanner = {
  args(request: {
    path: string;
    output: string;
    config?: string | undefined;
    /** An offline database (`osv-scalibr/<Ecosystem>/all.zip`): vulnerabilities are matched locally. */
    localDb?: string | undefined;
    /** No network at all (also no transitive resolution); needs `localDb`. */
    offline?: boolean | undefined;
  }): string[] {
    const args = ['scan', 'source', '--recursive', '--format', 'json', '--output-file', request.output];
    if (request.config !== undefined) args.push('--config', request.config);
    if (request.localDb !== undefined)
      args.push(
        request.offline ? '--offline' : '--offline-vulnerabilities',
        '--local-db-path',
        request.localDb,
      );
    args.push(request.path);
    return args;
  },
  okExitCodes: [0, 1, 128] as const,
  /** What an accepted exit code means; the report, not the code, decides the verdict. */
  explainExit(code: number): 'clean' | 'findings' | 'no-packages' {
    if (code === 0) return 'clean';
    if (code === 1) return 'findings';
    if (code === 128) return 'no-packages';
    throw new CommandError(`osv-scanner exited with ${code}`, { tool: 'osv-scanner', exitCode: code });
  },
};

export type SbomFormat = 'cyclonedx-json' | 'spdx-json';

/** Syft: every requested SBOM format from one run (`-o format=file` repeated). */
export const syft = {
  /** Syft asks its update service for news when a version is set; never from here. */
  env: { SYFT_CHECK_FOR_APP_UPDATE: 'false' } as const,
  /** `source` is `dir` (a checkout) or `oci-dir` (an OCI layout holding one image). */
  args(request: {
    path: string;
    outputs: Partial<Record<SbomFormat, string>>;
    source?: 'dir' | 'oci-dir';
  }): string[] {
    const args = ['scan', `${request.source ?? 'dir'}:${request.path}`, '--quiet'];
    for (const [format, file] of Object.entries(request.outputs)) args.push('-o', `${format}=${file}`);
    return args;
  },
};
