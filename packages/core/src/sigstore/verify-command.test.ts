import { describe, expect, it } from 'vitest';
import { ImageReference } from '../oci/image-reference.ts';
import { anchoredLiteral, cosignVerifyCommand, shellQuote } from './verify-command.ts';

describe('cosign verify command', () => {
  it('anchors the identity as a literal and quotes for the shell', () => {
    const identity = 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main';
    const pattern = anchoredLiteral(identity);
    expect(new RegExp(pattern).test(identity)).toBe(true);
    expect(new RegExp(pattern).test(`${identity}x`)).toBe(false);
    expect(new RegExp(pattern).test(identity.replace('.github', 'Xgithub'))).toBe(false);
    const ref = ImageReference.parse(`ghcr.io/acme/app@sha256:${'a'.repeat(64)}`);
    expect(
      cosignVerifyCommand(ref, { identity, issuer: 'https://token.actions.githubusercontent.com' }),
    ).toBe(
      `cosign verify --certificate-identity-regexp='^https://github\\.com/acme/app/\\.github/workflows/publish\\.yml@refs/heads/main$' --certificate-oidc-issuer=https://token.actions.githubusercontent.com ghcr.io/acme/app@sha256:${'a'.repeat(64)}`,
    );
    expect(cosignVerifyCommand(ref, { publicKeyFile: 'my key.pub' })).toMatch(
      /^cosign verify --key='my key.pub' /,
    );
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
