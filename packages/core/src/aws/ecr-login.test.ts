import { describe, expect, it } from 'vitest';
import { CommandError, ConfigurationError } from '../action/errors.ts';
import { adviseStsError, awsEndpoint } from './ecr-login.ts';

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
      expect(error).toMatchObject({
        code: 'STS_ACCESS_DENIED',
        actual: 'sub "repo:acme/app:ref:refs/heads/main", aud "sts.amazonaws.com"',
      });
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
      expect(adviseStsError({ name, message: 'bad' }, token, role)).toMatchObject({
        code: 'STS_TOKEN_REJECTED',
      });
      expect(adviseStsError({ name, message: 'bad' }, token, role).message).toMatch(
        /Register the OIDC identity provider https:\/\/token.actions.githubusercontent.com in IAM of account 123456789012 with audience "sts.amazonaws.com"/,
      );
    },
  );

  it('expired tokens say to re-run', () => {
    expect(adviseStsError({ name: 'ExpiredTokenException', message: 'x' }, token, role)).toMatchObject({
      code: 'STS_TOKEN_EXPIRED',
    });
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
    // The core says what is wrong (AWS_UNREACHABLE); the action names its region input.
    expect(error).toMatchObject({ code: 'AWS_UNREACHABLE', input: undefined });
    expect(error.message).toContain('check the "aws-region" input');
  });

  it('anything else is a command error with the service and status', () => {
    const error = adviseStsError(
      { name: 'ServiceUnavailable', message: 'down', $metadata: { httpStatusCode: 503 } },
      token,
      role,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'COMMAND_FAILED', tool: 'AWS STS' });
    expect(error.message).toBe('AWS STS failed: ServiceUnavailable (HTTP 503): down');
  });
});

describe('awsEndpoint', () => {
  it('takes the service endpoint, else the general one, from the step environment, as the SDK does', () => {
    expect(awsEndpoint({}, 'STS', 'eu-west-1')).toEqual({ region: 'eu-west-1', endpoint: undefined });
    const env = { AWS_ENDPOINT_URL: 'http://all', AWS_ENDPOINT_URL_ECR: 'http://ecr' };
    expect(awsEndpoint(env, 'ECR', 'eu-west-1').endpoint).toBe('http://ecr');
    expect(awsEndpoint(env, 'STS', 'eu-west-1').endpoint).toBe('http://all');
    expect(awsEndpoint({ ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, 'ECR', 'x').endpoint).toBe(
      undefined,
    );
  });
});
