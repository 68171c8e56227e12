import type { ImageReference } from '../oci/image-reference.ts';
import { githubWorkflowRepository } from './fulcio-certificate.ts';

/** POSIX single-quoting: safe to paste into any shell. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A literal string as an RE2/JavaScript regular expression, anchored (cosign's regexps are unanchored). */
export function anchoredLiteral(value: string): string {
  return `^${value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`;
}

/**
 * The `cosign verify` line a user runs to check what was signed: by digest, identity anchored with
 * ^…$ (an unanchored regexp would accept look-alike workflows), issuer exact, and the repository the
 * certificate was issued for (a reusable workflow's identity is shared by every caller); or the public key.
 */
export function cosignVerifyCommand(
  reference: ImageReference,
  signer:
    | {
        identity: string;
        issuer: string;
        /** https://github.com/owner/repo: cosign checks it as --certificate-github-workflow-repository=owner/repo. */
        sourceRepository?: string | undefined;
        trustedRoot?: string | undefined;
      }
    | { publicKeyFile: string; trustedRoot?: string | undefined },
): string {
  const args = ['cosign', 'verify'];
  if ('publicKeyFile' in signer) args.push(`--key=${shellQuote(signer.publicKeyFile)}`);
  else {
    args.push(`--certificate-identity-regexp=${shellQuote(anchoredLiteral(signer.identity))}`);
    args.push(`--certificate-oidc-issuer=${shellQuote(signer.issuer)}`);
    if (signer.sourceRepository !== undefined)
      args.push(
        `--certificate-github-workflow-repository=${shellQuote(githubWorkflowRepository(signer.sourceRepository))}`,
      );
  }
  if (signer.trustedRoot !== undefined) args.push(`--trusted-root=${shellQuote(signer.trustedRoot)}`);
  args.push(shellQuote(reference.toString()));
  return args.join(' ');
}
