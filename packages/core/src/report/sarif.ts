import type { Finding } from './findings.ts';
import type { Severity } from './severity.ts';

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
): SarifDocument {
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

/** A SARIF file as read or written here: its runs are kept as they are, unparsed. */
export interface SarifDocument {
  $schema?: string;
  version?: string;
  runs?: unknown[];
}

/**
 * One SARIF file from several, for one code-scanning upload: one run per tool. Code scanning refuses a
 * file with two runs of one tool under one category, which is what a scan per platform gives; those runs
 * become one, their rules merged by id (each result's `ruleIndex` re-pointed) and each result keeping
 * where it came from in `properties`.
 */
export function mergeSarif(documents: readonly SarifDocument[]): SarifDocument {
  const byTool = new Map<string, SarifRun[]>();
  for (const run of documents.flatMap((d) => d.runs ?? []) as SarifRun[]) {
    const tool = run?.tool?.driver?.name ?? '';
    byTool.set(tool, [...(byTool.get(tool) ?? []), run]);
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [...byTool.values()].map((runs) => withValidUris(runs.length === 1 ? runs[0] : oneRun(runs))),
  };
}

interface SarifRule {
  id?: string;
}
interface SarifResult {
  ruleIndex?: number;
  properties?: Record<string, unknown>;
}
interface SarifRun {
  tool?: { driver?: { name?: string; rules?: SarifRule[] } & Record<string, unknown> } & Record<
    string,
    unknown
  >;
  results?: SarifResult[];
  artifacts?: unknown[];
  properties?: Record<string, unknown>;
}

function oneRun(runs: SarifRun[]): SarifRun {
  const rules: SarifRule[] = [];
  const position = new Map<string, number>();
  const results: SarifResult[] = [];
  for (const [i, run] of runs.entries()) {
    const remap = (run.tool?.driver?.rules ?? []).map((rule) => {
      const id = rule.id ?? `#${rules.length}`;
      if (!position.has(id)) {
        position.set(id, rules.length);
        rules.push(rule);
      }
      return position.get(id);
    });
    const origin = run.properties ?? { run: i };
    for (const result of run.results ?? []) {
      const { ruleIndex, ...rest } = result;
      const index = ruleIndex === undefined ? undefined : remap[ruleIndex];
      results.push({
        ...(stripArtifactIndex(rest) as SarifResult),
        ...(index !== undefined ? { ruleIndex: index } : {}),
        properties: { ...origin, ...(result.properties ?? {}) },
      });
    }
  }
  const { artifacts: _artifacts, properties: _properties, ...base } = runs[0] ?? {};
  return { ...base, tool: { ...base.tool, driver: { ...base.tool?.driver, rules } }, results };
}

/** `artifactLocation.index` points into a run's `artifacts`, which a merged run does not keep. */
function stripArtifactIndex(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripArtifactIndex);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'index' || !('uri' in value))
      .map(([key, child]) => [key, stripArtifactIndex(child)]),
  );
}

/**
 * Every `artifactLocation.uri` of a run made a valid URI reference (the SARIF schema requires it, and
 * code scanning rejects the file otherwise): Trivy names image targets with spaces and parentheses.
 */
function withValidUris(run: unknown): unknown {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === 'artifactLocation' && child !== null && typeof child === 'object' && 'uri' in child) {
        const location = child as Record<string, unknown>;
        out[key] = {
          ...location,
          ...(typeof location.uri === 'string' ? { uri: validSarifUri(location.uri) } : {}),
        };
      } else out[key] = visit(child);
    }
    return out;
  };
  return visit(run);
}
