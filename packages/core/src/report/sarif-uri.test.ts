import { describe, expect, it } from 'vitest';
import { mergeSarif, sarifUri, validSarifUri } from './sarif.ts';

describe('SARIF artifact URIs are URI references', () => {
  it.each([
    ['/ws/app/package-lock.json', '/ws', 'app/package-lock.json'],
    ['/ws/my app/requirements.txt', '/ws', 'my%20app/requirements.txt'],
    ['/ws/dir%20x/go.mod', '/ws', 'dir%2520x/go.mod'],
    ['/ws/résumé/package.json', '/ws', 'r%C3%A9sum%C3%A9/package.json'],
    ['C:\\ws\\app\\go.mod', 'C:\\ws', 'app/go.mod'],
    ['/elsewhere/a b', '/ws', '/elsewhere/a%20b'],
    ['', '/ws', '.'],
  ])('%s (root %s) -> %s', (target, root, expected) => {
    expect(sarifUri(target, root)).toBe(expected);
  });

  it('keeps a valid reference, encodes one that is not (Trivy image targets have spaces)', () => {
    expect(validSarifUri('library/alpine.tar.gz')).toBe('library/alpine.tar.gz');
    expect(validSarifUri('alpine:3.10 (alpine 3.10.2)')).toBe('alpine%3A3.10%20(alpine%203.10.2)');
  });

  it('merging rewrites every artifactLocation.uri that is not a valid reference, and nothing else', () => {
    const merged = mergeSarif([
      {
        runs: [
          {
            tool: { driver: { name: 'Trivy' } },
            results: [
              {
                ruleId: 'CVE-1',
                message: { text: 'a b' },
                locations: [
                  {
                    physicalLocation: { artifactLocation: { uri: 'img (debian 12)', uriBaseId: 'ROOTPATH' } },
                  },
                ],
              },
            ],
          },
        ],
      },
    ]) as {
      runs: {
        results: {
          message: { text: string };
          locations: { physicalLocation: { artifactLocation: object } }[];
        }[];
      }[];
    };
    const result = merged.runs[0]?.results[0];
    expect(result?.locations[0]?.physicalLocation.artifactLocation).toEqual({
      uri: 'img%20(debian%2012)',
      uriBaseId: 'ROOTPATH',
    });
    expect(result?.message.text).toBe('a b');
  });

  it('runs of one tool (a scan per platform) become one run: rules merged by id, ruleIndex re-pointed', () => {
    const run = (platform: string, rules: string[], results: [string, number][]) => ({
      tool: { driver: { name: 'Trivy', version: '0.74.0', rules: rules.map((id) => ({ id })) } },
      properties: { platform },
      artifacts: [{ location: { uri: 'x' } }],
      results: results.map(([ruleId, ruleIndex]) => ({
        ruleId,
        ruleIndex,
        locations: [{ physicalLocation: { artifactLocation: { uri: 'lib', index: 0 } } }],
      })),
    });
    const merged = mergeSarif([
      { runs: [run('linux/amd64', ['CVE-A', 'CVE-B'], [['CVE-B', 1]])] },
      {
        runs: [
          run(
            'linux/arm64',
            ['CVE-C', 'CVE-B'],
            [
              ['CVE-C', 0],
              ['CVE-B', 1],
            ],
          ),
        ],
      },
      { runs: [{ tool: { driver: { name: 'osv-scanner' } }, results: [] }] },
    ]) as {
      runs: {
        tool: { driver: { name: string; rules?: { id: string }[] } };
        artifacts?: unknown;
        results: {
          ruleId: string;
          ruleIndex: number;
          properties: { platform: string };
          locations: unknown;
        }[];
      }[];
    };
    expect(merged.runs.map((r) => r.tool.driver.name)).toEqual(['Trivy', 'osv-scanner']);
    const trivy = merged.runs[0];
    const rules = trivy?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(['CVE-A', 'CVE-B', 'CVE-C']);
    for (const result of trivy?.results ?? []) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(trivy?.results.map((r) => r.properties.platform)).toEqual([
      'linux/amd64',
      'linux/arm64',
      'linux/arm64',
    ]);
    expect(trivy?.artifacts).toBeUndefined();
    expect(JSON.stringify(trivy?.results)).not.toContain('"index"');
  });
});
