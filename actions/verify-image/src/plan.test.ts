import { generateKeyPairSync } from 'node:crypto';
import { ConfigurationError } from '@chain/core';
import { testDeps } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { thrownAs } from '../../../test/helpers/errors.ts';
import { action } from './action.ts';

const IMAGE = `ghcr.io/acme/app@sha256:${'a'.repeat(64)}`;
const GITHUB = 'https://token.actions.githubusercontent.com';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main';
const PUBLIC_KEY = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  .publicKey.export({ format: 'pem', type: 'spki' })
  .toString();

const planOf = (inputs: Record<string, string>) =>
  action.planFor(testDeps({ inputs: { image: IMAGE, ...inputs }, workspace: '/tmp' }));

const refusal = (inputs: Record<string, string>) => thrownAs(ConfigurationError, () => planOf(inputs));

describe('verify-image plan: the expected signer', () => {
  it('an exact identity and issuer, bound to the source repository and ref: no warning', () => {
    const p = planOf({
      'certificate-identity': IDENTITY,
      'certificate-oidc-issuer': GITHUB,
      'certificate-source-repository': 'https://github.com/acme/app',
      'certificate-source-ref': 'refs/heads/main',
    });
    expect(p.policy).toEqual({
      identity: IDENTITY,
      issuer: GITHUB,
      sourceRepository: 'https://github.com/acme/app',
      sourceRef: 'refs/heads/main',
    });
    expect(p.warnings).toEqual([]);
  });

  it('what the signer inputs leave open is kept as warnings for run to log', () => {
    const p = planOf({
      'certificate-identity-regexp': 'https://github\\.com/acme/.*',
      'certificate-oidc-issuer': GITHUB,
    });
    expect(p.policy.identityRegExp?.test(IDENTITY)).toBe(true);
    expect(p.policy.identityRegExp?.test(`https://evil.example/?${IDENTITY}`)).toBe(false);
    expect(p.warnings).toHaveLength(2);
    expect(p.warnings.join('\n')).toMatch(/anchored to \^…\$/);
    expect(p.warnings.join('\n')).toMatch(/certificate-source-repository is not set/);
  });

  it('a public key instead of an identity', () => {
    const p = planOf({ 'public-key': PUBLIC_KEY });
    expect(p.policy).toEqual({ publicKey: PUBLIC_KEY });
    expect(p.warnings).toEqual([]);
  });

  it.each([
    [{}, 'certificate-identity'],
    [{ 'certificate-oidc-issuer': GITHUB }, 'certificate-identity'],
    [{ 'certificate-identity': IDENTITY }, 'certificate-oidc-issuer'],
    [
      {
        'certificate-identity': IDENTITY,
        'certificate-identity-regexp': '.*',
        'certificate-oidc-issuer': GITHUB,
      },
      'certificate-identity-regexp',
    ],
    [
      { 'public-key': PUBLIC_KEY, 'certificate-source-repository': 'https://github.com/acme/app' },
      'certificate-source-repository',
    ],
    [{ 'public-key': PUBLIC_KEY, 'certificate-source-ref': 'refs/heads/main' }, 'certificate-source-ref'],
  ])('refuses %j naming %s', (inputs, input) => {
    expect(refusal(inputs).input).toBe(input);
  });
});

describe('verify-image plan: what is required', () => {
  const signer = { 'certificate-identity': IDENTITY, 'certificate-oidc-issuer': 'https://issuer.example' };
  it.each([
    [{}, ['provenance', 'sbom', 'vuln']],
    [{ require: 'vuln' }, ['vuln']],
    [{ require: 'none' }, []],
  ])('require %j → %j', (inputs, links) => {
    expect(planOf({ ...signer, ...inputs }).require).toEqual(links);
  });

  it('the image as given (a tag is resolved at run time) and the registry options', () => {
    const p = planOf({ ...signer, image: 'ghcr.io/acme/app:latest', 'tls-verify': 'false' });
    expect(p.image.toString()).toBe('ghcr.io/acme/app:latest');
    expect(p.registry).toEqual({ authFile: undefined, tlsVerify: false });
    expect(p.trustedRoot).toBeUndefined();
  });
});
