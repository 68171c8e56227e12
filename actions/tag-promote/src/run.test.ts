// tag-promote in process: the step's decisions and refusals before any registry is asked, through its seam
// (runAction), every effect in memory and no tool allowed to run. Verifying and moving tags need a registry:
// test/tag-promote.test.ts runs them against the real one (unsigned digest, immutable tag, rollback).
import { runAction } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { eventFixture } from '../../../test/helpers/event-fixtures.ts';
import { action } from './action.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;
// Nothing listens here: a step that reached the registry would fail with a network error, not pass.
const IMAGE = '127.0.0.1:1/acme/app';
const SIGNER = {
  'certificate-identity': 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main',
  'certificate-oidc-issuer': 'https://token.actions.githubusercontent.com',
  'certificate-source-repository': 'https://github.com/acme/app',
};

function promote(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return runAction(action, {
    inputs: { image: IMAGE, digest: DIGEST, 'tls-verify': 'false', ...SIGNER, ...inputs },
    env: { GITHUB_SHA: 'c'.repeat(40), ...env },
    tools: [],
  });
}

describe('tag-promote, in process', () => {
  it('no applicable tag rule: promotes nothing, says so, and asks no registry', async () => {
    const r = await promote(
      { tags: '{major}\nlatest=auto\nnightly @schedule' },
      eventFixture('tag-v2.0.0-rc.1').env,
    );
    expect(r.error).toBeUndefined();
    expect(r.output).toEqual({ tags: '[]', previous: '{}' });
    expect(r.logger.messages('info')).toContain('no tag rule applies to this run: nothing to promote');
    expect(r.logger.messages('info')).toContain(
      'tag rule "nightly @schedule" skipped: applies to schedule runs only; this is a push run of refs/tags/v2.0.0-rc.1',
    );
    expect(r.summaries).toHaveLength(1);
    expect(r.summaries[0]).toContain('No tag rule applies to this run');
    expect(r.summaries[0]).toContain('<td><code>{major}</code></td>');
    expect(r.calls).toEqual([]);
  });

  it('logs what the signer policy warned about before anything else', async () => {
    const r = await promote(
      {
        tags: '{version}',
        'certificate-identity': '',
        'certificate-identity-regexp': 'https://github.com/acme/app/.*',
      },
      eventFixture('push-branch').env,
    );
    expect(r.error).toBeUndefined();
    expect(r.logger.messages('warning')).toEqual([
      expect.stringMatching(
        /^certificate-identity-regexp "https:\/\/github.com\/acme\/app\/\.\*" was anchored/,
      ),
    ]);
    expect(r.logger.lines[0]?.level).toBe('warning');
  });

  it('a missing signer policy names the input, before any registry call', async () => {
    const r = await promote({ tags: 'latest', 'certificate-identity': '', 'certificate-oidc-issuer': '' });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'certificate-identity' });
    expect(r.output).toEqual({});
    expect(r.summaries).toEqual([]);
  });

  it('require-attestations without the signature policy is refused up front, naming the input', async () => {
    const r = await promote({ tags: 'latest', 'require-signature': 'false', 'require-attestations': 'vuln' });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'require-attestations' });
  });

  it('a tag rule that needs the commit, without GITHUB_SHA, names the input "tags"', async () => {
    const r = await promote({ tags: 'sha-{short-sha}' }, { GITHUB_SHA: '' });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'tags' });
    expect(r.output).toEqual({});
  });

  it.each<[Record<string, string>, string, string]>([
    [{ tags: ',' }, 'INPUT_INVALID', 'tags'],
    [{ tags: 'latest', digest: `sha512:${'b'.repeat(128)}` }, 'INPUT_INVALID', 'digest'],
    [{ tags: 'latest', image: '127.0.0.1:1/acme/app:v1' }, 'INPUT_INVALID', 'image'],
    [{ tags: 'latest', 'auth-file': '/nonexistent/auth.json' }, 'INPUT_INVALID', 'auth-file'],
    [{ tags: 'latest', 'require-attestations': 'sbom, signature' }, 'INPUT_INVALID', 'require-attestations'],
    [
      { tags: 'latest', 'provenance-source-repository': 'github.com/acme/app' },
      'INPUT_INVALID',
      'provenance-source-repository',
    ],
    [{ tags: 'latest', digest: '' }, 'INPUT_REQUIRED', 'digest'],
  ])('refuses %j as %s of input %s', async (bad, code, input) => {
    const r = await promote(bad);
    expect(r.code).toBe(code);
    expect(r.error).toMatchObject({ input });
    expect(r.calls).toEqual([]);
  });
});
