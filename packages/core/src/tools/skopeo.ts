import { CommandError } from '../action/errors.ts';
import { isTransientText, retryAfterInText } from '../oci/retry-policy.ts';

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
   * A failed skopeo run, for withRetries: whether it is worth running again, by the core's one rule
   * (429, 5xx and network faults are; authentication, authorisation, missing repositories and invalid
   * manifests are not), with a Retry-After it printed.
   */
  failure(error: unknown): { transient: boolean; retryAfterMs?: number | undefined; reason: string } {
    if (!(error instanceof CommandError)) return { transient: false, reason: String(error) };
    const text = `${error.stderrTail}\n${error.message}`;
    return { transient: isTransientText(text), retryAfterMs: retryAfterInText(text), reason: error.message };
  },
};
