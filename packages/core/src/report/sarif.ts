import type { Finding, Severity } from './findings.ts';

/** GitHub code scanning reads `security-severity` (a CVSS-like number) to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  CRITICAL: '9.5',
  HIGH: '8.0',
  MEDIUM: '5.5',
  LOW: '2.0',
  UNKNOWN: '0.0',
};
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'note',
  UNKNOWN: 'note',
};

/** SARIF 2.1.0 for findings this suite produced itself (OSV-Scanner's; Trivy's come from `trivy convert`). */
export function findingsToSarif(
  findings: readonly Finding[],
  tool: { name: string; version: string; uri: string },
): object {
  const rules = new Map<string, object>();
  for (const f of findings) {
    if (rules.has(f.id)) continue;
    rules.set(f.id, {
      id: f.id,
      name: f.id,
      shortDescription: { text: f.title || f.id },
      helpUri: f.url,
      properties: {
        'security-severity': SECURITY_SEVERITY[f.severity],
        tags: ['security', f.kind],
        aliases: f.aliases,
      },
    });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.uri,
            rules: [...rules.values()],
          },
        },
        results: findings.map((f) => ({
          ruleId: f.id,
          level: LEVEL[f.severity],
          message: {
            text: `${f.package} ${f.installed} is affected by ${f.id} (${f.severity})${f.fixed ? `; fixed in ${f.fixed}` : '; no fix available'}`,
          },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.target || '.' } } }],
        })),
      },
    ],
  };
}
