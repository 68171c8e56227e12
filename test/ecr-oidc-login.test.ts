// ecr-oidc-login, bundled, against a local STS/ECR that speaks the real wire protocols (and checks the
// SigV4 signatures), a stand-in for the runner's OIDC endpoint, and a real docker-registry whose htpasswd
// password is the ECR token. Real skopeo pushes with only the auth file the action wrote. The step's
// decisions and failure paths against the same stand-ins also run in process (runAction), at the end.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryState, runAction, runActionPost } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action } from '../actions/ecr-oidc-login/src/action.ts';
import {
  type AwsStandIn,
  awsEndpointEnv,
  type OidcStandIn,
  oidcRequestEnv,
  startAwsStandIn,
  startOidcStandIn,
} from './helpers/aws-server.ts';
import { writeSyntheticLayout } from './helpers/layout-fixture.ts';
import { type LocalRegistry, startRegistry } from './helpers/registry.ts';
import { type RunnerResult, runBundleAsync, stateEnv } from './helpers/runner.ts';

const ACCOUNT = '123456789012';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/publish`;
const ecrPassword = `ecr-${randomBytes(12).toString('hex')}`;
let registry: LocalRegistry;
let oidc: OidcStandIn;
let aws: AwsStandIn;
let layout: string;

beforeAll(async () => {
  oidc = await startOidcStandIn();
  registry = await startRegistry({ auth: { username: 'AWS', password: ecrPassword } });
  aws = await startAwsStandIn({
    oidcKey: oidc.publicKey,
    trust: { sub: 'repo:acme/hello:*', aud: 'sts.amazonaws.com' },
    registries: { [ACCOUNT]: { host: registry.host, password: ecrPassword } },
  });
  layout = (
    await writeSyntheticLayout(mkdtempSync(join(tmpdir(), 'ecr-layout-')), { platforms: ['linux/amd64'] })
  ).dir;
});
afterAll(async () => {
  await Promise.all([registry?.stop(), oidc?.stop(), aws?.stop()]);
});

function home(): { env: NodeJS.ProcessEnv; dockerConfig: string } {
  const dir = mkdtempSync(join(tmpdir(), 'home-'));
  mkdirSync(join(dir, '.docker'));
  const dockerConfig = join(dir, '.docker', 'config.json');
  writeFileSync(
    dockerConfig,
    JSON.stringify({
      auths: { 'other.example.com': { auth: Buffer.from('me:other-login').toString('base64') } },
    }),
    { mode: 0o600 },
  );
  return { env: { HOME: dir }, dockerConfig };
}

function run(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv,
  stand: AwsStandIn = aws,
  token: OidcStandIn = oidc,
): Promise<RunnerResult> {
  return runBundleAsync('ecr-oidc-login', entry, {
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'eu-west-1', ...inputs },
    env: {
      ...oidcRequestEnv(token),
      ...awsEndpointEnv(stand),
      GITHUB_REPOSITORY: 'acme/hello',
      GITHUB_RUN_ID: '42',
      ...env,
    },
  });
}

function skopeoPush(authFile: string, tag: string): boolean {
  try {
    execFileSync(
      'skopeo',
      [
        'copy',
        '--dest-tls-verify=false',
        '--authfile',
        authFile,
        `oci:${layout}`,
        `docker://${registry.host}/acme/hello:${tag}`,
      ],
      {
        stdio: 'pipe',
        env: { PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'nohome-')) },
      },
    );
    return true;
  } catch {
    return false;
  }
}

/** A pull request from a fork's token, and an account whose role trusts only acme/hello's. */
async function forkAndTrustingRole(): Promise<{ fork: OidcStandIn; trusting: AwsStandIn }> {
  const fork = await startOidcStandIn({ sub: 'repo:evil/fork:pull_request' });
  const trusting = await startAwsStandIn({
    oidcKey: fork.publicKey,
    trust: { sub: 'repo:acme/hello:*', aud: 'sts.amazonaws.com' },
    registries: {},
  });
  return { fork, trusting };
}

function leaks(r: RunnerResult, secrets: string[]): string[] {
  return `${r.stdout}\n${r.stderr}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::') && secrets.some((s) => s !== '' && line.includes(s)));
}

describe('ecr-oidc-login end to end', () => {
  it('logs in with no long-lived keys; skopeo pushes with only the written auth file; post removes exactly its entries', async () => {
    const h = home();
    const main = await run('main', {}, h.env);
    expect(main.status, main.stdout).toBe(0);
    expect(main.outputs.registry).toBe(registry.host);
    const authFile = main.outputs['auth-file'] ?? '';
    expect(main.exported.REGISTRY_AUTH_FILE).toBe(authFile);
    expect(statSync(authFile).mode & 0o777).toBe(0o600);
    expect(statSync(h.dockerConfig).mode & 0o777).toBe(0o600);
    const docker = JSON.parse(readFileSync(h.dockerConfig, 'utf8')) as {
      auths: Record<string, { auth: string }>;
    };
    expect(Object.keys(docker.auths).sort()).toEqual([registry.host, 'other.example.com'].sort());

    // The wire: the token went to STS, ECR calls were SigV4-signed with the session, including its token.
    const sts = aws.calls.find((c) => c.target === 'AssumeRoleWithWebIdentity');
    expect(sts?.fields).toMatchObject({
      RoleArn: ROLE,
      RoleSessionName: 'GitHubActions-acme-hello-42',
      DurationSeconds: '3600',
    });
    expect(oidc.issued).toContain(sts?.fields.WebIdentityToken);
    const ecr = aws.calls.find((c) => c.target === 'GetAuthorizationToken');
    expect(ecr?.signatureValid).toBe(true);
    expect(ecr?.signedHeaders?.split(';')).toEqual(
      expect.arrayContaining(['host', 'x-amz-date', 'x-amz-security-token', 'x-amz-target']),
    );
    expect(ecr?.fields).toEqual({ registryIds: [ACCOUNT] });

    // Nothing secret in the logs; each secret was masked the moment it existed.
    const session = aws.session;
    const secrets = [
      ecrPassword,
      session?.secretAccessKey ?? '',
      session?.sessionToken ?? '',
      oidc.requestToken,
      ...oidc.issued,
    ];
    expect(leaks(main, secrets)).toEqual([]);
    for (const s of [ecrPassword, session?.secretAccessKey, session?.sessionToken])
      expect(main.stdout).toContain(`::add-mask::${s}`);
    expect(main.state).not.toContain(ecrPassword);

    expect(skopeoPush(authFile, 'with-login')).toBe(true);
    expect(skopeoPush(join(mkdtempSync(join(tmpdir(), 'empty-')), 'auth.json'), 'without-login')).toBe(false);

    const post = await run('post', {}, { ...h.env, ...stateEnv(main) });
    expect(post.status).toBe(0);
    expect(post.stdout).not.toContain('::warning::');
    expect(JSON.parse(readFileSync(authFile, 'utf8')).auths).toEqual({});
    expect(Object.keys((JSON.parse(readFileSync(h.dockerConfig, 'utf8')) as typeof docker).auths)).toEqual([
      'other.example.com',
    ]);
    expect(skopeoPush(authFile, 'after-post')).toBe(false);
  });

  it('keep-login leaves the login in place after the post step', async () => {
    const h = home();
    const main = await run('main', { 'keep-login': 'true' }, h.env);
    expect(main.status).toBe(0);
    const post = await run('post', {}, { ...h.env, ...stateEnv(main) });
    expect(post.stdout).toContain('keep-login is true');
    expect(skopeoPush(main.outputs['auth-file'] ?? '', 'kept')).toBe(true);
  });

  it('exports the session as masked environment only when asked', async () => {
    const without = await run('main', {}, home().env);
    expect(without.exported.AWS_SECRET_ACCESS_KEY).toBeUndefined();
    const withCreds = await run('main', { 'export-aws-credentials': 'true' }, home().env);
    expect(withCreds.exported).toMatchObject({
      AWS_ACCESS_KEY_ID: aws.session?.accessKeyId,
      AWS_REGION: 'eu-west-1',
    });
    expect(withCreds.stdout).toContain(`::add-mask::${aws.session?.secretAccessKey}`);
  });

  it('STS throttling is retried by the SDK, then the login succeeds', async () => {
    const throttled = await startAwsStandIn({
      oidcKey: oidc.publicKey,
      trust: { sub: 'repo:acme/hello:*', aud: 'sts.amazonaws.com' },
      registries: { [ACCOUNT]: { host: registry.host, password: ecrPassword } },
      throttleSts: 1,
    });
    try {
      const r = await run('main', {}, home().env, throttled);
      expect(r.status, r.stdout).toBe(0);
      expect(throttled.calls.filter((c) => c.target === 'AssumeRoleWithWebIdentity')).toHaveLength(2);
    } finally {
      await throttled.stop();
    }
  });

  it('applies, then checks, the retention lifecycle policy', async () => {
    const applied = await run(
      'main',
      { 'lifecycle-policy': 'apply', 'lifecycle-repository': 'acme/hello', 'lifecycle-days': '14' },
      home().env,
    );
    expect(applied.status, applied.stdout).toBe(0);
    const policy = JSON.parse(aws.policies.get(`${ACCOUNT}/acme/hello`) ?? '{}') as {
      rules: { selection: { countNumber: number; tagStatus: string } }[];
    };
    expect(policy.rules.map((r) => r.selection.tagStatus)).toEqual(['tagged', 'untagged', 'tagged']);
    expect(policy.rules[1]?.selection.countNumber).toBe(14);
    const checked = await run(
      'main',
      { 'lifecycle-policy': 'check', 'lifecycle-repository': 'acme/hello', 'lifecycle-days': '14' },
      home().env,
    );
    expect(checked.summary).toContain('matches the retention rule (14 days)');
    const differs = await run(
      'main',
      { 'lifecycle-policy': 'check', 'lifecycle-repository': 'acme/hello', 'lifecycle-days': '30' },
      home().env,
    );
    expect(differs.stdout).toMatch(
      /::warning::lifecycle check: acme\/hello: has a different lifecycle policy/,
    );
  });
});

describe('ecr-oidc-login failures give advice', () => {
  it('without id-token: write, fails at once and says what to add', async () => {
    const r = await run(
      'main',
      {},
      { ...home().env, ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('::error::The job has no GitHub OIDC token');
    expect(r.stdout).toContain('id-token: write');
  });

  it('AccessDenied names the token claims and the trust-policy condition they must match', async () => {
    const { fork, trusting } = await forkAndTrustingRole();
    try {
      const r = await run('main', {}, home().env, trusting, fork);
      expect(r.status).toBe(1);
      const error = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
      expect(error).toContain(`refused to let this job assume ${ROLE}`);
      expect(error).toContain('sub "repo:evil/fork:pull_request"');
      expect(error).toContain('aud "sts.amazonaws.com"');
      expect(error).toContain('token.actions.githubusercontent.com:sub');
      expect(trusting.calls.map((c) => c.fields.WebIdentityToken)).toEqual([fork.issued[0]]);
    } finally {
      await Promise.all([fork.stop(), trusting.stop()]);
    }
  });

  it('a token the role does not trust (wrong signer) is InvalidIdentityToken advice', async () => {
    const stranger = await startOidcStandIn();
    const strict = await startAwsStandIn({
      oidcKey: oidc.publicKey,
      trust: { sub: '*', aud: 'sts.amazonaws.com' },
      registries: {},
    });
    try {
      const r = await run('main', {}, home().env, strict, stranger);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/::error::AWS STS rejected the job's token \(InvalidIdentityToken/);
    } finally {
      await Promise.all([stranger.stop(), strict.stop()]);
    }
  });

  it.each([
    [{ 'role-to-assume': 'arn:aws:iam::12345:role/x' }, /Input "role-to-assume" must be an IAM role ARN/],
    [{ 'role-to-assume': 'publish' }, /Input "role-to-assume" must be an IAM role ARN/],
    [{ 'aws-region': 'Europe' }, /Input "aws-region" must be an AWS region such as eu-west-1/],
    [{ registries: '12345' }, /Input "registries" "12345" is not a 12-digit AWS account id/],
    [
      { 'role-duration-seconds': '60' },
      /Input "role-duration-seconds" must be a whole number in 900\.\.43200; got 60/,
    ],
    [
      { 'lifecycle-policy': 'apply' },
      /Input "lifecycle-repository" is required when lifecycle-policy is "apply"/,
    ],
  ])('%j', async (bad, message) => {
    const r = await run('main', bad as Record<string, string>, home().env);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(message);
    expect(oidc.issued.length).toBeGreaterThan(0);
  });

  it('tag-immutability: check refuses a repository where sha-* can be overwritten; enforce makes ECR keep them write-once', async () => {
    const checked = await run(
      'main',
      { 'tag-immutability': 'check', 'lifecycle-repository': 'acme/immutable' },
      home().env,
    );
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(
      /::error::Input "tag-immutability": ECR repository acme\/immutable: MUTABLE lets sha-\*, nightly-\* tags be overwritten/,
    );
    const enforced = await run(
      'main',
      { 'tag-immutability': 'enforce', 'lifecycle-repository': 'acme/immutable' },
      home().env,
    );
    expect(enforced.status, enforced.stdout).toBe(0);
    expect(aws.mutability.get(`${ACCOUNT}/acme/immutable`)).toEqual({
      imageTagMutability: 'MUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [
        { filterType: 'WILDCARD', filter: 'sha-*' },
        { filterType: 'WILDCARD', filter: 'nightly-*' },
      ],
    });
    const again = await run(
      'main',
      { 'tag-immutability': 'check', 'lifecycle-repository': 'acme/immutable' },
      home().env,
    );
    expect(again.status, again.stdout).toBe(0);
    expect(again.summary).toContain('keeps sha-*, nightly-* write-once');
  });
});

describe('ecr-oidc-login in process (runAction), against the same stand-ins', () => {
  function stepEnv(stand: AwsStandIn = aws, token: OidcStandIn = oidc, ecr = stand): NodeJS.ProcessEnv {
    const dir = mkdtempSync(join(tmpdir(), 'ecr-in-process-'));
    return {
      HOME: dir,
      RUNNER_TEMP: dir,
      ...oidcRequestEnv(token),
      ...awsEndpointEnv(stand, ecr),
      GITHUB_REPOSITORY: 'acme/hello',
      GITHUB_RUN_ID: '7',
    };
  }
  const inputs = (more: Record<string, string> = {}) => ({
    'role-to-assume': ROLE,
    'aws-region': 'eu-west-1',
    ...more,
  });

  it('logs in: outputs, REGISTRY_AUTH_FILE, masked secrets, state without them; post removes the login', async () => {
    const env = stepEnv();
    const state = new MemoryState();
    const r = await runAction(action, { inputs: inputs(), env, state });
    expect(r.error).toBeUndefined();
    const authFile = join(env.RUNNER_TEMP ?? '', 'ecr-oidc-login', 'auth.json');
    expect(r.output).toEqual({ registry: registry.host, 'auth-file': authFile });
    expect([...r.exported.keys()]).toEqual(['REGISTRY_AUTH_FILE']);
    expect(r.exported.get('REGISTRY_AUTH_FILE')).toBe(authFile);
    expect(aws.calls.findLast((c) => c.target === 'AssumeRoleWithWebIdentity')?.fields).toMatchObject({
      RoleArn: ROLE,
      RoleSessionName: 'GitHubActions-acme-hello-7',
    });
    for (const secret of [ecrPassword, aws.session?.secretAccessKey, aws.session?.sessionToken])
      expect(r.logger.secrets).toContain(secret);
    expect([...state.values.values()].join('')).not.toContain(ecrPassword);
    expect(r.calls).toEqual([]);
    expect(r.summaries.join('')).toContain('removed by the post step');
    expect(skopeoPush(authFile, 'in-process')).toBe(true);

    const p = await runActionPost(action, { env, state });
    expect(p.error).toBeUndefined();
    expect(JSON.parse(readFileSync(authFile, 'utf8')).auths).toEqual({});
  });

  it('export-aws-credentials exports the session and the region', async () => {
    const r = await runAction(action, {
      inputs: inputs({ 'export-aws-credentials': 'true' }),
      env: stepEnv(),
    });
    expect(r.error).toBeUndefined();
    expect(Object.fromEntries(r.exported)).toMatchObject({
      AWS_ACCESS_KEY_ID: aws.session?.accessKeyId,
      AWS_SECRET_ACCESS_KEY: aws.session?.secretAccessKey,
      AWS_SESSION_TOKEN: aws.session?.sessionToken,
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
  });

  it("STS refusing the role (AccessDenied) is STS_ACCESS_DENIED with the token's claims; nothing is written", async () => {
    const { fork, trusting } = await forkAndTrustingRole();
    try {
      const r = await runAction(action, { inputs: inputs(), env: stepEnv(trusting, fork) });
      expect(r.code).toBe('STS_ACCESS_DENIED');
      expect(r.error).toMatchObject({ actual: 'sub "repo:evil/fork:pull_request", aud "sts.amazonaws.com"' });
      expect(r.output).toEqual({});
      expect(r.state.values.size).toBe(0);
    } finally {
      await Promise.all([fork.stop(), trusting.stop()]);
    }
  });

  it('a token from a provider the account does not know is STS_TOKEN_REJECTED', async () => {
    const stranger = await startOidcStandIn();
    try {
      const r = await runAction(action, {
        inputs: inputs({ audience: 'sts.amazonaws.com' }),
        env: stepEnv(aws, stranger),
      });
      expect(r.code).toBe('STS_TOKEN_REJECTED');
      expect(r.output).toEqual({});
    } finally {
      await stranger.stop();
    }
  });

  it('ECR refusing the session (another region answers) is AWS_SESSION_REJECTED naming aws-region', async () => {
    const elsewhere = await startAwsStandIn({
      oidcKey: oidc.publicKey,
      trust: { sub: '*', aud: 'sts.amazonaws.com' },
      registries: {},
    });
    try {
      const r = await runAction(action, { inputs: inputs(), env: stepEnv(aws, oidc, elsewhere) });
      expect(r.code).toBe('AWS_SESSION_REJECTED');
      expect(r.error).toMatchObject({ input: 'aws-region', actual: 'InvalidSignatureException' });
      expect(r.output).toEqual({});
    } finally {
      await elsewhere.stop();
    }
  });

  it('tag-immutability: check on a movable repository is TAGS_MUTABLE, after the login and its outputs', async () => {
    const r = await runAction(action, {
      inputs: inputs({ 'tag-immutability': 'check', 'lifecycle-repository': 'acme/in-process' }),
      env: stepEnv(),
    });
    expect(r.code).toBe('TAGS_MUTABLE');
    expect(r.error).toMatchObject({
      input: 'tag-immutability',
      expected: 'sha-*, nightly-* write-once',
      actual: 'acme/in-process: MUTABLE',
    });
    expect(r.output.registry).toBe(registry.host);
    expect(r.state.values.size).toBe(1);
  });

  it('lifecycle-policy: check warns of a repository without the retention rule; apply sets it', async () => {
    const repo = { 'lifecycle-repository': 'acme/lifecycle-in-process' };
    const checked = await runAction(action, {
      inputs: inputs({ 'lifecycle-policy': 'check', ...repo }),
      env: stepEnv(),
    });
    expect(checked.error).toBeUndefined();
    expect(checked.logger.messages('warning')).toHaveLength(1);
    expect(aws.policies.has(`${ACCOUNT}/acme/lifecycle-in-process`)).toBe(false);
    const applied = await runAction(action, {
      inputs: inputs({ 'lifecycle-policy': 'apply', ...repo }),
      env: stepEnv(),
    });
    expect(applied.error).toBeUndefined();
    expect(aws.policies.has(`${ACCOUNT}/acme/lifecycle-in-process`)).toBe(true);
    expect(applied.summaries.join('')).toContain('retention rule applied (30 days)');
  });
});
