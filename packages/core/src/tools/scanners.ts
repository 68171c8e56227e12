import { CommandError } from '../action/errors.ts';

/** Trivy: one JSON run per target; SARIF comes from `trivy convert` over that same JSON. */
interface TrivyCommon {
  output: string;
  cacheDir: string;
  ignoreFile?: string | undefined;
  dbRepository?: string | undefined;
}

/** Flags every Trivy scan here shares: JSON to a file, our cache, never exiting non-zero on findings. */
function trivyCommon(request: TrivyCommon, scanners: string): string[] {
  const args = ['--format', 'json', '--output', request.output, '--scanners', scanners];
  args.push('--cache-dir', request.cacheDir, '--exit-code', '0', '--quiet');
  if (request.ignoreFile !== undefined) args.push('--ignorefile', request.ignoreFile);
  if (request.dbRepository !== undefined) args.push('--db-repository', request.dbRepository);
  return args;
}

/** Trivy: one JSON run per target; SARIF comes from `trivy convert` over that same JSON. */
export const trivy = {
  /** Repository scan: vulnerabilities, secrets and misconfigurations, every severity (the gate decides). */
  fsArgs(request: TrivyCommon & { path: string }): string[] {
    return ['fs', ...trivyCommon(request, 'vuln,secret,misconfig'), request.path];
  },

  /** Image scan of an OCI layout directory (one platform image per run). */
  imageArgs(request: TrivyCommon & { layout: string }): string[] {
    return ['image', '--input', request.layout, ...trivyCommon(request, 'vuln,secret')];
  },

  sarifArgs(jsonReport: string, output: string): string[] {
    return ['convert', '--format', 'sarif', '--output', output, jsonReport];
  },
};

/** OSV-Scanner v2. Exit codes: 0 nothing found, 1 findings, 128 no packages; anything else is an error. */
export const osvScanner = {
  args(request: { path: string; output: string; config?: string | undefined }): string[] {
    const args = ['scan', 'source', '--recursive', '--format', 'json', '--output', request.output];
    if (request.config !== undefined) args.push('--config', request.config);
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
  args(request: { path: string; outputs: Partial<Record<SbomFormat, string>> }): string[] {
    const args = ['scan', `dir:${request.path}`, '--quiet'];
    for (const [format, file] of Object.entries(request.outputs)) args.push('-o', `${format}=${file}`);
    return args;
  },
};
