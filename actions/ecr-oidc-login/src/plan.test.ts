import { describe, expect, it } from 'vitest';
import { accountOfRole, defaultSessionName, KEPT_TAG_PATTERNS, retentionPolicy, samePolicy } from './plan.ts';

describe('ecr-oidc-login plan', () => {
  it('names the session after the repository and run, within what STS accepts', () => {
    expect(defaultSessionName({ GITHUB_REPOSITORY: 'acme/hello', GITHUB_RUN_ID: '42' })).toBe(
      'GitHubActions-acme-hello-42',
    );
    expect(defaultSessionName({})).toBe('GitHubActions');
    const long = defaultSessionName({ GITHUB_REPOSITORY: `acme/${'x'.repeat(100)}`, GITHUB_RUN_ID: '1' });
    expect(long.length).toBe(64);
    expect(defaultSessionName({ GITHUB_REPOSITORY: 'a/b c', GITHUB_RUN_ID: '1' })).toMatch(/^[\w+=,.@-]+$/);
  });

  it('takes the default registry from the role ARN', () => {
    expect(accountOfRole('arn:aws:iam::123456789012:role/publish')).toBe('123456789012');
    expect(accountOfRole('arn:aws-us-gov:iam::210987654321:role/path/r')).toBe('210987654321');
  });

  it('retention: keeps latest/nightly/release tags first, expires untagged and sha-* after N days', () => {
    const policy = JSON.parse(retentionPolicy(30)) as {
      rules: { rulePriority: number; selection: Record<string, unknown> }[];
    };
    expect(policy.rules.map((r) => r.rulePriority)).toEqual([1, 2, 3]);
    expect(policy.rules[0]?.selection).toMatchObject({
      tagPatternList: KEPT_TAG_PATTERNS,
      countType: 'imageCountMoreThan',
    });
    expect(policy.rules[1]?.selection).toMatchObject({
      tagStatus: 'untagged',
      countNumber: 30,
      countUnit: 'days',
    });
    expect(policy.rules[2]?.selection).toMatchObject({ tagPatternList: ['sha-*'], countNumber: 30 });
  });

  it('compares policies by content', () => {
    const a = retentionPolicy(30);
    const reordered = JSON.stringify(JSON.parse(a), null, 2).replace(
      '"rulePriority": 1,',
      '"rulePriority": 1 ,',
    );
    expect(samePolicy(reordered, a)).toBe(true);
    expect(samePolicy(retentionPolicy(7), a)).toBe(false);
    expect(samePolicy(undefined, a)).toBe(false);
    expect(samePolicy('{not json', a)).toBe(false);
  });
});
