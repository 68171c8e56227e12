// report/: scanner reports: findings, gates, SARIF, SBOMs, job summaries. Other folders and the actions use only what is exported here.
export type { Finding, Scanner } from './findings.ts';
export {
  type IgnoreFiles,
  type IgnoreRule,
  parseOsvScannerToml,
  parseTrivyIgnore,
  parseTrivyIgnoreYaml,
  readIgnoreFiles,
  readTrivyIgnoreFile,
} from './ignore-files.ts';
export { type Cell, escapeHtml, JobSummary } from './job-summary.ts';
export { parseOsvReport } from './osv-report.ts';
export { isRecord, ReportError, readScannerJson, readScannerReport } from './report-file.ts';
export { findingsToSarif, mergeSarif, type SarifDocument, sarifUri, validSarifUri } from './sarif.ts';
export { readCycloneDx, readSpdx, type SbomInfo } from './sbom.ts';
export {
  makeSbomSet,
  type PlatformSbom,
  readSbomSet,
  SBOM_SET_INDEX,
  SBOM_SET_SCHEMA,
  type SbomEntry,
  type SbomSetIndex,
} from './sbom-set.ts';
export { type ScanReport, type ScanReportFiles, scanSummary, writeScanReport } from './scan-report.ts';
export {
  normaliseSeverity,
  parseSeverityList,
  SEVERITIES,
  type Severity,
  severityOfScore,
} from './severity.ts';
export {
  enforceGate,
  evaluateGate,
  type GateOptions,
  type GatePlan,
  type GateResult,
  sortFindings,
} from './severity-gate.ts';
export { parseTrivyReport } from './trivy-report.ts';
