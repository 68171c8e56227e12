import { type Finding, isRecord, parseJsonReport, ReportError, readSeverity, str } from './findings.ts';

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
  const doc = parseJsonReport(text, 'Trivy');
  if (!isRecord(doc) || doc.SchemaVersion !== 2) {
    throw new ReportError(
      `the Trivy report is not SchemaVersion 2 (got ${JSON.stringify(isRecord(doc) ? doc.SchemaVersion : doc)})`,
    );
  }
  if (doc.Results === undefined || doc.Results === null) {
    // "Nothing found" only when nothing else is there: results under another key must not read as clean.
    const unknown = Object.keys(doc).filter((k) => !TOP_LEVEL.has(k));
    if (unknown.length > 0)
      throw new ReportError(
        `the Trivy report has no Results but has ${unknown.map((k) => JSON.stringify(k)).join(', ')}; refusing to read it as "nothing found"`,
      );
    return [];
  }
  if (!Array.isArray(doc.Results))
    throw new ReportError('the Trivy report has a Results value that is not a list');
  const findings: Finding[] = [];
  const extra = platform === undefined ? {} : { platform };
  for (const result of doc.Results) {
    if (!isRecord(result)) throw new ReportError('the Trivy report has a Result that is not an object');
    const target = str(result.Target);
    for (const v of asList(result.Vulnerabilities, 'Vulnerabilities')) {
      const id = str(v.VulnerabilityID);
      if (id === '') throw new ReportError(`a Trivy vulnerability in ${target} has no VulnerabilityID`);
      findings.push({
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
        ...extra,
      });
    }
    for (const s of asList(result.Secrets, 'Secrets')) {
      findings.push({
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
        ...extra,
      });
    }
    for (const m of asList(result.Misconfigurations, 'Misconfigurations')) {
      if (str(m.Status) !== 'FAIL') continue;
      findings.push({
        scanner: 'trivy',
        kind: 'misconfiguration',
        id: str(m.ID) || str(m.AVDID),
        aliases: [],
        package: target,
        installed: '',
        fixed: undefined,
        severity: readSeverity(
          m.Severity,
          `Trivy misconfiguration ${str(m.ID) || str(m.AVDID)} in ${target}`,
        ),
        title: str(m.Title),
        target,
        url: str(m.PrimaryURL) || undefined,
        ...extra,
      });
    }
  }
  return findings;
}

function asList(value: unknown, field: string): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every(isRecord))
    throw new ReportError(`the Trivy report has a ${field} value that is not a list of objects`);
  return value;
}
