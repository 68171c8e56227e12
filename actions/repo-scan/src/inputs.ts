import {
  defineOutputs,
  InvalidValueError,
  inputs,
  parseList,
  parseSeverityList,
  type SbomFormat,
} from '@chain/core/entry';

const SCANNERS = ['osv', 'trivy', 'sbom'] as const;
export type ScannerName = (typeof SCANNERS)[number];
const SBOM_FORMATS: readonly SbomFormat[] = ['cyclonedx-json', 'spdx-json'];

function oneOf<T extends string>(allowed: readonly T[], what: string) {
  return (raw: string): T[] => {
    const items = parseList(raw).map((item) => {
      const found = allowed.find((a) => a === item);
      if (found === undefined)
        throw new InvalidValueError(`${what} "${item}" is not one of ${allowed.join(', ')}`);
      return found;
    });
    if (items.length === 0) throw new InvalidValueError(`must name at least one of ${allowed.join(', ')}`);
    return [...new Set(items)];
  };
}

export const spec = {
  path: inputs.path({ mustExist: 'directory' }).default('.'),
  scanners: inputs.custom('scanners', oneOf(SCANNERS, 'scanner')).default('osv,trivy,sbom'),
  severity: inputs.custom('severities', (raw) => parseSeverityList(parseList(raw))).default('HIGH,CRITICAL'),
  'ignore-unfixed': inputs.boolean().default('false'),
  'fail-on': inputs.enum(['findings', 'never']).default('findings'),
  'sbom-formats': inputs.custom('sbom-formats', oneOf(SBOM_FORMATS, 'SBOM format')).default('cyclonedx-json'),
  'trivy-version': inputs.string().optional(),
  'trivy-path': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'osv-scanner-version': inputs.string().optional(),
  'osv-scanner-path': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'syft-version': inputs.string().optional(),
  'syft-path': inputs.path({ allowOutsideWorkspace: true }).optional(),
  'db-repository': inputs
    .string({ pattern: /^[a-z0-9][\w.:/-]*$/, accepted: 'an OCI repository such as ghcr.io/org/trivy-db' })
    .optional(),
  'trivy-cache-dir': inputs.path({ allowOutsideWorkspace: true }).optional(),
  offline: inputs.boolean().default('false'),
  'osv-db': inputs.path({ allowOutsideWorkspace: true }).optional(),
} as const;

export const outputs = defineOutputs(['passed', 'counts', 'report', 'sarif', 'sarif-dir', 'sbom']);
