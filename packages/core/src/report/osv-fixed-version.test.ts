import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, fixedVersion } from './osv-report.ts';

// Real GitHub advisories in OSV format (test/fixtures/advisories, provenance in its PROVENANCE.md).
const record = (path: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../../test/fixtures/advisories', path), 'utf8'),
  ) as Record<string, unknown>;
const ansiRegex = record('npm/GHSA-93q8-gq69-wqmw.json');
const minimist = record('npm/GHSA-xvch-5gv4-984h.json');
const urllib3 = record('PyPI/GHSA-v845-jxx5-vc9f.json');
const lodash = record('npm/GHSA-35jh-r3h4-6jhm.json');

describe('the fixed version reported for an installed version', () => {
  it.each([
    // ansi-regex lists its ranges with 6.0.1 first: the first "fixed" is no fix for 5.0.0.
    [ansiRegex, 'ansi-regex', '5.0.0', 'npm', '5.0.1'],
    [ansiRegex, 'ansi-regex', '3.0.0', 'npm', '3.0.1'],
    [ansiRegex, 'ansi-regex', '6.0.0', 'npm', '6.0.1'],
    [minimist, 'minimist', '1.2.5', 'npm', '1.2.6'],
    [minimist, 'minimist', '0.0.8', 'npm', '0.2.4'],
    // urllib3 lists the 2.x range first; 1.26.16 is fixed in 1.26.17.
    [urllib3, 'urllib3', '1.26.16', 'PyPI', '1.26.17'],
    [urllib3, 'urllib3', '2.0.4', 'PyPI', '2.0.6'],
    [lodash, 'lodash', '4.17.20', 'npm', '4.17.21'],
    // lodash-es appears in the same record: only the package asked about counts.
    [lodash, 'lodash-es', '4.17.15', 'npm', '4.17.21'],
  ] as const)('%#: %s %s', (rec, name, installed, ecosystem, expected) => {
    expect(fixedVersion([rec], name, installed, ecosystem)).toBe(expected);
  });

  it('ignores an entry of another ecosystem with the same package name', () => {
    expect(fixedVersion([minimist], 'minimist', '1.2.5', 'PyPI')).toBeUndefined();
  });

  it('a range with no fix gives no fixed version (lodash.template: last_affected only)', () => {
    expect(fixedVersion([lodash], 'lodash.template', '4.5.0', 'npm')).toBeUndefined();
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.2.5', '1.2.6', -1],
    ['1.10.0', '1.9.0', 1],
    ['v0.3.7', '0.3.8', -1],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0rc1', '1.0', -1],
    ['1.0.post1', '1.0', 1],
    ['2.0', '2.0.0', 0],
    ['1.0.0-rc.2', '1.0.0-rc.10', -1],
  ] as const)('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
