// `npm run demo` end to end (offline: no scanner download is attempted): the workflow's own steps run
// as bundled actions against an embedded registry and a local Sigstore, and one digest goes from build
// to promotion; the registry is gone afterwards.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';

describe('npm run demo', () => {
  it('runs the reference chain with one digest from build to promotion and cleans up', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'demo.ts'), '--offline'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const digest = /one digest from build to promotion: (sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1];
    expect(digest).toBeDefined();
    for (const stage of [
      'build (oci-build)',
      'push (skopeo-push)',
      'sign (cosign-sign)',
      'promote :latest',
      'promote :nightly ',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^${stage.replace(/[()]/g, '\\$&')}\\s+${digest}`, 'm'));
    }
    expect(r.stdout).toContain('verdict: PASSED — NOT production-equivalent');
    expect(r.stdout).toMatch(
      /publish\/scan: SKIPPED — trivy not installed, and github\.com is not probed \(--offline\)/,
    );
    expect(r.stdout).toMatch(/embedded registry 127\.0\.0\.1:\d+: stopped \(port closed\), storage removed/);
    expect(r.stdout).toContain(
      "cosign verify --certificate-identity-regexp='^https://github\\.com/local/demo/",
    );
  });
});
