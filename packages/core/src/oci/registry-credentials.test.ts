import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { ScriptedToolRunner } from '../testing/scripted-runner.ts';
import { CredentialStore, credentialFiles } from './registry-credentials.ts';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy.ts';
import { parseChallenge } from './www-authenticate.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function file(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'creds-')), 'config.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('credentialFiles', () => {
  it('follows skopeo/docker precedence; an explicit file replaces all', () => {
    expect(
      credentialFiles({
        REGISTRY_AUTH_FILE: '/a.json',
        XDG_RUNTIME_DIR: '/run/u',
        DOCKER_CONFIG: '/d',
        HOME: '/h',
      }),
    ).toEqual(['/a.json', '/run/u/containers/auth.json', '/d/config.json']);
    expect(credentialFiles({ HOME: '/h' })).toEqual(['/h/.docker/config.json']);
    expect(credentialFiles({ REGISTRY_AUTH_FILE: '/a.json' }, '/explicit.json')).toEqual(['/explicit.json']);
  });
});

describe('CredentialStore', () => {
  it('reads auths, normalising Docker Hub keys, and masks the secret', async () => {
    const logger = new MemoryLogger();
    const store = new CredentialStore({
      env: {},
      runner: new ScriptedToolRunner([]),
      logger,
      authFile: file({ auths: { 'https://index.docker.io/v1/': { auth: b64('bob:hub-secret') } } }),
    });
    expect(await store.lookup('docker.io')).toMatchObject({ username: 'bob', password: 'hub-secret' });
    expect(logger.secrets.has('hub-secret')).toBe(true);
    expect(logger.secrets.has(b64('bob:hub-secret'))).toBe(true);
  });

  it('prefers the most specific namespace entry of a containers auth.json', async () => {
    const store = new CredentialStore({
      env: {},
      runner: new ScriptedToolRunner([]),
      logger: new MemoryLogger(),
      authFile: file({
        auths: { 'ghcr.io': { auth: b64('org:generic') }, 'ghcr.io/team': { auth: b64('team:specific') } },
      }),
    });
    expect((await store.lookup('ghcr.io', 'team/app'))?.password).toBe('specific');
    expect((await store.lookup('ghcr.io', 'other/app'))?.password).toBe('generic');
  });

  it('runs the per-registry credential helper with the host on stdin', async () => {
    const runner = new ScriptedToolRunner([
      {
        command: 'docker-credential-ecr-login',
        argsPrefix: ['get'],
        result: { stdout: '{"Username":"AWS","Secret":"ecr-token-xyz"}' },
      },
    ]);
    const logger = new MemoryLogger();
    const store = new CredentialStore({
      env: {},
      runner,
      logger,
      authFile: file({
        credHelpers: { '123456789012.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' },
        auths: {},
      }),
    });
    expect(await store.lookup('123456789012.dkr.ecr.eu-west-1.amazonaws.com')).toMatchObject({
      username: 'AWS',
      password: 'ecr-token-xyz',
    });
    expect(runner.calls[0]?.stdin).toBe('123456789012.dkr.ecr.eu-west-1.amazonaws.com');
    expect(logger.secrets.has('ecr-token-xyz')).toBe(true);
    runner.assertDone();
  });

  it('falls back to credsStore, and to the next file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docker-'));
    mkdirSync(join(dir, 'cfg'));
    writeFileSync(join(dir, 'cfg', 'config.json'), JSON.stringify({ credsStore: 'pass' }));
    const runner = new ScriptedToolRunner([
      { command: 'docker-credential-pass', result: { stdout: '{"Username":"u","Secret":"s"}' } },
    ]);
    const store = new CredentialStore({
      env: { REGISTRY_AUTH_FILE: join(dir, 'none.json'), DOCKER_CONFIG: join(dir, 'cfg') },
      runner,
      logger: new MemoryLogger(),
    });
    expect(await store.lookup('quay.io')).toMatchObject({ username: 'u', source: 'docker-credential-pass' });
  });

  it('returns nothing when no file knows the registry, and refuses unreadable JSON', async () => {
    const store = new CredentialStore({
      env: {},
      runner: new ScriptedToolRunner([]),
      logger: new MemoryLogger(),
      authFile: file({ auths: {} }),
    });
    expect(await store.lookup('ghcr.io')).toBeUndefined();
    const path = join(mkdtempSync(join(tmpdir(), 'bad-')), 'auth.json');
    writeFileSync(path, '{nope');
    const bad = new CredentialStore({
      env: {},
      runner: new ScriptedToolRunner([]),
      logger: new MemoryLogger(),
      authFile: path,
    });
    await expect(bad.lookup('ghcr.io')).rejects.toMatchObject({
      code: 'CREDENTIALS_INVALID',
      reason: 'FILE_NOT_JSON',
      actual: path,
    });
  });
});

describe('WWW-Authenticate and retry policy', () => {
  it('parses bearer and basic challenges', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/alpine:pull',
      },
    });
    expect(parseChallenge('Basic realm="test-registry"')).toEqual({
      scheme: 'basic',
      params: { realm: 'test-registry' },
    });
    expect(parseChallenge(undefined)).toBeUndefined();
  });

  it('retries only 429 and 5xx', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped, and lets Retry-After lengthen the wait', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000, deadlineMs: 1e9 };
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(policy, a, undefined, () => 1))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(backoffDelay(policy, 1, undefined, () => 0)).toBe(50);
    expect(backoffDelay(policy, 1, 600, () => 0)).toBe(600);
    expect(backoffDelay(policy, 1, 60_000, () => 0)).toBe(1000);
  });
});
