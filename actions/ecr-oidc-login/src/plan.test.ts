import { ConfigurationError, ID_TOKEN_PERMISSION_FIX, mapInputSource, readInputs } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { spec } from './inputs.ts';
import {
  accountOfRole,
  defaultSessionName,
  KEPT_TAG_PATTERNS,
  plan,
  retentionPolicy,
  samePolicy,
} from './plan.ts';

const ROLE = 'arn:aws:iam::123456789012:role/publish';
const JOB = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/req',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'bearer',
  GITHUB_REPOSITORY: 'acme/hello',
  GITHUB_RUN_ID: '42',
  RUNNER_TEMP: '/runner/temp',
  HOME: '/home/runner',
};

function planOf(inputs: Record<string, string>, env: NodeJS.ProcessEnv = JOB) {
  const values = readInputs(
    spec,
    mapInputSource({ 'role-to-assume': ROLE, 'aws-region': 'eu-west-1', ...inputs }),
    { workspace: '/ws' },
  );
  return plan(values, { env, workspace: '/ws', now: new Date(0) });
}

function refusal(run: () => unknown): Pick<ConfigurationError, 'code' | 'input' | 'message'> | undefined {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return { code: error.code, input: error.input, message: error.message };
  }
  return undefined;
}

describe('ecr-oidc-login plan', () => {
  it("by default: the role's own registry, a session named after the run, the step's login files, nothing else", () => {
    expect(planOf({})).toEqual({
      roleArn: ROLE,
      region: 'eu-west-1',
      audience: 'sts.amazonaws.com',
      sessionName: 'GitHubActions-acme-hello-42',
      durationSeconds: 3600,
      sessionPolicy: undefined,
      registryIds: ['123456789012'],
      account: '123456789012',
      files: {
        dockerConfig: '/home/runner/.docker/config.json',
        authFile: '/runner/temp/ecr-oidc-login/auth.json',
        exportAuthFile: true,
        exportDockerConfig: false,
      },
      exportCredentials: false,
      keep: false,
      lifecycle: undefined,
      immutability: undefined,
    });
  });

  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    [
      'registries given: those, the first one holds the repository',
      { registries: '210987654321, 123456789012' },
      { registryIds: ['210987654321', '123456789012'], account: '210987654321' },
    ],
    ['a session name given', { 'role-session-name': 'release' }, { sessionName: 'release' }],
    [
      'export and keep',
      { 'export-aws-credentials': 'true', 'keep-login': 'true' },
      { exportCredentials: true, keep: true },
    ],
    [
      'lifecycle check',
      { 'lifecycle-policy': 'check', 'lifecycle-repository': 'acme/hello', 'lifecycle-days': '14' },
      { lifecycle: { mode: 'check', repository: 'acme/hello', days: 14, policy: retentionPolicy(14) } },
    ],
    [
      'tag immutability enforced for the default patterns',
      { 'tag-immutability': 'enforce', 'lifecycle-repository': 'acme/hello' },
      {
        immutability: { mode: 'enforce', repository: 'acme/hello', patterns: ['sha-*', 'nightly-*'] },
        lifecycle: undefined,
      },
    ],
  ])('%s', (_, inputs, expected) => {
    expect(planOf(inputs)).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>, NodeJS.ProcessEnv, { code: string; input: string }]>([
    [
      'tag-immutability without a repository',
      { 'tag-immutability': 'check' },
      JOB,
      { code: 'INPUT_REQUIRED', input: 'lifecycle-repository' },
    ],
    [
      'lifecycle-policy without a repository',
      { 'lifecycle-policy': 'apply' },
      JOB,
      { code: 'INPUT_REQUIRED', input: 'lifecycle-repository' },
    ],
    [
      'no id-token: write (no token request URL)',
      {},
      { ...JOB, ACTIONS_ID_TOKEN_REQUEST_URL: '' },
      { code: 'ENVIRONMENT', input: 'ACTIONS_ID_TOKEN_REQUEST_URL' },
    ],
    [
      'no id-token: write (no request bearer)',
      {},
      { ...JOB, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
      { code: 'ENVIRONMENT', input: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN' },
    ],
  ])('refuses %s', (_, inputs, env, expected) => {
    expect(refusal(() => planOf(inputs, env))).toMatchObject(expected);
  });

  it('says the permission to add when the job has no OIDC token, after the input checks', () => {
    const noToken = { ...JOB, ACTIONS_ID_TOKEN_REQUEST_URL: undefined };
    expect(refusal(() => planOf({}, noToken))?.message).toBe(ID_TOKEN_PERMISSION_FIX);
    expect(refusal(() => planOf({ 'lifecycle-policy': 'check' }, noToken))?.input).toBe(
      'lifecycle-repository',
    );
  });

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
