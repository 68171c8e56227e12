import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOsvReport } from '../report/osv-report.ts';
import { findingsToSarif } from '../report/sarif.ts';
import { osvScanner, syft, trivy } from './scanners.ts';

describe('scanner argument vectors', () => {
  it('trivy fs: JSON once, every scanner and severity, cache and ignore file, never failing on findings itself', () => {
    expect(
      trivy.fsArgs({
        path: '/ws',
        output: '/o.json',
        cacheDir: '/c',
        ignoreFile: '/ws/.trivyignore',
        dbRepository: 'mirror.example/trivy-db',
      }),
    ).toEqual([
      'fs',
      '--format',
      'json',
      '--output',
      '/o.json',
      '--scanners',
      'vuln,secret,misconfig',
      '--cache-dir',
      '/c',
      '--exit-code',
      '0',
      '--quiet',
      '--skip-version-check',
      '--disable-telemetry',
      '--ignorefile',
      '/ws/.trivyignore',
      '--db-repository',
      'mirror.example/trivy-db',
      '/ws',
    ]);
  });
  it('trivy offline: the DB in the cache folder and no request at all (a mirror is not consulted)', () => {
    const args = trivy.fsArgs({
      path: '/ws',
      output: '/o',
      cacheDir: '/c',
      dbRepository: 'm/db',
      offline: true,
    });
    expect(args).toEqual(
      expect.arrayContaining([
        '--skip-db-update',
        '--skip-java-db-update',
        '--skip-check-update',
        '--offline-scan',
      ]),
    );
    expect(args).not.toContain('--db-repository');
  });
  it('trivy image reads an OCI layout directory; trivy convert makes SARIF from the same JSON', () => {
    expect(trivy.imageArgs({ layout: '/l', output: '/o.json', cacheDir: '/c' }).slice(0, 3)).toEqual([
      'image',
      '--input',
      '/l',
    ]);
    expect(trivy.sarifArgs('/o.json', '/o.sarif')).toEqual([
      'convert',
      '--format',
      'sarif',
      '--output',
      '/o.sarif',
      '/o.json',
    ]);
  });
  it('osv-scanner v2 scan source, recursive, JSON to a file, optional config', () => {
    expect(osvScanner.args({ path: '/ws', output: '/osv.json', config: '/ws/osv-scanner.toml' })).toEqual([
      'scan',
      'source',
      '--recursive',
      '--format',
      'json',
      '--output-file',
      '/osv.json',
      '--config',
      '/ws/osv-scanner.toml',
      '/ws',
    ]);
    expect(osvScanner.args({ path: '/ws', output: '/o', localDb: '/db' }).slice(-4)).toEqual([
      '--offline-vulnerabilities',
      '--local-db-path',
      '/db',
      '/ws',
    ]);
    expect(osvScanner.args({ path: '/ws', output: '/o', localDb: '/db', offline: true })).toContain(
      '--offline',
    );
    expect(osvScanner.explainExit(1)).toBe('findings');
    expect(osvScanner.explainExit(128)).toBe('no-packages');
    expect(() => osvScanner.explainExit(127)).toThrow('osv-scanner exited with 127');
  });
  it('syft writes every SBOM format from one run', () => {
    expect(
      syft.args({ path: '/ws', outputs: { 'cyclonedx-json': '/s.cdx.json', 'spdx-json': '/s.spdx.json' } }),
    ).toEqual([
      'scan',
      'dir:/ws',
      '--quiet',
      '-o',
      'cyclonedx-json=/s.cdx.json',
      '-o',
      'spdx-json=/s.spdx.json',
    ]);
  });
});

describe('OSV findings to SARIF', () => {
  it('one rule per id, one result per finding, ranked for code scanning', () => {
    const text = readFileSync(
      join(
        import.meta.dirname,
        '../../../../test/fixtures/scanners/osv-scanner/smithy-golang-raw-results.json',
      ),
      'utf8',
    );
    const findings = parseOsvReport(text);
    const sarif = findingsToSarif(findings, {
      name: 'osv-scanner',
      version: '2.5.1',
      uri: 'https://osv.dev',
    }) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; properties: Record<string, unknown> }[] } };
        results: { ruleId: string; level: string }[];
      }[];
    };
    const run = sarif.runs[0];
    expect(sarif.version).toBe('2.1.0');
    expect(run?.results).toHaveLength(findings.length);
    expect(new Set(run?.tool.driver.rules.map((r) => r.id)).size).toBe(run?.tool.driver.rules.length);
    expect(run?.results[0]).toMatchObject({ ruleId: 'GO-2025-3487', level: 'error' });
    expect(run?.tool.driver.rules[0]?.properties['security-severity']).toBe('8.0');
  });
});
