// image-scan with the real trivy (pinned version, from a pre-provisioned runner tool cache), offline,
// on layouts real buildah built from test/fixtures/images/vulnerable-app: npm packages the offline DB
// (real advisories) knows, with one package per platform that the other platform lacks.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciLayout } from '@chain/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { provisionedToolCache, realTools, trivyCacheCopy, vulnDbs } from './helpers/real-scanners.ts';
import { buildahLayout } from './helpers/real-tools.ts';
import { runBundle, userErrorLine } from './helpers/runner.ts';

const { tools, skip } = realTools('trivy');
const context = join(repoRoot, 'test', 'fixtures', 'images', 'vulnerable-app');

interface Finding {
  id: string;
  package: string;
  platform: string;
  severity: string;
  installed: string;
}

function scan(layout: string, digest: string, inputs: Record<string, string> = {}) {
  const r = runBundle('image-scan', 'main', {
    inputs: { layout, digest, offline: 'true', 'trivy-cache-dir': trivyCacheCopy(), ...inputs },
    env: { RUNNER_TOOL_CACHE: provisionedToolCache(tools) },
  });
  const report = (r.outputs.report ? JSON.parse(readFileSync(r.outputs.report, 'utf8')) : {}) as {
    scanners: Record<string, { version: string }>;
    failing: Finding[];
    findings: Finding[];
    platforms: { platform: string; digest: string; counts: Record<string, number> }[];
  };
  return { r, report };
}

const byPlatform = (findings: Finding[]) => {
  const out: Record<string, string[]> = {};
  for (const f of findings) out[f.platform] = [...(out[f.platform] ?? []), `${f.id} ${f.package}`].sort();
  return out;
};

describe.skipIf(skip)('image-scan with the real trivy, offline', () => {
  let single: string;
  let multi: string;
  beforeAll(async () => {
    vulnDbs();
    [single, multi] = await Promise.all([
      buildahLayout(['linux/amd64'], { context }),
      buildahLayout(['linux/amd64', 'linux/arm64'], { context }),
    ]);
  });

  it('finds the vulnerable package of a single-platform layout, and its SARIF comes from trivy convert', async () => {
    const digest = (await OciLayout.open(single)).topLevel().digest;
    const { r, report } = scan(single, digest);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(report.scanners.trivy?.version).toBe('0.74.0');
    expect(byPlatform(report.failing)).toEqual({
      'linux/amd64': ['CVE-2021-23337 lodash', 'CVE-2022-46175 json5'],
    });
    expect(report.findings.find((f) => f.package === 'lodash')?.installed).toBe('4.17.20');
    expect(userErrorLine(r)).toMatch(/image-scan: 2 finding\(s\) at HIGH, CRITICAL in sha256:/);

    const sarif = JSON.parse(readFileSync(r.outputs.sarif ?? '', 'utf8')) as {
      runs: { tool: { driver: { name: string; version: string } }; results: { ruleId: string }[] }[];
    };
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]?.tool.driver).toMatchObject({ name: 'Trivy', version: '0.74.0' });
    expect(sarif.runs[0]?.results.map((x) => x.ruleId).sort()).toEqual(['CVE-2021-23337', 'CVE-2022-46175']);
  });

  it('scans each platform of a multi-platform layout on its own: findings differ per platform', async () => {
    const layout = await OciLayout.open(multi);
    const digest = layout.topLevel().digest;
    const { r, report } = scan(multi, digest);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.outputs.digest).toBe(digest);
    expect(byPlatform(report.failing)).toEqual({
      'linux/amd64': ['CVE-2021-23337 lodash', 'CVE-2022-46175 json5'],
      'linux/arm64': ['CVE-2021-23337 lodash', 'CVE-2021-44906 minimist'],
    });
    const verified = await layout.verify();
    expect(report.platforms.map((p) => [p.platform, p.digest]).sort()).toEqual(
      verified.images.map((i) => [i.platform, i.digest]).sort(),
    );
    const counts = JSON.parse(r.outputs.counts ?? '{}') as { platforms: Record<string, Record<string, number>> };
    expect(counts.platforms['linux/arm64']?.CRITICAL).toBe(1);
    expect(counts.platforms['linux/amd64']?.CRITICAL).toBe(0);
  });

  it('a gate at CRITICAL passes amd64 alone and fails arm64 alone', async () => {
    const digest = (await OciLayout.open(multi)).topLevel().digest;
    expect(scan(multi, digest, { severity: 'CRITICAL', platforms: 'linux/amd64' }).r.status).toBe(0);
    expect(scan(multi, digest, { severity: 'CRITICAL', platforms: 'linux/arm64' }).r.status).toBe(1);
  });

  it('offline with an empty cache folder fails closed, naming the input', async () => {
    const digest = (await OciLayout.open(single)).topLevel().digest;
    const { r } = scan(single, digest, { 'trivy-cache-dir': mkdtempSync(join(tmpdir(), 'empty-')) });
    expect(userErrorLine(r)).toMatch(/Input "trivy-cache-dir": offline scanning needs the Trivy DB/);
  });
});
