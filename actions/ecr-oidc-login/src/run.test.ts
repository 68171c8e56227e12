// ecr-oidc-login in process: what fails before AWS is asked (no network here), and the post step's clean-up
// from the state main leaves. The login itself, against the STS/ECR stand-in on 127.0.0.1, is in
// test/ecr-oidc-login.test.ts (in process there too).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addLogin, loginKey } from '@chain/core';
import { MemoryState, runAction, runActionPost } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { action } from './action.ts';
import { loginState } from './run.ts';

const ROLE = 'arn:aws:iam::123456789012:role/publish';

function job(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'ecr-oidc-login-run-'));
  return {
    RUNNER_TEMP: dir,
    HOME: dir,
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/never-asked',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'bearer-never-sent',
  };
}

const inputs = (more: Record<string, string> = {}) => ({
  'role-to-assume': ROLE,
  'aws-region': 'eu-west-1',
  ...more,
});

describe('ecr-oidc-login, in process', () => {
  it('without id-token: write, fails at once naming the variable the runner did not give, and asks nothing', async () => {
    const env = { ...job(), ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' };
    const r = await runAction(action, { inputs: inputs(), env });
    expect(r.code).toBe('ENVIRONMENT');
    expect(r.error).toMatchObject({ input: 'ACTIONS_ID_TOKEN_REQUEST_URL' });
    expect(r.output).toEqual({});
    expect(r.state.values.size).toBe(0);
    expect(r.exported.size).toBe(0);
  });

  it.each([
    [{ 'lifecycle-policy': 'apply' }, 'INPUT_REQUIRED', 'lifecycle-repository'],
    [{ 'tag-immutability': 'check' }, 'INPUT_REQUIRED', 'lifecycle-repository'],
    [{ 'role-to-assume': 'publish' }, 'INPUT_INVALID', 'role-to-assume'],
    [{ 'aws-region': 'Europe' }, 'INPUT_INVALID', 'aws-region'],
    [{ registries: '12345' }, 'INPUT_INVALID', 'registries'],
    [{ 'role-duration-seconds': '60' }, 'INPUT_INVALID', 'role-duration-seconds'],
    [{ 'session-policy': '{not json' }, 'INPUT_INVALID', 'session-policy'],
  ])('%j is %s naming %s, before the token is asked for', async (bad, code, input) => {
    const r = await runAction(action, { inputs: inputs(bad), env: job() });
    expect(r.code).toBe(code);
    expect(r.error).toMatchObject({ input });
    expect(r.output).toEqual({});
  });

  it('a missing role is INPUT_REQUIRED', async () => {
    const r = await runAction(action, { inputs: { 'aws-region': 'eu-west-1' }, env: job() });
    expect(r.code).toBe('INPUT_REQUIRED');
    expect(r.error).toMatchObject({ input: 'role-to-assume' });
  });
});

describe('ecr-oidc-login post, in process', () => {
  async function loggedIn(keep: boolean) {
    const env = job();
    const registry = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
    const dockerConfig = join(env.HOME ?? '', '.docker', 'config.json');
    const authFile = join(env.RUNNER_TEMP ?? '', 'ecr-oidc-login', 'auth.json');
    const state = new MemoryState();
    const logins = [
      await addLogin(dockerConfig, loginKey(registry, 'docker'), 'AWS', 'ecr-token'),
      await addLogin(authFile, loginKey(registry, 'containers'), 'AWS', 'ecr-token'),
    ];
    loginState.save(state, { keep, logins });
    return { env, state, registry, dockerConfig, authFile };
  }
  const auths = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { auths: object }).auths;

  it('removes exactly the logins main wrote; the state holds no secret', async () => {
    const { env, state, dockerConfig, authFile } = await loggedIn(false);
    expect([...state.values.values()].join('')).not.toContain('ecr-token');
    const r = await runActionPost(action, { env, state });
    expect(r.error).toBeUndefined();
    expect(auths(dockerConfig)).toEqual({});
    expect(auths(authFile)).toEqual({});
  });

  it('keep-login leaves them in place', async () => {
    const { env, state, registry, authFile } = await loggedIn(true);
    const r = await runActionPost(action, { env, state });
    expect(r.error).toBeUndefined();
    expect(Object.keys(auths(authFile))).toEqual([registry]);
    expect(r.logger.messages('info').join('\n')).toContain('keep-login is true');
  });

  it('with no state (main failed before writing), there is nothing to remove', async () => {
    const r = await runActionPost(action, { env: job(), state: new MemoryState() });
    expect(r.error).toBeUndefined();
    expect(r.logger.messages('warning')).toEqual([]);
  });
});
