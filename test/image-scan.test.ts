// image-scan, bundled, with the real trivy (pinned version, from a pre-provisioned runner tool cache),
// offline against a DB made from real advisories, on layouts real buildah built from
// test/fixtures/images/vulnerable-app (npm packages the DB knows, one of them per platform), and on
// the same layout with BuildKit-style attestation manifests added. test/fault-wrappers/trivy runs the
// real trivy and logs its argv, so that the per-platform views it was handed can be checked.
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OciLayout } from '@chain/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { addAttestations } from './helpers/layout-fixture.ts';
import {
  provisionedToolCache,
  publishTrivyDbMirror,
  realTools,
  runImageScan,
  trivyCacheCopy,
  vulnDbs,
} from './helpers/real-scanners.ts';
import { buildahLayout } from './helpers/real-tools.ts';
import { startRegistry } from './helpers/registry.ts';
import { runBundle, toolCallLog, userErrorLine } from './helpers/runner.ts';
import { sarifErrors } from './helpers/sarif-schema.ts';

const { tools, skip } = realTools('trivy');
const context = join(repoRoot, 'test', 'fixtures', 'images', 'vulnerable-app');

interface Finding {
  id: string;
  package: string;
  platform: string;
  installed: string;
}

function scan(inputs: Record<string, string>, workspace?: string) {
  const log = toolCallLog();
  const r = runBundle('image-scan', 'main', {
    ...(workspace === undefined ? {} : { workspace }),
    inputs: {
      'trivy-path': join(repoRoot, 'test', 'fault-wrappers', 'trivy'),
      offline: 'true',
      'trivy-cache-dir': trivyCacheCopy(),
      ...inputs,
    },
    env: { ...log.env, REAL_TRIVY: tools.trivy },
  });
  const report = (r.outputs.report ? JSON.parse(readFileSync(r.outputs.report, 'utf8')) : {}) as {
    scanners: Record<string, { version: string }>;
    failing: Finding[];
    findings: Finding[];
    platforms: { platform: string; digest: string }[];
    ignored: { scanner: string; id: string; reason: string; source: string; expires?: string }[];
  };
  const calls = log.calls();
  return { r, report, calls, images: calls.filter((c) => c.argv[0] === 'image') };
}

const byPlatform = (findings: Finding[]) => {
  const out: Record<string, string[]> = {};
  for (const f of findings) out[f.platform] = [...(out[f.platform] ?? []), `${f.id} ${f.package}`].sort();
  return out;
};
const inputOf = (argv: string[]) => argv[argv.indexOf('--input') + 1] ?? '';
const AMD64 = ['CVE-2021-23337 lodash', 'CVE-2022-46175 json5'];
const ARM64 = ['CVE-2021-23337 lodash', 'CVE-2021-44906 minimist'];

describe.skipIf(skip)('image-scan with the real trivy, offline', () => {
  let single: string;
  let multi: string;
  let multiDigest: string;
  beforeAll(async () => {
    vulnDbs();
    [single, multi] = await Promise.all([
      buildahLayout(['linux/amd64'], { context }),
      buildahLayout(['linux/amd64', 'linux/arm64'], { context }),
    ]);
    multiDigest = (await OciLayout.open(multi)).topLevel().digest;
  });

  it('scans each platform image through its own view of the same blobs: findings per platform, one verdict', async () => {
    const { r, report, images, calls } = scan({ layout: multi, digest: multiDigest });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(images).toHaveLength(2);
    expect(calls.filter((c) => c.argv[0] === 'convert')).toHaveLength(2);
    const seen = images.map((c) => {
      const view = inputOf(c.argv);
      const index = JSON.parse(readFileSync(join(view, 'index.json'), 'utf8')) as {
        manifests: { platform: { architecture: string } }[];
      };
      expect(index.manifests).toHaveLength(1);
      expect(lstatSync(join(view, 'blobs')).isSymbolicLink()).toBe(true);
      // Not the layout directory: the private snapshot of what was verified.
      expect(readlinkSync(join(view, 'blobs'))).toMatch(/\/verified\/blobs$/);
      expect(readlinkSync(join(view, 'blobs'))).not.toBe(join(multi, 'blobs'));
      return index.manifests[0]?.platform.architecture;
    });
    expect(seen.sort()).toEqual(['amd64', 'arm64']);

    expect(report.scanners.trivy?.version).toBe('unpinned');
    expect(byPlatform(report.failing)).toEqual({ 'linux/amd64': AMD64, 'linux/arm64': ARM64 });
    const verified = await (await OciLayout.open(multi)).verify();
    expect(report.platforms.map((p) => [p.platform, p.digest]).sort()).toEqual(
      verified.images.map((i) => [i.platform, i.digest]).sort(),
    );
    expect(r.outputs.digest).toBe(multiDigest);
    expect(r.outputs.passed).toBe('false');
    const counts = JSON.parse(r.outputs.counts ?? '{}') as {
      trivy: Record<string, number>;
      platforms: Record<string, Record<string, number>>;
    };
    expect(counts.trivy.CRITICAL).toBe(1);
    expect(counts.platforms['linux/arm64']?.CRITICAL).toBe(1);
    expect(counts.platforms['linux/amd64']?.CRITICAL).toBe(0);
    // One run per tool (code scanning refuses two runs of one tool in one category): both platforms' results.
    const sarif = JSON.parse(readFileSync(r.outputs.sarif ?? '', 'utf8')) as {
      runs: { results: { ruleId: string; properties: { platform: string } }[] }[];
    };
    // One run for both platforms (code scanning refuses two runs of one tool), each result naming its own.
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]?.results.map((x) => x.ruleId)).toEqual(
      expect.arrayContaining(['CVE-2021-23337', 'CVE-2022-46175', 'CVE-2021-44906']),
    );
    expect(new Set(sarif.runs[0]?.results.map((x) => x.properties.platform))).toEqual(
      new Set(['linux/amd64', 'linux/arm64']),
    );
    expect(sarifErrors(sarif)).toEqual([]);
    expect(readFileSync(join(r.outputs['sarif-dir'] ?? '', 'trivy.sarif'), 'utf8')).toBe(
      readFileSync(r.outputs.sarif ?? '', 'utf8'),
    );
    expect(r.summary).toContain('linux/arm64');
    expect(userErrorLine(r)).toMatch(/image-scan: 4 finding\(s\) at HIGH, CRITICAL in sha256:/);
  });

  it('installs the pinned trivy from the runner tool cache; its SARIF comes from trivy convert', async () => {
    const digest = (await OciLayout.open(single)).topLevel().digest;
    const r = await runImageScan(single, digest, { env: { RUNNER_TOOL_CACHE: provisionedToolCache(tools) } });
    expect(r.status, r.stdout + r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(r.outputs.report ?? '', 'utf8')) as {
      scanners: Record<string, { version: string }>;
      failing: Finding[];
      findings: Finding[];
    };
    expect(report.scanners.trivy?.version).toBe('0.74.0');
    expect(byPlatform(report.failing)).toEqual({ 'linux/amd64': AMD64 });
    expect(report.findings.find((f) => f.package === 'lodash')?.installed).toBe('4.17.20');
    const sarif = JSON.parse(readFileSync(r.outputs.sarif ?? '', 'utf8')) as {
      runs: { tool: { driver: { name: string; version: string } }; results: { ruleId: string }[] }[];
    };
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]?.tool.driver).toMatchObject({ name: 'Trivy', version: '0.74.0' });
    expect(sarif.runs[0]?.results.map((x) => x.ruleId).sort()).toEqual(['CVE-2021-23337', 'CVE-2022-46175']);
  });

  it('skips BuildKit attestation manifests and scans every image', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'att-')), 'layout');
    cpSync(multi, copy, { recursive: true });
    const root = await addAttestations(copy);
    const { r, images, report } = scan({ layout: copy, digest: root.digest, 'fail-on': 'never' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(images).toHaveLength(2);
    expect(r.stdout).toContain('skipping 2 attestation manifest(s)');
    expect(byPlatform(report.failing)).toEqual({ 'linux/amd64': AMD64, 'linux/arm64': ARM64 });
  });

  it('scans only the platforms asked for, and refuses one the layout lacks', () => {
    const arm = scan({ layout: multi, digest: multiDigest, platforms: 'linux/arm64' });
    expect(arm.images).toHaveLength(1);
    expect(byPlatform(arm.report.failing)).toEqual({ 'linux/arm64': ARM64 });
    // A gate at CRITICAL: amd64 alone passes, arm64 alone does not.
    expect(
      scan({ layout: multi, digest: multiDigest, severity: 'CRITICAL', platforms: 'linux/amd64' }).r.status,
    ).toBe(0);
    expect(
      scan({ layout: multi, digest: multiDigest, severity: 'CRITICAL', platforms: 'linux/arm64' }).r.status,
    ).toBe(1);
    const both = scan({ layout: multi, digest: multiDigest, 'db-repository': 'mirror.example/trivy-db' });
    expect(userErrorLine(both.r)).toMatch(
      /Input "db-repository": offline: true uses the DB already in trivy-cache-dir/,
    );
    const { r, calls } = scan({ layout: multi, digest: multiDigest, platforms: 'linux/s390x' });
    expect(userErrorLine(r)).toContain('Input "platforms": the layout has no image for linux/s390x (it has');
    expect(calls).toEqual([]);
  });

  it('trivyignore: findings that fail the gate pass once their ids are in the ignore file, and are reported', async () => {
    const digest = (await OciLayout.open(single)).topLevel().digest;
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
    mkdirSync(join(workspace, 'security'));
    writeFileSync(
      join(workspace, 'security', 'image.trivyignore'),
      '# lodash.template is never given user input here\nCVE-2021-23337\n\n' +
        '# json5 parses only our own build config\nCVE-2022-46175 exp:2099-12-31\n',
    );
    const { r, report, images } = scan(
      { layout: single, digest, trivyignore: 'security/image.trivyignore' },
      workspace,
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.passed).toBe('true');
    // Trivy itself applied the file: the ignored ids are not in its findings at all.
    for (const c of images)
      expect(c.argv).toEqual(
        expect.arrayContaining(['--ignorefile', join(workspace, 'security', 'image.trivyignore')]),
      );
    expect(report.failing).toEqual([]);
    expect(report.findings.map((f) => f.id)).not.toContain('CVE-2021-23337');
    expect(report.ignored).toEqual([
      {
        scanner: 'trivy',
        id: 'CVE-2021-23337',
        reason: 'lodash.template is never given user input here',
        source: 'security/image.trivyignore',
      },
      {
        scanner: 'trivy',
        id: 'CVE-2022-46175',
        reason: 'json5 parses only our own build config',
        source: 'security/image.trivyignore',
        expires: '2099-12-31',
      },
    ]);
    expect(r.summary).toContain('2 ignore rule(s)');
    expect(r.summary).toContain('<code>CVE-2021-23337</code>');
    expect(r.summary).toContain('lodash.template is never given user input here');
    expect(r.summary).toContain('security/image.trivyignore');
  });

  it("trivyignore in Trivy's YAML form, per platform; an expired rule no longer ignores", () => {
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
    writeFileSync(
      join(workspace, 'image-ignore.yaml'),
      [
        'vulnerabilities:',
        '  - id: CVE-2021-23337',
        '    statement: lodash.template is never given user input here',
        '  - id: CVE-2021-44906',
        '    statement: accepted until the base image moved',
        '    expired_at: 2020-01-31',
        '',
      ].join('\n'),
    );
    const { r, report } = scan(
      { layout: multi, digest: multiDigest, trivyignore: 'image-ignore.yaml' },
      workspace,
    );
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(byPlatform(report.failing)).toEqual({
      'linux/amd64': ['CVE-2022-46175 json5'],
      'linux/arm64': ['CVE-2021-44906 minimist'],
    });
    expect(report.ignored.map((i) => [i.id, i.source, i.expires])).toEqual([
      ['CVE-2021-23337', 'image-ignore.yaml', undefined],
      ['CVE-2021-44906', 'image-ignore.yaml', '2020-01-31'],
    ]);
    expect(r.summary).toContain('accepted until the base image moved');
  });

  it('trivyignore that is missing, outside the workspace or not YAML fails closed before any scan, naming the input', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'));
    writeFileSync(join(workspace, 'broken.yaml'), 'vulnerabilities: [\n');
    const missing = scan({ layout: multi, digest: multiDigest, trivyignore: '.trivyignore' }, workspace);
    expect(userErrorLine(missing.r)).toMatch(/Input "trivyignore".*\.trivyignore, which does not exist/);
    expect(missing.calls).toEqual([]);
    const outside = scan({ layout: multi, digest: multiDigest, trivyignore: '../x.trivyignore' }, workspace);
    expect(userErrorLine(outside.r)).toMatch(/Input "trivyignore".*must stay inside the workspace/);
    expect(outside.calls).toEqual([]);
    const broken = scan({ layout: multi, digest: multiDigest, trivyignore: 'broken.yaml' }, workspace);
    expect(userErrorLine(broken.r)).toMatch(/Input "trivyignore": broken\.yaml is not valid YAML/);
    expect(broken.calls).toEqual([]);
  });

  it('passes a clean image', async () => {
    const clean = await buildahLayout(['linux/amd64']);
    const { r } = scan({ layout: clean, digest: (await OciLayout.open(clean)).topLevel().digest });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.passed).toBe('true');
  });

  it("refuses a digest other than the layout's, and a tampered layout, before any scan", () => {
    const wrong = `sha256:${'1'.repeat(64)}`;
    const mismatch = scan({ layout: multi, digest: wrong });
    expect(userErrorLine(mismatch.r)).toContain(
      `has top-level digest ${multiDigest}, but input "digest" is ${wrong}`,
    );
    expect(mismatch.calls).toEqual([]);

    const copy = join(mkdtempSync(join(tmpdir(), 'tamper-')), 'layout');
    cpSync(multi, copy, { recursive: true });
    const index = JSON.parse(readFileSync(join(copy, 'index.json'), 'utf8')) as {
      manifests: { digest: string }[];
    };
    const rootBlob = join(copy, 'blobs', 'sha256', (index.manifests[0]?.digest ?? '').slice(7));
    writeFileSync(
      rootBlob,
      readFileSync(rootBlob, 'utf8').replace('"schemaVersion":2', '"schemaVersion": 2'),
    );
    const tampered = scan({ layout: copy, digest: multiDigest });
    expect(userErrorLine(tampered.r)).toMatch(/does not match its digest|bytes on disk/);
    expect(tampered.calls).toEqual([]);
  });

  it('offline with an empty cache folder fails closed, naming the input', async () => {
    const digest = (await OciLayout.open(single)).topLevel().digest;
    const { r, calls } = scan({
      layout: single,
      digest,
      'trivy-cache-dir': mkdtempSync(join(tmpdir(), 'empty-')),
    });
    expect(userErrorLine(r)).toMatch(/Input "trivy-cache-dir": offline scanning needs the Trivy DB/);
    expect(calls).toEqual([]);
  });

  it('downloads the DB from a db-repository mirror (air-gapped runners with an internal registry)', async () => {
    const registry = await startRegistry();
    try {
      const mirror = await publishTrivyDbMirror(registry.host);
      const cacheDir = mkdtempSync(join(tmpdir(), 'fresh-cache-'));
      const { r, report, images } = scan({
        layout: multi,
        digest: multiDigest,
        offline: 'false',
        'trivy-cache-dir': cacheDir,
        'db-repository': mirror,
      });
      expect(r.status, r.stdout + r.stderr).toBe(1);
      // The DB is fetched once from the mirror; then both platform scans share it, in parallel.
      expect(images[0]?.argv).toEqual(
        expect.arrayContaining(['--download-db-only', '--db-repository', mirror]),
      );
      const scans = images.slice(1);
      expect(scans).toHaveLength(2);
      for (const scanCall of scans) expect(scanCall.argv).toContain('--skip-db-update');
      expect(byPlatform(report.failing)).toEqual({ 'linux/amd64': AMD64, 'linux/arm64': ARM64 });
      expect(readFileSync(join(cacheDir, 'db', 'metadata.json'), 'utf8')).toContain('"Version":2');
    } finally {
      await registry.stop();
    }
  });
});
