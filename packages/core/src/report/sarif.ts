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

/** Every character a URI reference (RFC 3986) may hold as is, with %XX escapes. */
const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/**
 * A file path or a scanner's target name as a SARIF `artifactLocation.uri`, which must be a URI reference:
 * relative to `root` when inside it (code scanning maps repository-relative paths), each segment
 * percent-encoded (spaces, `%`, non-ASCII; a `:` that would read as a scheme).
 */
export function sarifUri(target: string, root?: string): string {
  let path = target.replace(/\\/g, '/');
  const base = root?.replace(/\\/g, '/').replace(/\/+$/, '');
  if (base !== undefined && base !== '' && path.startsWith(`${base}/`)) path = path.slice(base.length + 1);
  if (path === '') return '.';
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** A URI already valid as a reference is kept; anything else (a Trivy image target with spaces) is encoded. */
export function validSarifUri(uri: string): string {
  return URI_REFERENCE.test(uri) ? uri : sarifUri(uri);
}

/** SARIF 2.1.0 for findings this suite produced itself (OSV-Scanner's; Trivy's come from `trivy convert`). */
export function findingsToSarif(
  findings: readonly Finding[],
  tool: { name: string; version: string; uri: string },
  options: { root?: string } = {},
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
          locations: [{ physicalLocation: { artifactLocation: { uri: sarifUri(f.target, options.root) } } }],
        })),
      },
    ],
  };
}
