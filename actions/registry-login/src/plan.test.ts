import { ConfigurationError } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { dockerShadow, planLogins, registryHost } from './plan.ts';

const env = { GITHUB_ACTOR: 'octocat' };

function inputOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) return error.input;
    throw error;
  }
  return undefined;
}

describe('registry-login plan', () => {
  it('takes the host of a bare registry or of an image reference, as docker reads it', () => {
    expect(registryHost('ghcr.io')).toBe('ghcr.io');
    expect(registryHost('ghcr.io/acme/app')).toBe('ghcr.io');
    expect(registryHost('registry.example.com:5000')).toBe('registry.example.com:5000');
    expect(registryHost('127.0.0.1:5000/team/app')).toBe('127.0.0.1:5000');
    expect(registryHost('docker.io')).toBe('docker.io');
    expect(registryHost('index.docker.io')).toBe('docker.io');
    expect(registryHost('acme/app')).toBe('docker.io');
    expect(inputOf(() => registryHost('notahost'))).toBe('registry');
    expect(inputOf(() => registryHost('https://ghcr.io'))).toBe('registry');
  });

  it('GHCR without a password logs in as the actor with the job token', () => {
    expect(planLogins(['ghcr.io/acme/app'], { 'github-token': 'ghs_x' }, env)).toEqual([
      { registry: 'ghcr.io', username: 'octocat', password: 'ghs_x', source: 'github-token' },
    ]);
  });

  it('a username and password apply to every registry given, each once', () => {
    const logins = planLogins(
      ['docker.io', 'registry.example.com', 'registry.example.com/a/b', 'ghcr.io'],
      { username: 'bot', password: 'pw', 'github-token': 'ghs_x' },
      env,
    );
    expect(logins.map((l) => [l.registry, l.username, l.source])).toEqual([
      ['docker.io', 'bot', 'username/password'],
      ['registry.example.com', 'bot', 'username/password'],
      ['ghcr.io', 'bot', 'username/password'],
    ]);
  });

  it('names the missing input: an empty secret (fork, Dependabot) or a password without a user', () => {
    expect(inputOf(() => planLogins(['registry.example.com'], { username: 'bot', password: '' }, env))).toBe(
      'password',
    );
    expect(inputOf(() => planLogins(['docker.io'], { 'github-token': 'ghs_x' }, env))).toBe('password');
    expect(inputOf(() => planLogins(['ghcr.io'], { password: 'pw' }, env))).toBe('username');
    expect(inputOf(() => planLogins(['ghcr.io'], { 'github-token': '' }, env))).toBe('password');
  });

  it('sees when docker would ask a credential helper instead of the written entry', () => {
    expect(dockerShadow({ credHelpers: { 'ghcr.io': 'gh' } }, 'ghcr.io')).toBe('credHelpers["ghcr.io"] = gh');
    expect(dockerShadow({ credsStore: 'desktop' }, 'ghcr.io')).toBe('credsStore = desktop');
    expect(dockerShadow({ auths: {} }, 'ghcr.io')).toBeUndefined();
    expect(dockerShadow(undefined, 'ghcr.io')).toBeUndefined();
  });
});
