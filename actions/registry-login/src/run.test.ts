// registry-login in process: the step's decisions and failure paths through its seam (runAction), with
// every effect in memory but the login files, which are real files in a temporary folder.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryState, runAction, runActionPost } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { action } from './action.ts';

function job() {
  const dir = mkdtempSync(join(tmpdir(), 'registry-login-run-'));
  return { dir, env: { RUNNER_TEMP: dir, HOME: dir, GITHUB_ACTOR: 'octocat' } };
}

describe('registry-login, in process', () => {
  it('writes both login files (0600), exports them, sets its outputs, masks the secret, and post removes it', async () => {
    const { dir, env } = job();
    const state = new MemoryState();
    const r = await runAction(action, {
      inputs: { registry: 'ghcr.io/acme/app', 'github-token': 'ghs_secret', verify: 'false' },
      env,
      state,
    });
    expect(r.error).toBeUndefined();
    const authFile = join(dir, 'registry-login', 'auth.json');
    expect(r.output).toEqual({
      registries: 'ghcr.io',
      'auth-file': authFile,
      'docker-config': join(dir, '.docker'),
    });
    expect(r.exported.get('REGISTRY_AUTH_FILE')).toBe(authFile);
    expect(r.logger.secrets).toContain('ghs_secret');
    expect(r.logger.secrets).toContain(Buffer.from('octocat:ghs_secret').toString('base64'));
    expect(statSync(authFile).mode & 0o777).toBe(0o600);
    const auths = JSON.parse(readFileSync(authFile, 'utf8')) as { auths: Record<string, unknown> };
    expect(Object.keys(auths.auths)).toEqual(['ghcr.io']);
    expect(JSON.stringify([...state.values.values()])).not.toContain('ghs_secret');
    expect(r.summaries.join('')).toContain('removed by the post step');

    const p = await runActionPost(action, { env, state });
    expect(p.error).toBeUndefined();
    const after = JSON.parse(readFileSync(authFile, 'utf8')) as { auths: Record<string, unknown> };
    expect(after.auths).toEqual({});
  });

  it('an empty password fails naming the input, before anything is written or loaded', async () => {
    const { env } = job();
    const r = await runAction(action, {
      inputs: { registry: 'registry.example.com', username: 'bot', verify: 'false' },
      env,
    });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'password' });
    expect(r.output).toEqual({});
    expect(r.state.values.size).toBe(0);
  });

  it('a missing registry is INPUT_REQUIRED', async () => {
    const r = await runAction(action, { inputs: {}, env: job().env });
    expect(r.code).toBe('INPUT_REQUIRED');
    expect(r.error).toMatchObject({ input: 'registry' });
  });
});
