import type { BuildRequest } from './build-request.ts';

/**
 * buildah (no Docker engine needed). Storage and isolation come from the environment buildah itself
 * reads (CONTAINERS_STORAGE_CONF, STORAGE_DRIVER, BUILDAH_ISOLATION), so runners configure them once.
 */
export const buildah = {
  /**
   * A RUN step that failed because no OCI runtime works on this host (buildah says only "while running
   * runtime: exit status 1"), as opposed to the step's own command failing.
   */
  runtimeUnusable(stderr: string): boolean {
    return /while running runtime: exit status|error running container: from \S+ creating container|did not get container create message/i.test(
      stderr,
    );
  },

  /** `buildah build` into a manifest list, every platform at once. */
  buildArgs(request: BuildRequest, manifestList: string, isolation?: 'chroot'): string[] {
    const args = ['build', '--manifest', manifestList, '--platform', request.platforms.join(',')];
    if (isolation !== undefined) args.push('--isolation', isolation);
    args.push('--file', request.file, '--timestamp', String(request.sourceDateEpoch));
    for (const [k, v] of request.buildArgs) args.push('--build-arg', `${k}=${v}`);
    for (const [k, v] of request.labels) args.push('--label', `${k}=${v}`);
    for (const [k, v] of request.annotations) args.push('--annotation', `${k}=${v}`);
    if (request.target !== undefined) args.push('--target', request.target);
    for (const secret of request.secrets) {
      if (!('file' in secret.source)) throw new Error('buildah secrets must be handed over as files');
      args.push('--secret', `id=${secret.id},src=${secret.source.file}`);
    }
    if (request.cacheFrom.length > 0) {
      args.push('--layers');
      for (const c of request.cacheFrom) args.push('--cache-from', c);
    }
    args.push(request.context);
    return args;
  },

  /** Writes every image of the list, and the list itself, to an OCI layout directory. */
  pushArgs(manifestList: string, outputDir: string): string[] {
    return ['manifest', 'push', '--all', '--format', 'oci', manifestList, `oci:${outputDir}:latest`];
  },

  removeListArgs(manifestList: string): string[] {
    return ['manifest', 'rm', manifestList];
  },

  /** Inputs buildah has no equivalent for; the action warns when they are given. */
  unsupported(request: BuildRequest): string[] {
    const notes: string[] = [];
    if (request.cacheTo.length > 0) notes.push('cache-to has no buildah equivalent and was ignored');
    if (request.provenance === 'min' || request.provenance === 'max') {
      notes.push(
        `provenance "${request.provenance}" needs BuildKit (buildx); buildah writes no provenance attestation`,
      );
    }
    if (request.sbom) notes.push('sbom needs BuildKit (buildx); buildah writes no SBOM attestation');
    return notes;
  },

  /** Turns buildah's `building at STEP "…": …` into a one-line reason naming the step. */
  failedStep(stderr: string): string | undefined {
    const match = /building at STEP "([^"]*)": (.*)$/m.exec(stderr);
    return match === null ? undefined : `step "${match[1]}" failed: ${match[2]}`;
  },
};
