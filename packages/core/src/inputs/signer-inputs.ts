import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigurationError, InvalidValueError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';
import { anchoredRegExp, type SignerPolicy } from '../sigstore/signer-policy.ts';
import { field, type InputContext, inputs, parsePath } from './input-spec.ts';

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

/** The GitHub OIDC issuer: its workflow identities are shared by every caller of a reusable workflow. */
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/** The signer inputs every verifying action reads (cosign's flags, same names). */
export const signerInputs = {
  publicKey: () => field<string>('public key', parsePublicKey),
  /** Fulcio's Source Repository URI form: the repository's URL, e.g. https://github.com/acme/app. */
  sourceRepository: () =>
    inputs.string({
      pattern: /^https:\/\/[^/\s]+\/[^/\s]+\/[^/\s]+$/,
      accepted: 'the repository URL as Fulcio certifies it, e.g. https://github.com/acme/app',
    }),
  sourceRef: () => inputs.string({ pattern: /^refs\/\S+$/, accepted: 'a git ref, e.g. refs/heads/main' }),
};

/** The signer part of a verifying action's inputs, declared once so that every verifier reads the same. */
export const signerSpec = {
  'certificate-identity': inputs.string().optional(),
  'certificate-identity-regexp': inputs.string().optional(),
  'certificate-oidc-issuer': inputs.string().optional(),
  'certificate-source-repository': signerInputs.sourceRepository().optional(),
  'certificate-source-ref': signerInputs.sourceRef().optional(),
  'public-key': signerInputs.publicKey().optional(),
} as const;

export interface SignerPolicyInputs {
  'certificate-identity'?: string | undefined;
  'certificate-identity-regexp'?: string | undefined;
  'certificate-oidc-issuer'?: string | undefined;
  'certificate-source-repository'?: string | undefined;
  'certificate-source-ref'?: string | undefined;
  'public-key'?: string | undefined;
}

/**
 * The signer policy from cosign-style inputs: a public key, or an identity (exact, or a regexp anchored
 * to ^…$ with a warning when it was not), the OIDC issuer and optionally the source repository and ref
 * the certificate must name. Neither key nor identity is a configuration error naming the inputs; `why`
 * says what needs it.
 */
export function signerPolicyFromInputs(
  values: SignerPolicyInputs,
  logger: Logger,
  why: string,
): SignerPolicy {
  const source = {
    ...(values['certificate-source-repository'] === undefined
      ? {}
      : { sourceRepository: values['certificate-source-repository'] }),
    ...(values['certificate-source-ref'] === undefined
      ? {}
      : { sourceRef: values['certificate-source-ref'] }),
  };
  if (values['public-key'] !== undefined) {
    const given = Object.keys(source).length > 0;
    if (given)
      throw new ConfigurationError(
        'certificate-source-repository and certificate-source-ref bind a keyless certificate; a public-key signature has none',
        {
          input: values['certificate-source-repository']
            ? 'certificate-source-repository'
            : 'certificate-source-ref',
        },
      );
    return { publicKey: values['public-key'] };
  }
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
  if (issuer === GITHUB_ACTIONS_ISSUER && source.sourceRepository === undefined)
    logger.warning(
      'certificate-source-repository is not set: a signature by this workflow identity from ANY repository ' +
        '(every caller of a reusable workflow signs as it) is accepted; set it, e.g. https://github.com/acme/app',
    );
  return identity !== undefined
    ? { identity, issuer, ...source }
    : { identityRegExp: anchoredRegExp(pattern ?? ''), issuer, ...source };
}
