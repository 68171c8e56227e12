import { describe, expect, it } from 'vitest';
import { CommandError, ConfigurationError } from '../action/errors.ts';
import { adviseStsError } from './ecr-login.ts';

const token = {
  value: 'x.y.z',
  claims: { sub: 'repo:acme/app:ref:refs/heads/main', aud: 'sts.amazonaws.com' },
};
const role = 'arn:aws:iam::123456789012:role/publish';

describe('adviseStsError', () => {
  it.each(['AccessDenied', 'AccessDeniedException'])(
    '%s: names the claims and the trust condition',
    (name) => {
      const error = adviseStsError({ name, message: 'Not authorized' }, token, role);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toContain('sub "repo:acme/app:ref:refs/heads/main" and aud "sts.amazonaws.com"');
      expect(error.message).toContain('"token.actions.githubusercontent.com:sub": "repo:acme/app:*"');
      expect(error.message).toContain(
        'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
      );
    },
  );

  it.each(['InvalidIdentityToken', 'InvalidIdentityTokenException', 'IDPRejectedClaimException'])(
    '%s: register the provider',
    (name) => {
      expect(adviseStsError({ name, message: 'bad' }, token, role).message).toMatch(
        /Register the OIDC identity provider https:\/\/token.actions.githubusercontent.com in IAM of account 123456789012 with audience "sts.amazonaws.com"/,
      );
    },
  );

  it('expired tokens say to re-run', () => {
    expect(
      adviseStsError({ name: 'ExpiredTokenException', message: 'expired' }, token, role).message,
    ).toMatch(/has expired .* re-run the job/);
  });

  it('an unreachable endpoint points at the region', () => {
    const error = adviseStsError(
      { name: 'Error', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND sts.xx-nowhere-1.amazonaws.com' },
      token,
      role,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('check the "aws-region" input');
  });

  it('anything else is a command error with the service and status', () => {
    const error = adviseStsError(
      { name: 'ServiceUnavailable', message: 'down', $metadata: { httpStatusCode: 503 } },
      token,
      role,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect(error.message).toBe('AWS STS failed: ServiceUnavailable (HTTP 503): down');
  });
});
