import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../action/oidc-token.ts';
import {
  addLogin,
  authValue,
  DOCKER_HUB_CONFIG_KEY,
  loginFiles,
  loginKey,
  parseLoginRecord,
  removeLogin,
} from './registry-login-file.ts';

const file = () => join(mkdtempSync(join(tmpdir(), 'login-')), 'nested', 'config.json');
const read = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & {
    auths: Record<string, { auth: string }>;
  };

describe('registry login files', () => {
  it('creates a 0600 file in a new directory and merges with what is there', async () => {
    const path = file();
    await addLogin(path, 'a.example', 'u', 'p1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(path, JSON.stringify({ ...read(path), credHelpers: { 'gcr.io': 'gcloud' } }));
    const added = await addLogin(path, 'b.example', 'AWS', 'p2');
    expect(added).toMatchObject({ registry: 'b.example', replaced: false });
    expect(read(path)).toEqual({
      auths: { 'a.example': { auth: authValue('u', 'p1') }, 'b.example': { auth: authValue('AWS', 'p2') } },
      credHelpers: { 'gcr.io': 'gcloud' },
    });
    expect(JSON.stringify(added)).not.toContain('p2');
  });

  it('removes exactly the entry it added, and only while it is unchanged', async () => {
    const path = file();
    await addLogin(path, 'other.example', 'me', 'keep');
    const ours = await addLogin(path, 'ecr.example', 'AWS', 'token-1');
    expect(await removeLogin(ours)).toBe('removed');
    expect(Object.keys(read(path).auths)).toEqual(['other.example']);
    expect(await removeLogin(ours)).toBe('missing');

    const again = await addLogin(path, 'ecr.example', 'AWS', 'token-1');
    await addLogin(path, 'ecr.example', 'AWS', 'token-2-from-a-later-step');
    expect(await removeLogin(again)).toBe('changed');
    expect(read(path).auths['ecr.example']?.auth).toBe(authValue('AWS', 'token-2-from-a-later-step'));
  });

  it('reports a replaced login and refuses to overwrite a file that is not JSON', async () => {
    const path = file();
    await addLogin(path, 'ecr.example', 'AWS', 'old');
    expect((await addLogin(path, 'ecr.example', 'AWS', 'new')).replaced).toBe(true);
    writeFileSync(path, 'garbage');
    await expect(addLogin(path, 'x', 'u', 'p')).rejects.toMatchObject({
      code: 'CREDENTIALS_INVALID',
      reason: 'FILE_NOT_JSON',
      actual: path,
    });
    expect(readFileSync(path, 'utf8')).toBe('garbage');
  });

  it('puts back the login it replaced when it is removed; the replaced secret is never in its record', async () => {
    const path = file();
    await addLogin(path, 'ecr.example', 'someone-else', 'their-own-password');
    const before = read(path).auths['ecr.example'];
    const ours = await addLogin(path, 'ecr.example', 'AWS', 'token-1');
    expect(ours.replaced).toBe(true);
    expect(JSON.stringify(ours)).not.toContain(before?.auth ?? 'never');
    expect(statSync(ours.backup ?? '').mode & 0o777).toBe(0o600);
    expect(read(path).auths['ecr.example']?.auth).toBe(authValue('AWS', 'token-1'));
    expect(await removeLogin(ours)).toBe('restored');
    expect(read(path).auths['ecr.example']).toEqual(before);
    expect(() => statSync(ours.backup ?? '')).toThrow(); // the kept copy is gone
  });

  it('writes Docker config and a containers auth.json, exporting a variable only for a path it chose', () => {
    expect(loginFiles({ HOME: '/h', RUNNER_TEMP: '/t' }, 'ecr-oidc-login')).toEqual({
      dockerConfig: '/h/.docker/config.json',
      authFile: '/t/ecr-oidc-login/auth.json',
      exportAuthFile: true,
      exportDockerConfig: false,
    });
    expect(loginFiles({ DOCKER_CONFIG: '/d', REGISTRY_AUTH_FILE: '/a.json' }, 'x')).toEqual({
      dockerConfig: '/d/config.json',
      authFile: '/a.json',
      exportAuthFile: false,
      exportDockerConfig: false,
    });
    expect(
      loginFiles({ REGISTRY_AUTH_FILE: '/a.json' }, 'x', { authFile: '/b.json', dockerConfigDir: '/c' }),
    ).toEqual({
      dockerConfig: '/c/config.json',
      authFile: '/b.json',
      exportAuthFile: true,
      exportDockerConfig: true,
    });
  });

  it('keys Docker Hub as each tool expects it, every other registry by its host', () => {
    expect(loginKey('docker.io', 'docker')).toBe(DOCKER_HUB_CONFIG_KEY);
    expect(loginKey('docker.io', 'containers')).toBe('docker.io');
    expect(loginKey('ghcr.io', 'docker')).toBe('ghcr.io');
    expect(loginKey('127.0.0.1:5000', 'containers')).toBe('127.0.0.1:5000');
  });

  it('two processes logging in to one file at once both keep their entry (the file is locked)', async () => {
    const path = file();
    await Promise.all(Array.from({ length: 12 }, (_, i) => addLogin(path, `r${i}.example`, 'u', `p${i}`)));
    expect(Object.keys(read(path).auths).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `r${i}.example`).sort(),
    );
  });

  it('a stale lock (a login that died) is taken over by exactly one of the racing logins', async () => {
    for (let round = 0; round < 8; round++) {
      const path = file();
      await addLogin(path, 'first.example', 'u', 'p'); // creates the directory
      writeFileSync(`${path}.lock`, '4242:dead-login');
      utimesSync(`${path}.lock`, new Date('2020-01-01'), new Date('2020-01-01'));
      await Promise.all(Array.from({ length: 12 }, (_, i) => addLogin(path, `r${i}.example`, 'u', `p${i}`)));
      expect(Object.keys(read(path).auths)).toHaveLength(13);
      expect(existsSync(`${path}.lock`)).toBe(false);
    }
  });

  it('logins that replace each other and are removed in any order put back the original', async () => {
    for (const order of [
      ['first', 'second'],
      ['second', 'first'],
    ] as const) {
      const path = file();
      await addLogin(path, 'reg.example', 'owner', 'ORIGINAL');
      const first = await addLogin(path, 'reg.example', 'job1', 'JOB1-PAT');
      const second = await addLogin(path, 'reg.example', 'job2', 'JOB2-PAT');
      const logins = { first, second };
      for (const which of order) await removeLogin(logins[which]);
      expect(read(path).auths['reg.example']?.auth).toBe(authValue('owner', 'ORIGINAL'));
      expect(existsSync(`${path}.retired-logins`)).toBe(false);
    }
  });

  it('writes through a symbolic link to the credentials file, as docker does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'login-link-'));
    const real = join(dir, 'real-config.json');
    writeFileSync(real, JSON.stringify({ auths: {} }), { mode: 0o600 });
    const link = join(dir, 'config.json');
    symlinkSync(real, link);
    const added = await addLogin(link, 'reg.example', 'u', 'p');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(Object.keys(read(real).auths)).toEqual(['reg.example']);
    expect(await removeLogin(added)).toBe('removed');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(read(real).auths).toEqual({});
  });

  it('refuses a malformed post-step record', () => {
    const parse = parseLoginRecord('registry-login');
    expect(() => parse({ keep: false, logins: [{ file: '/f', registry: 'r', fingerprint: 'x' }] })).toThrow(
      /malformed login entry/,
    );
    expect(() => parse(null)).toThrow(/malformed/);
    expect(parse({ keep: true, logins: [] })).toEqual({ keep: true, logins: [] });
  });

  it('decodes JWT claims for messages, tolerating garbage', () => {
    const jwt = `e30.${Buffer.from('{"sub":"repo:a/b:ref:refs/heads/main","aud":"sts.amazonaws.com"}').toString('base64url')}.sig`;
    expect(decodeJwtClaims(jwt)).toEqual({ sub: 'repo:a/b:ref:refs/heads/main', aud: 'sts.amazonaws.com' });
    expect(decodeJwtClaims('not-a-jwt')).toEqual({});
  });
});
