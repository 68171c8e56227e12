import { isRecord, parseJsonReport, ReportError, str } from './report-file.ts';

export interface SbomInfo {
  format: 'cyclonedx-json' | 'spdx-json';
  version: string;
  components: number;
}

const CYCLONEDX_VERSIONS = ['1.5', '1.6', '1.7'];

/** Checks a CycloneDX JSON SBOM (every version Syft emits: 1.5 to 1.7) and counts its components. */
export function readCycloneDx(text: string): SbomInfo {
  const doc = parseJsonReport(text, 'CycloneDX SBOM');
  if (!isRecord(doc) || doc.bomFormat !== 'CycloneDX')
    throw new ReportError('the SBOM is not CycloneDX (bomFormat)', 'UNSUPPORTED_FORMAT', {
      expected: 'CycloneDX',
      actual: String(JSON.stringify(isRecord(doc) ? doc.bomFormat : doc)),
    });
  const version = str(doc.specVersion);
  if (!CYCLONEDX_VERSIONS.includes(version)) {
    throw new ReportError(
      `CycloneDX specVersion "${version}" is not one this action reads (${CYCLONEDX_VERSIONS.join(', ')})`,
      'UNSUPPORTED_FORMAT',
      { expected: CYCLONEDX_VERSIONS.join(', '), actual: version },
    );
  }
  return {
    format: 'cyclonedx-json',
    version,
    components: Array.isArray(doc.components) ? doc.components.length : 0,
  };
}

export function readSpdx(text: string): SbomInfo {
  const doc = parseJsonReport(text, 'SPDX SBOM');
  if (!isRecord(doc) || !/^SPDX-2\.[23]$/.test(str(doc.spdxVersion)))
    throw new ReportError('the SBOM is not SPDX 2.2/2.3 JSON', 'UNSUPPORTED_FORMAT', {
      expected: 'SPDX-2.2, SPDX-2.3',
      actual: String(JSON.stringify(isRecord(doc) ? doc.spdxVersion : doc)),
    });
  return {
    format: 'spdx-json',
    version: str(doc.spdxVersion),
    components: Array.isArray(doc.packages) ? doc.packages.length : 0,
  };
}
