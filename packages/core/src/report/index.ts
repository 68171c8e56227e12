// report/: scanner reports: findings, gates, SARIF, SBOMs, job summaries. Other folders and the actions use only what is exported here.
export type { Finding, Scanner } from './findings.ts';
export { type IgnoreRule, readIgnoreFiles, readTrivyIgnoreFile } from './ignore-files.ts';
export { JobSummary } from './job-summary.ts';
export { parseOsvReport } from './osv-report.ts';
export { isRecord, ReportError, readScannerJson, readScannerReport } from './report-file.ts';
export { findingsToSarif, type SarifDocument } from './sarif.ts';
export { readCycloneDx, readSpdx } from './sbom.ts';
export { makeSbomSet, readSbomSet } from './sbom-set.ts';
export { type ScanReport, scanSummary, writeScanReport } from './scan-report.ts';
export { parseSeverityList, SEVERITIES, type Severity } from './severity.ts';
export { enforceGate, evaluateGate, type GatePlan, type GateResult } from './severity-gate.ts';
export { parseTrivyReport } from './trivy-report.ts';
