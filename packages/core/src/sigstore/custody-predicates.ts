// What verify-image reads out of each verified predicate: pure readers that return the facts, or a
// string saying why the predicate cannot be read (the caller names the link).

export const CYCLONEDX_PREDICATE = 'https://cyclonedx.org/bom';
export const SPDX_PREDICATE = 'https://spdx.dev/Document';

type Json = Record<string, unknown>;
const record = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => record(v)?.[key], value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** SLSA provenance v1, as cosign-sign (and actions/attest-build-provenance) write it for a workflow run. */
export interface ProvenanceFacts {
  /** The source repository (`https://github.com/owner/repo`), from resolvedDependencies. */
  repository: string;
  /** The commit it was built from (`gitCommit`). */
  commit: string;
  /** The git ref (`refs/heads/main`), when the dependency names one. */
  ref: string | undefined;
  /** runDetails.builder.id: the (reusable) workflow that built it. */
  builder: string;
  /** runDetails.metadata.invocationId: the run URL and attempt. */
  invocation: string | undefined;
  /** The calling workflow (`repository/path@ref`), from externalParameters.workflow. */
  workflow: string | undefined;
  buildType: string | undefined;
}

/** The source dependency: the first `git+<repository>@<ref>` entry with a gitCommit. */
function sourceDependency(
  predicate: unknown,
): { repository: string; ref: string | undefined; commit: string } | undefined {
  const deps = at(predicate, 'buildDefinition', 'resolvedDependencies');
  for (const dep of Array.isArray(deps) ? deps : []) {
    const uri = text(at(dep, 'uri'));
    const commit = text(at(dep, 'digest', 'gitCommit'));
    if (uri === undefined || commit === undefined || !uri.startsWith('git+')) continue;
    const bare = uri.slice('git+'.length).split('#')[0] ?? '';
    // `git+https://github.com/o/r@refs/heads/main`: the first `@` of the path (not of user@host).
    const path = bare.indexOf('/', bare.indexOf('://') + 3);
    const split = path < 0 ? -1 : bare.indexOf('@', path);
    return split < 0
      ? { repository: bare, ref: undefined, commit }
      : { repository: bare.slice(0, split), ref: bare.slice(split + 1), commit };
  }
  return undefined;
}

export function provenanceFacts(predicate: unknown): ProvenanceFacts | string {
  const source = sourceDependency(predicate);
  if (source === undefined)
    return 'it names no source repository at a commit (resolvedDependencies gitCommit)';
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(source.commit))
    return `its source commit "${source.commit}" is not a git commit id`;
  const builder = text(at(predicate, 'runDetails', 'builder', 'id'));
  if (builder === undefined) return 'it names no builder (runDetails.builder.id)';
  const workflow = record(at(predicate, 'buildDefinition', 'externalParameters', 'workflow'));
  const [wRepo, wPath, wRef] = [text(workflow?.repository), text(workflow?.path), text(workflow?.ref)];
  return {
    ...source,
    builder,
    invocation: text(at(predicate, 'runDetails', 'metadata', 'invocationId')),
    workflow: wRepo && wPath ? `${wRepo}/${wPath}${wRef ? `@${wRef}` : ''}` : undefined,
    buildType: text(at(predicate, 'buildDefinition', 'buildType')),
  };
}

/** cosign's vuln predicate as cosign-sign writes it: the verdict and counts beside Trivy's results. */
export interface ScanFacts {
  passed: boolean;
  /** Severity → number of findings, all platforms. */
  counts: Record<string, number>;
  /** The scanner (purl) and its version. */
  scanner: string;
  version: string | undefined;
  /** The vulnerability database's version (and build time). */
  db: string | undefined;
  startedOn: string | undefined;
  finishedOn: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function scanFacts(predicate: unknown): ScanFacts | string {
  const passed = at(predicate, 'scanner', 'result', 'passed');
  if (typeof passed !== 'boolean') return 'it carries no verdict (scanner.result.passed)';
  const finishedOn = text(at(predicate, 'metadata', 'scanFinishedOn'));
  if (finishedOn === undefined || !RFC3339.test(finishedOn))
    return 'it says not when the scan finished (metadata.scanFinishedOn)';
  const counts: Record<string, number> = {};
  for (const [severity, n] of Object.entries(record(at(predicate, 'scanner', 'result', 'counts')) ?? {}))
    if (typeof n === 'number') counts[severity] = n;
  return {
    passed,
    counts,
    scanner: text(at(predicate, 'scanner', 'uri')) ?? 'unknown scanner',
    version: text(at(predicate, 'scanner', 'version')),
    db: text(at(predicate, 'scanner', 'db', 'version')),
    startedOn: text(at(predicate, 'metadata', 'scanStartedOn')),
    finishedOn,
  };
}

/** Components of a CycloneDX BOM (nested ones too), or packages of an SPDX document. */
export function sbomComponentCount(predicateType: string, predicate: unknown): number | string {
  if (predicateType.startsWith(SPDX_PREDICATE)) {
    const packages = at(predicate, 'packages');
    return Array.isArray(packages) ? packages.length : 'the SPDX document has no packages list';
  }
  if (at(predicate, 'bomFormat') !== 'CycloneDX') return 'it is not a CycloneDX document (bomFormat)';
  const count = (list: unknown): number =>
    Array.isArray(list) ? list.reduce<number>((n, c) => n + 1 + count(at(c, 'components')), 0) : 0;
  return count(at(predicate, 'components'));
}

export function isSbomPredicate(predicateType: string): boolean {
  return predicateType.startsWith(CYCLONEDX_PREDICATE) || predicateType.startsWith(SPDX_PREDICATE);
}
