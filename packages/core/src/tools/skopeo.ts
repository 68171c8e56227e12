import type { ToolRunner } from '../exec/tool-runner.ts';

export interface SkopeoCopyRequest {
  /** `oci:<dir>` or `oci:<dir>:<ref>` */
  source: string;
  /** `docker://<registry>/<repository>:<tag>` */
  destination: string;
  digestFile: string;
  authFile?: string | undefined;
  tlsVerify: boolean;
}

/** skopeo: copies exactly the layout's bytes (every platform, digests preserved). */
export const skopeo = {
  copyArgs(request: SkopeoCopyRequest): string[] {
    const args = ['copy', '--all', '--preserve-digests', '--digestfile', request.digestFile];
    if (request.authFile !== undefined) args.push('--authfile', request.authFile);
    if (!request.tlsVerify) args.push('--dest-tls-verify=false');
    args.push(request.source, request.destination);
    return args;
  },

  /** Registry to registry, by digest (no tag is written): every platform, digests preserved. */
  copyByDigestArgs(request: {
    source: string;
    destination: string;
    authFile?: string | undefined;
    tlsVerify: boolean;
  }): string[] {
    const args = ['copy', '--all', '--preserve-digests'];
    if (request.authFile !== undefined) args.push('--authfile', request.authFile);
    if (!request.tlsVerify) args.push('--src-tls-verify=false', '--dest-tls-verify=false');
    args.push(`docker://${request.source}`, `docker://${request.destination}`);
    return args;
  },

  /**
   * Whether a failed copy is worth running again: 429, 5xx and network faults are; authentication,
   * authorisation, missing repositories and invalid manifests are not.
   */
  isTransientFailure(stderr: string): boolean {
    if (
      /\b(401|403)\b|unauthorized|denied|authentication required|invalid username|manifest invalid|name unknown/i.test(
        stderr,
      )
    ) {
      return false;
    }
    return /\b(429|500|502|503|504)\b|too many requests|service unavailable|bad gateway|gateway time-?out|internal server error|connection reset|broken pipe|unexpected EOF|: EOF\b|i\/o timeout|TLS handshake timeout|connection refused/i.test(
      stderr,
    );
  },

  async version(runner: ToolRunner): Promise<string> {
    const { stdout } = await runner.run({ tool: 'skopeo', command: 'skopeo', args: ['--version'] });
    return stdout.trim().replace(/^skopeo version /, '');
  },
};
