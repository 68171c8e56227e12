import { ConfigurationError } from '../action/errors.ts';
import type { Digest } from '../oci/digest.ts';
import type { ScanReport } from '../report/scan-report.ts';

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

/**
 * cosign's vuln predicate (`cosign attest --type vuln`, COSIGN_VULN_ATTESTATION_SPEC): the scanner (Trivy,
 * as a purl, and its version), its DB (version and build time), the verdict with its gate and counts
 * (per platform too) and the findings, when the scan started and finished, and the run that scanned.
 */
export function cosignVulnPredicate(
  reportJson: unknown,
  digest: Digest,
  invocation: { runURL: string; runId: string; builderId: string },
  input = 'scan-report',
): Record<string, unknown> {
  const report = checkedReport(reportJson, digest, input);
  const trivy = report.scanners.trivy ?? { version: '' };
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
      result: {
        passed: report.passed,
        counts: report.counts.trivy ?? {},
        platforms: report.platforms ?? [],
        findings: report.findings.map((f) => ({
          id: f.id,
          severity: f.severity,
          package: f.package,
          installed: f.installed,
          ...(f.fixed === undefined ? {} : { fixed: f.fixed }),
          ...(f.platform === undefined ? {} : { platform: f.platform }),
        })),
      },
    },
    metadata: { scanStartedOn: report.startedAt, scanFinishedOn: report.finishedAt },
  };
}
