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
  it('binds the repository the certificate was issued for (cosign compares the GitHub owner/repo extension)', () => {
    const ref = ImageReference.parse(`ghcr.io/acme/app@sha256:${'a'.repeat(64)}`);
    const line = cosignVerifyCommand(ref, {
      identity: 'https://github.com/acme/chain/.github/workflows/docker-publish.yml@refs/heads/main',
      issuer: 'https://token.actions.githubusercontent.com',
      sourceRepository: 'https://github.com/acme/app',
    });
    expect(line).toContain(' --certificate-github-workflow-repository=acme/app ');
    expect(() =>
      cosignVerifyCommand(ref, { identity: 'i', issuer: 'i', sourceRepository: 'https://gitlab.com/a/b/c' }),
    ).toThrow(/not a repository URL/);
  });
});
