import type { ToolRunner } from '../exec/tool-runner.ts';
import type { BuildRequest } from './build-request.ts';

/** docker buildx (BuildKit), where a Docker engine with buildx answers. */
export const buildx = {
  /**
   * `docker buildx build` writing an OCI layout directory. Secret values never appear: a secret is an
   * environment variable name or a file path. SOURCE_DATE_EPOCH goes in the environment (buildx reads it).
   */
  buildArgs(request: BuildRequest, metadataFile: string): string[] {
    const args = ['buildx', 'build', '--platform', request.platforms.join(',')];
    args.push('--file', request.file, '--output', `type=oci,dest=${request.outputDir},tar=false`);
    args.push('--metadata-file', metadataFile);
    const provenance = request.provenance ?? 'min';
    args.push(`--provenance=${provenance === 'false' ? 'false' : `mode=${provenance}`}`);
    args.push(`--sbom=${request.sbom}`);
    args.push('--build-arg', `SOURCE_DATE_EPOCH=${request.sourceDateEpoch}`);
    for (const [k, v] of request.buildArgs) args.push('--build-arg', `${k}=${v}`);
    for (const [k, v] of request.labels) args.push('--label', `${k}=${v}`);
    // Annotate the index and every manifest, so the traceability data is wherever a tool looks.
    for (const [k, v] of request.annotations) args.push('--annotation', `index,manifest:${k}=${v}`);
    if (request.target !== undefined) args.push('--target', request.target);
    for (const secret of request.secrets) {
      const src = 'file' in secret.source ? `src=${secret.source.file}` : `env=${secret.source.env}`;
      args.push('--secret', `id=${secret.id},${src}`);
    }
    for (const c of request.cacheFrom) args.push('--cache-from', c);
    for (const c of request.cacheTo) args.push('--cache-to', c);
    args.push(request.context);
    return args;
  },

  /**
   * What `docker buildx inspect` says of the active builder: its driver, and whether it can export an OCI
   * layout. The `docker` driver cannot (buildx reports `OCI exporter: false` where it lists features);
   * docker-container, remote and kubernetes builders can.
   */
  parseInspect(text: string): { driver: string | undefined; ociExport: boolean } {
    const driver = /^Driver:\s*(\S+)/m.exec(text)?.[1];
    const feature = /^\s*OCI exporter:\s*(true|false)\s*$/m.exec(text)?.[1];
    const ociExport =
      feature !== undefined ? feature === 'true' : driver !== undefined && driver !== 'docker';
    return { driver, ociExport };
  },

  /** The exact fix when the active builder cannot write an OCI layout. */
  ociExportFix(driver: string | undefined): string {
    return (
      `the active buildx builder (driver ${driver ?? 'unknown'}) cannot export an OCI layout. Create one that can before this ` +
      'step: `docker buildx create --use --driver docker-container` (docker/setup-buildx-action does this), ' +
      'or set builder: buildah'
    );
  },

  /** Reads the image digest buildx recorded in its --metadata-file. */
  parseMetadata(text: string): { digest: string | undefined } {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const digest = parsed['containerimage.digest'];
    return { digest: typeof digest === 'string' ? digest : undefined };
  },

  /** Whether `docker buildx` answers; the reason says why not. */
  async probe(runner: ToolRunner): Promise<{ available: boolean; reason: string }> {
    try {
      const { stdout } = await runner.run({
        tool: 'docker buildx',
        command: 'docker',
        args: ['buildx', 'version'],
        timeoutMs: 15_000,
      });
      const info = await runner.run({
        tool: 'docker',
        command: 'docker',
        args: ['info', '--format', '{{.ServerVersion}}'],
        timeoutMs: 15_000,
      });
      return {
        available: true,
        reason: `docker buildx answered (${stdout.trim()}; engine ${info.stdout.trim()})`,
      };
    } catch (error) {
      return {
        available: false,
        reason: `docker buildx did not answer (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  },
};
