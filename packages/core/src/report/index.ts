// report/: scanner reports: findings, gates, SARIF, SBOMs, job summaries. Other folders and the actions use only what is exported here.
export {
  enforceGate,
  type Finding,
  isRecord,
  normaliseSeverity,
  parseSeverityList,
  ReportError,
  readScannerJson,
  readScannerReport,
  type Scanner,
  SEVERITIES,
  type Severity,
  severityOfScore,
} from './findings.ts';
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
export { findingsToSarif, sarifUri, validSarifUri } from './sarif.ts';
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
export { mergeSarif, type ScanReport, scanSummary } from './scan-report.ts';
export { evaluateGate, type GateOptions, type GateResult, sortFindings } from './severity-gate.ts';
export { parseTrivyReport } from './trivy-report.ts';
