// scripts/tools.ts, the set-up of the real tools: go.mod directives carried into a throwaway module, reruns
// and concurrent runs that reuse the cache, and the no-Go path that downloads the pinned, checksum-verified
// release (here it cannot: the test shows it is attempted and fails closed under CI).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goModDirectives, toolsCache } from '../scripts/tools.ts';
import { repoRoot } from './helpers/actions.ts';
import { realTools } from './helpers/real-scanners.ts';
import { LOOPBACK_ONLY, spawnAndCollect } from './helpers/runner.ts';

const tools = (env: NodeJS.ProcessEnv) =>
  spawnAndCollect(process.execPath, [join(repoRoot, 'scripts', 'tools.ts')], { cwd: repoRoot, env });

describe('scripts/tools.ts', () => {
  it('carries replace and exclude directives (single and block forms) into go mod edit flags', () => {
    const goMod = [
      'module example.com/tool',
      'replace k8s.io/a => github.com/fork/a v0.0.1 // pinned fork',
      'replace (',
      '\tfoo v1.0.0 => bar v1.1.0',
      '\tbaz => ../baz',
      ')',
      'exclude (',
      '\tgithub.com/x/y v1.2.3',
      ')',
      'exclude a/b v0.1.0',
      'require z v1.0.0',
      '// replace commented => out v1',
    ].join('\n');
    expect(goModDirectives(goMod).sort()).toEqual(
      [
        '-replace=k8s.io/a=github.com/fork/a@v0.0.1',
        '-replace=foo@v1.0.0=bar@v1.1.0',
        '-replace=baz=../baz',
        '-exclude=github.com/x/y@v1.2.3',
        '-exclude=a/b@v0.1.0',
      ].sort(),
    );
    expect(goModDirectives('module m\nrequire a v1\n')).toEqual([]);
  });

  const { skip } = realTools('trivy', 'osv-scanner', 'syft', 'cosign');
  it.skipIf(skip)(
    'reuses what is cached: two concurrent reruns both succeed and print the same PATH entries',
    async () => {
      const env = { ...process.env, CI: '' };
      const [a, b] = await Promise.all([tools(env), tools(env)]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stderr).toMatch(/trivy 0\.74\.0: cached \(Version: 0\.74\.0\)/);
      expect(a.stderr).not.toContain('building');
      expect(a.stdout.trim().split(delimiter)).toContain(join(toolsCache(), 'cosign', '3.1.3'));
    },
  );

  it('without Go it downloads the pinned release through the actions’ installer; unreachable, it fails closed under CI', async () => {
    const noGo = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((d) => !d.includes('/go') && !d.includes('chain-tools'))
      .join(delimiter);
    const env = {
      PATH: `${dirname(process.execPath)}${delimiter}${noGo}`,
      HOME: process.env.HOME,
      CHAIN_TOOLS_CACHE: mkdtempSync(join(tmpdir(), 'empty-tools-')),
      ...LOOPBACK_ONLY,
    };
    const local = await tools({ ...env, CI: '' });
    expect(local.stderr).toContain(
      'trivy 0.74.0: no Go here; downloading the pinned release (sha256-verified)',
    );
    expect(local.stderr).toMatch(
      /NOT AVAILABLE: trivy 0\.74\.0: trivy 0\.74\.0: download from https:\/\/github\.com\/aquasecurity\/trivy\/releases\/download\/v0\.74\.0\/trivy_0\.74\.0_Linux-64bit\.tar\.gz failed/,
    );
    expect(local.code).toBe(0);
    const ci = await tools({ ...env, CI: 'true' });
    expect(ci.code).toBe(1);
    expect(ci.stderr).toContain('CI is set: every real tool is required');
  });
});
