import { ConfigurationError } from '../action/errors.ts';
import type { Digest } from '../oci/digest.ts';
import type { ScanReport } from '../report/scan-report.ts';
import type { Severity } from '../report/severity.ts';

export const COSIGN_VULN_PREDICATE = 'https://cosign.sigstore.dev/attestation/vuln/v1';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The image-scan report as the vuln attestation's source: it must be image-scan's scan-report/v1 for
 * exactly this digest, with the scanner and both scan times (fail closed: an attestation about another
 * image's scan, or one without times, is never made).
 */
function checkedReport(json: unknown, digest: Digest, input: string): ScanReport {
  const report = json as Partial<ScanReport> | null;
  const refuse = (why: string) =>
    new ConfigurationError(`Input "${input}": ${why}; no vulnerability attestation is made`, { input });
  if (report === null || typeof report !== 'object' || report.schema !== 'scan-report/v1')
    throw refuse('not a scan-report/v1 report (image-scan output "report")');
  if (report.tool !== 'image-scan') throw refuse(`a ${String(report.tool)} report, not image-scan's`);
  if (report.digest !== digest.toString())
    throw refuse(`the report is for ${report.digest ?? 'no digest'}, not for ${digest}`);
  if (report.scanners?.trivy?.version === undefined) throw refuse('the report names no Trivy version');
  for (const field of ['startedAt', 'finishedAt'] as const)
    if (typeof report[field] !== 'string' || !RFC3339.test(report[field] ?? ''))
      throw refuse(`the report has no ${field} time (made by an older image-scan)`);
  return report as ScanReport;
}

/** One finding of `scanner.result.Results[]`, in Trivy's own JSON field names. */
type TrivyEntry = Record<string, string>;

/** A Result of Trivy's report (`trivy --format json`/`cosign-vuln`), one per platform image here. */
export interface TrivyResult {
  Target: string;
  Vulnerabilities: TrivyEntry[];
  Secrets?: TrivyEntry[];
  Misconfigurations?: TrivyEntry[];
}

/**
 * `scanner.result` of our vuln predicate: Trivy's report layout (`SchemaVersion: 2`, `Results[]`, as
 * `trivy --format cosign-vuln` writes, which Kyverno's policies read as
 * `Results[].Vulnerabilities[].Severity`), one Result per platform (`Target` = the platform, e.g.
 * linux/amd64), with every finding of the scan (ignore-unfixed changes only `passed`); secrets and
 * misconfigurations under `Secrets`/`Misconfigurations` as Trivy names them. Beside it our summary:
 * `passed` (image-scan's gate verdict), `counts` (severity → number, all platforms) and `platforms`
 * (platform, manifest digest, counts).
 */
export interface VulnScanResult {
  SchemaVersion: 2;
  Results: TrivyResult[];
  passed: boolean;
  counts: Partial<Record<Severity, number>>;
  platforms: NonNullable<ScanReport['platforms']>;
}

const defined = (entry: Record<string, string | undefined>): TrivyEntry =>
  Object.fromEntries(Object.entries(entry).filter((e): e is [string, string] => e[1] !== undefined));

/** The report's findings as Trivy Results, one per platform (platforms without findings included). */
function trivyResults(report: ScanReport): TrivyResult[] {
  const fallback = report.platforms?.[0]?.platform ?? 'image';
  const byPlatform = new Map<string, TrivyResult>(
    (report.platforms ?? []).map((p) => [p.platform, { Target: p.platform, Vulnerabilities: [] }]),
  );
  for (const f of report.findings) {
    const target = f.platform ?? fallback;
    const result = byPlatform.get(target) ?? { Target: target, Vulnerabilities: [] };
    byPlatform.set(target, result);
    if (f.kind === 'vulnerability') {
      result.Vulnerabilities.push(
        defined({
          VulnerabilityID: f.id,
          PkgName: f.package,
          InstalledVersion: f.installed,
          FixedVersion: f.fixed,
          Severity: f.severity,
        }),
      );
    } else if (f.kind === 'secret') {
      result.Secrets = [
        ...(result.Secrets ?? []),
        defined({ RuleID: f.id, Severity: f.severity, Title: f.title }),
      ];
    } else {
      const entry = defined({ ID: f.id, Status: 'FAIL', Severity: f.severity, Title: f.title });
      result.Misconfigurations = [...(result.Misconfigurations ?? []), entry];
    }
  }
  return [...byPlatform.values()];
}

/**
 * cosign's vuln predicate (`cosign attest --type vuln`, COSIGN_VULN_ATTESTATION_SPEC): the scanner (Trivy,
 * as a purl, and its version), its DB (version and build time), the result (see VulnScanResult), when
 * the scan started and finished, and the run that scanned.
 */
export function cosignVulnPredicate(
  reportJson: unknown,
  digest: Digest,
  invocation: { runURL: string; runId: string; builderId: string },
  input = 'scan-report',
): Record<string, unknown> {
  const report = checkedReport(reportJson, digest, input);
  const trivy = report.scanners.trivy ?? { version: '' };
  const result: VulnScanResult = {
    SchemaVersion: 2,
    Results: trivyResults(report),
    passed: report.passed,
    counts: report.counts.trivy ?? {},
    platforms: report.platforms ?? [],
  };
  return {
    invocation: {
      parameters: { severities: report.severities, ignoreUnfixed: report.ignoreUnfixed },
      uri: invocation.runURL,
      event_id: invocation.runId,
      'builder.id': invocation.builderId,
    },
    scanner: {
      uri: `pkg:github/aquasecurity/trivy@v${trivy.version}`,
      version: trivy.version,
      db: {
        uri: 'pkg:oci/trivy-db',
        version: [trivy.dbVersion, trivy.dbUpdatedAt].filter(Boolean).join('@'),
      },
      result,
    },
    metadata: { scanStartedOn: report.startedAt, scanFinishedOn: report.finishedAt },
  };
}
