import type { Finding } from './findings.ts';
import { isRecord, parseJsonReport, ReportError, str } from './report-file.ts';
import { readSeverity } from './severity.ts';

/** What a Trivy v2 report holds at its top level; anything else may be results under a name we would miss. */
const TOP_LEVEL = new Set([
  'SchemaVersion',
  'CreatedAt',
  'ReportID',
  'ArtifactID',
  'ArtifactName',
  'ArtifactType',
  'Metadata',
  'Results',
  'Trivy',
]);

/**
 * Reads Trivy's JSON report (SchemaVersion 2): vulnerabilities, secrets and failed misconfigurations.
 * A report without `Results` means nothing was found; anything that is not a v2 report is refused.
 */
export function parseTrivyReport(text: string, platform?: string): Finding[] {
  const results = trivyResults(parseJsonReport(text, 'Trivy'));
  const extra = platform === undefined ? {} : { platform };
  return results.flatMap((result) => {
    if (!isRecord(result))
      throw new ReportError('the Trivy report has a Result that is not an object', 'MALFORMED');
    const target = str(result.Target);
    return [
      ...asList(result.Vulnerabilities, 'Vulnerabilities').map((v) => vulnerability(v, target)),
      ...asList(result.Secrets, 'Secrets').map((s) => secret(s, target)),
      ...asList(result.Misconfigurations, 'Misconfigurations')
        .filter((m) => str(m.Status) === 'FAIL')
        .map((m) => misconfiguration(m, target)),
    ].map((finding) => ({ ...finding, ...extra }));
  });
}

/** The report's `Results`, checked: a v2 report, and "nothing found" only when nothing else is there. */
function trivyResults(doc: unknown): unknown[] {
  if (!isRecord(doc) || doc.SchemaVersion !== 2) {
    throw new ReportError(
      `the Trivy report is not SchemaVersion 2 (got ${JSON.stringify(isRecord(doc) ? doc.SchemaVersion : doc)})`,
      'UNSUPPORTED_FORMAT',
      { expected: '2', actual: String(JSON.stringify(isRecord(doc) ? doc.SchemaVersion : doc)) },
    );
  }
  if (doc.Results === undefined || doc.Results === null) {
    // Results under another key must not read as clean.
    const unknown = Object.keys(doc).filter((k) => !TOP_LEVEL.has(k));
    if (unknown.length > 0)
      throw new ReportError(
        `the Trivy report has no Results but has ${unknown.map((k) => JSON.stringify(k)).join(', ')}; refusing to read it as "nothing found"`,
        'UNKNOWN_FIELDS',
        { actual: unknown.join(', ') },
      );
    return [];
  }
  if (!Array.isArray(doc.Results))
    throw new ReportError('the Trivy report has a Results value that is not a list', 'MALFORMED');
  return doc.Results;
}

function vulnerability(v: Record<string, unknown>, target: string): Finding {
  const id = str(v.VulnerabilityID);
  if (id === '')
    throw new ReportError(`a Trivy vulnerability in ${target} has no VulnerabilityID`, 'MALFORMED');
  return {
    scanner: 'trivy',
    kind: 'vulnerability',
    id,
    aliases: [],
    package: str(v.PkgName),
    installed: str(v.InstalledVersion),
    fixed: str(v.FixedVersion) || undefined,
    severity: readSeverity(v.Severity, `Trivy vulnerability ${id} in ${target}`),
    title: str(v.Title),
    target,
    url: str(v.PrimaryURL) || undefined,
  };
}

function secret(s: Record<string, unknown>, target: string): Finding {
  return {
    scanner: 'trivy',
    kind: 'secret',
    id: str(s.RuleID),
    aliases: [],
    package: `${target}:${typeof s.StartLine === 'number' ? s.StartLine : '?'}`,
    installed: '',
    fixed: undefined,
    severity: readSeverity(s.Severity, `Trivy secret ${str(s.RuleID)} in ${target}`),
    title: str(s.Title),
    target,
    url: undefined,
  };
}

function misconfiguration(m: Record<string, unknown>, target: string): Finding {
  const id = str(m.ID) || str(m.AVDID);
  return {
    scanner: 'trivy',
    kind: 'misconfiguration',
    id,
    aliases: [],
    package: target,
    installed: '',
    fixed: undefined,
    severity: readSeverity(m.Severity, `Trivy misconfiguration ${id} in ${target}`),
    title: str(m.Title),
    target,
    url: str(m.PrimaryURL) || undefined,
  };
}

function asList(value: unknown, field: string): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isRecord))
    throw new ReportError(`the Trivy report has a ${field} value that is not a list of objects`, 'MALFORMED');
  return value;
}
