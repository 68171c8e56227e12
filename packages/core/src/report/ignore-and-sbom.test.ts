import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thrownAs } from '../../../../test/helpers/errors.ts';
import { ConfigurationError } from '../action/errors.ts';
import {
  parseOsvScannerToml,
  parseTrivyIgnore,
  parseTrivyIgnoreYaml,
  readIgnoreFiles,
  readTrivyIgnoreFile,
} from './ignore-files.ts';
import { ReportError } from './report-file.ts';
import { readCycloneDx, readSpdx } from './sbom.ts';

const fixture = (path: string) =>
  readFileSync(join(import.meta.dirname, '../../../../test/fixtures/scanners', path), 'utf8');

describe('scanner ignore files', () => {
  it('.trivyignore: ids with the comment above as the reason, and expiry', () => {
    const text =
      '# accepted: not reachable in our build\nCVE-2019-1549\n\nCVE-2019-14697 exp:2027-01-31\n# stale comment\n\n';
    expect(parseTrivyIgnore(text)).toEqual([
      {
        scanner: 'trivy',
        id: 'CVE-2019-1549',
        reason: 'accepted: not reachable in our build',
        source: '.trivyignore',
        expires: undefined,
      },
      { scanner: 'trivy', id: 'CVE-2019-14697', reason: '', source: '.trivyignore', expires: '2027-01-31' },
    ]);
  });

  it('.trivyignore.yaml: statements and expiry across finding kinds', () => {
    const text =
      'vulnerabilities:\n  - id: CVE-2022-40897\n    statement: Accept the risk\n    expired_at: 2027-09-01\nsecrets:\n  - id: aws-access-key-id\n    statement: test key\n';
    expect(parseTrivyIgnoreYaml(text).map((r) => [r.id, r.reason, r.expires])).toEqual([
      ['CVE-2022-40897', 'Accept the risk', '2027-09-01'],
      ['aws-access-key-id', 'test key', undefined],
    ]);
    expect(thrownAs(ConfigurationError, () => parseTrivyIgnoreYaml('vulnerabilities: ['))).toMatchObject({
      reason: 'IGNORE_FILE_NOT_YAML',
    });
  });

  it('osv-scanner.toml: IgnoredVulns with reasons (the documented example)', () => {
    const text =
      '[[IgnoredVulns]]\nid = "GO-2022-0968"\n# ignoreUntil = 2022-11-09\nreason = "No ssh servers are connected to or hosted in Go lang"\n\n[[PackageOverrides]]\nname = "lib"\nignore = true\n\n[[IgnoredVulns]]\nid = "GHSA-aaaa"\nignoreUntil = 2027-01-01\n';
    expect(parseOsvScannerToml(text)).toEqual([
      {
        scanner: 'osv-scanner',
        id: 'GO-2022-0968',
        reason: 'No ssh servers are connected to or hosted in Go lang',
        source: 'osv-scanner.toml',
        expires: undefined,
      },
      {
        scanner: 'osv-scanner',
        id: 'GHSA-aaaa',
        reason: '',
        source: 'osv-scanner.toml',
        expires: '2027-01-01',
      },
    ]);
  });

  it('finds the files at the root of the scanned path; the YAML form wins for Trivy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ignores-'));
    expect(await readIgnoreFiles(dir)).toEqual({
      trivyIgnoreFile: undefined,
      osvConfig: undefined,
      rules: [],
    });
    writeFileSync(join(dir, '.trivyignore'), 'CVE-1\n');
    writeFileSync(join(dir, '.trivyignore.yaml'), 'vulnerabilities:\n  - id: CVE-2\n    statement: why\n');
    writeFileSync(join(dir, 'osv-scanner.toml'), '[[IgnoredVulns]]\nid = "GO-1"\nreason = "r"\n');
    const found = await readIgnoreFiles(dir);
    expect(found.trivyIgnoreFile).toBe(join(dir, '.trivyignore.yaml'));
    expect(found.osvConfig).toBe(join(dir, 'osv-scanner.toml'));
    expect(found.rules.map((r) => r.id)).toEqual(['CVE-2', 'GO-1']);
  });
});

describe('a Trivy ignore file named by an input', () => {
  it('is read as Trivy reads it: YAML by a .yaml/.yml name, else one id per line; the source names it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ignore-file-'));
    writeFileSync(join(dir, 'image.yml'), 'vulnerabilities:\n  - id: CVE-2\n    statement: accepted\n');
    writeFileSync(join(dir, 'image.trivyignore'), '# not reachable\nCVE-1 exp:2027-01-31\n');
    // Trivy decides by the name, not the content: this "YAML" is a plain file of odd ids.
    writeFileSync(join(dir, 'ignore.txt'), 'vulnerabilities:\n');
    expect(await readTrivyIgnoreFile(join(dir, 'image.yml'), 'sec/image.yml')).toEqual([
      { scanner: 'trivy', id: 'CVE-2', reason: 'accepted', source: 'sec/image.yml', expires: undefined },
    ]);
    expect(await readTrivyIgnoreFile(join(dir, 'image.trivyignore'), 'image.trivyignore')).toEqual([
      {
        scanner: 'trivy',
        id: 'CVE-1',
        reason: 'not reachable',
        source: 'image.trivyignore',
        expires: '2027-01-31',
      },
    ]);
    expect((await readTrivyIgnoreFile(join(dir, 'ignore.txt'), 'ignore.txt')).map((r) => r.id)).toEqual([
      'vulnerabilities:',
    ]);
  });

  it('a missing file or YAML that does not parse is a configuration error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ignore-file-'));
    const missing = await readTrivyIgnoreFile(join(dir, 'absent'), 'absent').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ConfigurationError);
    expect(missing).toMatchObject({ code: 'CONFIGURATION', reason: 'IGNORE_FILE_UNREADABLE' });
    // The message names the file and why it cannot be read.
    expect((missing as Error).message).toContain(join(dir, 'absent'));
    expect((missing as Error).message).toContain('(ENOENT)');
    writeFileSync(join(dir, 'bad.yaml'), 'vulnerabilities: [');
    const bad = await readTrivyIgnoreFile(join(dir, 'bad.yaml'), 'ci/bad.yaml').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ConfigurationError);
    expect(bad).toMatchObject({ code: 'CONFIGURATION', reason: 'IGNORE_FILE_NOT_YAML' });
    // Named as the workflow names it (`source`), not by its path on the runner.
    expect((bad as Error).message.startsWith('ci/bad.yaml ')).toBe(true);
  });
});

describe('SBOM readers on real Syft output', () => {
  it('CycloneDX 1.6 (image) and 1.5 (directory)', () => {
    expect(readCycloneDx(fixture('syft/cyclonedx-1.6-image.golden.json'))).toEqual({
      format: 'cyclonedx-json',
      version: '1.6',
      components: 3,
    });
    expect(readCycloneDx(fixture('syft/cyclonedx-1.5-directory.golden.json')).version).toBe('1.5');
  });
  it('CycloneDX 1.7 (Syft >= 1.46 default) is accepted; 1.4 and other documents are not', () => {
    const v17 = fixture('syft/cyclonedx-1.6-image.golden.json').replace(
      '"specVersion": "1.6"',
      '"specVersion": "1.7"',
    );
    expect(readCycloneDx(v17).version).toBe('1.7');
    expect(
      thrownAs(ReportError, () => readCycloneDx(v17.replace('"specVersion": "1.7"', '"specVersion": "1.4"'))),
    ).toMatchObject({ code: 'REPORT_UNREADABLE', reason: 'UNSUPPORTED_FORMAT', actual: '1.4' });
    expect(
      thrownAs(ReportError, () => readCycloneDx(fixture('syft/spdx-2.3-image.golden.json'))),
    ).toMatchObject({ code: 'REPORT_UNREADABLE', reason: 'UNSUPPORTED_FORMAT', expected: 'CycloneDX' });
    expect(thrownAs(ReportError, () => readCycloneDx(''))).toMatchObject({
      code: 'REPORT_UNREADABLE',
      reason: 'EMPTY',
    });
  });
  it('SPDX 2.3', () => {
    expect(readSpdx(fixture('syft/spdx-2.3-image.golden.json'))).toMatchObject({
      format: 'spdx-json',
      version: 'SPDX-2.3',
    });
  });
});
