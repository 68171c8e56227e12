// Who must have signed, as a policy: plain data and the identity-pattern rule, with no Sigstore library, so
// an action's plan can build a policy before run.ts (and @sigstore/verify) loads.
import { ConfigurationError } from '../action/errors.ts';

/** Who must have signed: an exact identity or an anchored regular expression, and the OIDC issuer; or a key. */
export interface SignerPolicy {
  identity?: string | undefined;
  identityRegExp?: RegExp | undefined;
  issuer?: string | undefined;
  /**
   * The repository the signing run was for: Fulcio's Source Repository URI extension (1.3.6.1.4.1.57264.1.12,
   * e.g. https://github.com/acme/app), compared exactly. A reusable workflow's identity is the same for every
   * caller, so without it any repository calling that workflow signs as it. Keyless only.
   */
  sourceRepository?: string | undefined;
  /** The git ref the signing run was for: Fulcio's Source Repository Ref extension (…1.14), exact. */
  sourceRef?: string | undefined;
  /** PEM public key, for key-based signatures (then identity and issuer do not apply). */
  publicKey?: string | undefined;
}

/** `^(?:pattern)$`: the whole identity must match (cosign's regexps are unanchored: a common footgun). */
export function anchorPattern(pattern: string): string {
  // Already anchored as a whole (^…$ around a group-free or fully grouped body): kept as written.
  if (/^\^\(\?:.*\)\$$/s.test(pattern)) return pattern;
  // Otherwise the whole pattern is grouped, so that an alternation cannot leave a branch unanchored
  // (^A|B$ would match "xB"), and an escaped \$ at the end is not mistaken for an anchor.
  return `^(?:${pattern})$`;
}

/** Anchors a user's identity pattern and compiles it. */
export function anchoredRegExp(pattern: string): RegExp {
  try {
    return new RegExp(anchorPattern(pattern));
  } catch (error) {
    throw new ConfigurationError(
      `"${pattern}" is not a valid regular expression (${(error as Error).message})`,
    );
  }
}
