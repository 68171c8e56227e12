import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigurationError, InvalidValueError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';
import { anchoredRegExp, type SignerPolicy } from '../sigstore/bundle-verifier.ts';
import { field, type InputContext, parsePath } from './input-spec.ts';

/**
 * A PEM public key, or the path of a file holding one (cosign-sign's `public-key` output is a path,
 * resolved against the workspace like every path input). Only a `PUBLIC KEY` block is taken: a private
 * key or a certificate pasted here is refused, never passed on.
 */
export function parsePublicKey(raw: string, ctx: InputContext): string {
  let pem = raw;
  if (!raw.startsWith('-----BEGIN')) {
    const path = parsePath(raw, ctx, { allowOutsideWorkspace: true });
    try {
      pem = readFileSync(path, 'utf8').trim();
    } catch (error) {
      throw new InvalidValueError(
        `is neither a PEM public key nor a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      );
    }
  }
  const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (label !== 'PUBLIC KEY')
    throw new InvalidValueError(
      `is not a PEM public key (-----BEGIN PUBLIC KEY-----)${label === undefined ? '' : `; it holds a ${label.toLowerCase()}`}`,
    );
  try {
    return createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    throw new InvalidValueError('is not a PEM public key (-----BEGIN PUBLIC KEY-----) that parses');
  }
}

/** The signer inputs every verifying action reads (cosign's flags, same names). */
export const signerInputs = {
  publicKey: () => field<string>('public key', parsePublicKey),
};

export interface SignerPolicyInputs {
  'certificate-identity'?: string | undefined;
  'certificate-identity-regexp'?: string | undefined;
  'certificate-oidc-issuer'?: string | undefined;
  'public-key'?: string | undefined;
}

/**
 * The signer policy from cosign-style inputs: a public key, or an identity (exact, or a regexp anchored
 * to ^…$ with a warning when it was not) and the OIDC issuer. Neither is a configuration error naming
 * the inputs; `why` says what needs it.
 */
export function signerPolicyFromInputs(
  values: SignerPolicyInputs,
  logger: Logger,
  why: string,
): SignerPolicy {
  if (values['public-key'] !== undefined) return { publicKey: values['public-key'] };
  const identity = values['certificate-identity'];
  const pattern = values['certificate-identity-regexp'];
  const issuer = values['certificate-oidc-issuer'];
  if ((identity === undefined && pattern === undefined) || issuer === undefined)
    throw new ConfigurationError(
      `${why}: give certificate-identity (or certificate-identity-regexp) and certificate-oidc-issuer, or public-key`,
      {
        input:
          identity === undefined && pattern === undefined
            ? 'certificate-identity'
            : 'certificate-oidc-issuer',
      },
    );
  if (identity !== undefined && pattern !== undefined)
    throw new ConfigurationError('give certificate-identity or certificate-identity-regexp, not both', {
      input: 'certificate-identity-regexp',
    });
  if (pattern !== undefined && !(pattern.startsWith('^') && pattern.endsWith('$')))
    logger.warning(
      `certificate-identity-regexp "${pattern}" was anchored to ^…$ so that look-alike identities do not match`,
    );
  return identity !== undefined
    ? { identity, issuer }
    : { identityRegExp: anchoredRegExp(pattern ?? ''), issuer };
}
