import { SEVERITIES, type Severity } from '../report/severity.ts';
import {
  POLICY_ATTESTATION_TYPES,
  type PolicyAttestation,
  TRIVY_FINDING_LISTS,
} from './kyverno-requirements.ts';

/** An attestation that verified (checkImageAttestations): its signer, where it is stored, its statement. */
export interface AcceptedAttestation {
  format: 'classic' | 'bundle';
  predicateType: string;
  identity: string | undefined;
  issuer: string | undefined;
  /** classic: the `.att` layer's digest; bundle: the referrer manifest's digest. */
  ref: string;
  /** The verified in-toto statement. */
  statement: { subject: { name?: string; digest: Record<string, string> }[]; predicate: unknown };
}

/**
 * What the required attestations must say, beyond verifying against the signer policy (the same one as the
 * image's signature). The admission policies check the same conditions (kyverno-policy.ts).
 */
export interface AttestationConditions {
  required: readonly PolicyAttestation[];
  /** provenance (and the vuln scan's invocation): the builder id; unset = each attestation's own signer identity (keyless). */
  builderId?: string | undefined;
  /** provenance: the source repository URL (`https://github.com/owner/repo`). */
  sourceRepository: string;
  /** vuln: no finding of these severities. */
  denySeverities: readonly Severity[];
  /** vuln: the newest scan must have finished at most this long before `now`. */
  maxScanAgeMs: number;
  now: Date;
  /** A scan time this far ahead of `now` is tolerated (clock skew); further ahead is refused. Default 5 minutes. */
  clockSkewMs?: number | undefined;
  /** Keyless: the identities that signed the image; an attestation by any other identity is not this pipeline's. */
  signerIdentities?: readonly string[] | undefined;
}

/** The verdict on one required attestation kind, with why (for errors and the job summary). */
export interface AttestationVerdict {
  kind: PolicyAttestation;
  ok: boolean;
  /** What was checked (ok) or why it failed. */
  detail: string;
  /** The attestation the verdict rests on, when there is one. */
  attestation?: AcceptedAttestation | undefined;
}

/** The RFC 3339 times the vuln predicate carries, strictly (Date.parse alone accepts too much). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DEFAULT_SKEW_MS = 5 * 60_000;

type Json = Record<string, unknown>;
const record = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => record(v)?.[key], value);

function time(value: unknown): number | undefined {
  if (typeof value !== 'string' || !RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Why a provenance predicate does not match the builder and source, or undefined when it does. */
function provenanceProblem(a: AcceptedAttestation, conditions: AttestationConditions): string | undefined {
  const predicate = a.statement.predicate;
  const builder = conditions.builderId ?? a.identity;
  const actualBuilder = at(predicate, 'runDetails', 'builder', 'id');
  if (builder === undefined || actualBuilder !== builder)
    return `its builder is ${JSON.stringify(actualBuilder ?? null)}, not ${builder ?? '(no builder id known)'}`;
  const repository = at(predicate, 'buildDefinition', 'externalParameters', 'workflow', 'repository');
  if (repository !== conditions.sourceRepository)
    return `its source repository is ${JSON.stringify(repository ?? null)}, not ${conditions.sourceRepository}`;
  const dependencies = at(predicate, 'buildDefinition', 'resolvedDependencies');
  const source = `git+${conditions.sourceRepository}@`;
  const fromSource =
    Array.isArray(dependencies) &&
    dependencies.some((d) => {
      const uri = record(d)?.uri;
      return typeof uri === 'string' && uri.startsWith(source);
    });
  if (!fromSource) return `its resolved dependencies name no ${source}… source`;
  return undefined;
}

/** Every finding severity in `scanner.result.Results[]`; a string when the result is not Trivy's layout. */
export function vulnSeverities(predicate: unknown): Severity[] | string {
  const results = at(predicate, 'scanner', 'result', 'Results');
  if (!Array.isArray(results)) return 'its scanner.result has no Results list (not Trivy’s layout)';
  const found: Severity[] = [];
  for (const result of results) {
    for (const list of TRIVY_FINDING_LISTS) {
      const entries = record(result)?.[list] ?? [];
      if (!Array.isArray(entries)) return `a Result's ${list} is not a list`;
      for (const entry of entries) {
        const label = record(entry)?.Severity;
        const severity = SEVERITIES.find((s) => typeof label === 'string' && s === label.toUpperCase());
        if (severity === undefined) return `a ${list} entry has no known Severity (${JSON.stringify(label)})`;
        found.push(severity);
      }
    }
  }
  return found;
}

/** The vuln verdict on the newest scan: its times, its age, its pipeline and its findings. */
function vulnVerdict(
  candidates: AcceptedAttestation[],
  conditions: AttestationConditions,
): AttestationVerdict {
  const finished = (a: AcceptedAttestation) => time(at(a.statement.predicate, 'metadata', 'scanFinishedOn'));
  // The newest scan decides (a later scan's findings are not hidden by an older clean one); one without a
  // valid time cannot be placed, so when no scan has one the requirement fails.
  const timed = candidates.filter((a) => finished(a) !== undefined);
  const newest = timed.sort((x, y) => (finished(y) ?? 0) - (finished(x) ?? 0))[0];
  const fail = (detail: string, attestation = newest): AttestationVerdict => ({
    kind: 'vuln',
    ok: false,
    detail,
    attestation,
  });
  if (newest === undefined)
    return fail('no verified scan has a valid metadata.scanFinishedOn time (RFC 3339)', candidates[0]);
  const end = finished(newest) ?? 0;
  const start = time(at(newest.statement.predicate, 'metadata', 'scanStartedOn'));
  if (start === undefined || start > end)
    return fail('its metadata.scanStartedOn is missing, invalid or after it finished');
  const now = conditions.now.getTime();
  const stamp = new Date(end).toISOString();
  if (end > now + (conditions.clockSkewMs ?? DEFAULT_SKEW_MS))
    return fail(`its scan finished in the future (${stamp})`);
  if (now - end > conditions.maxScanAgeMs)
    return fail(
      `the newest scan finished at ${stamp}, older than max-scan-age (${conditions.maxScanAgeMs / 1000} s)`,
    );
  const invoked = at(newest.statement.predicate, 'invocation', 'builder.id');
  const builder = conditions.builderId ?? newest.identity;
  if (builder !== undefined && invoked !== builder)
    return fail(`it was scanned by ${JSON.stringify(invoked ?? null)}, not this pipeline (${builder})`);
  const severities = vulnSeverities(newest.statement.predicate);
  if (typeof severities === 'string') return fail(severities);
  const denied = severities.filter((s) => conditions.denySeverities.includes(s));
  if (denied.length > 0)
    return fail(
      `it has ${denied.length} finding(s) at ${[...new Set(denied)].join(', ')} (denied: ${conditions.denySeverities.join(', ')})`,
    );
  return {
    kind: 'vuln',
    ok: true,
    detail: `scan finished ${stamp}; no finding at ${conditions.denySeverities.join(', ')}`,
    attestation: newest,
  };
}

/**
 * The verdict on each required kind, from attestations that already verified against the signer policy:
 * present (by this pipeline's signer when `signerIdentities` is given), and meeting its conditions.
 * provenance and sbom: every one of the kind must meet them (as Kyverno checks each statement); vuln: the
 * newest scan decides.
 */
export function evaluateAttestations(
  verified: readonly AcceptedAttestation[],
  rejections: readonly { predicateType: string | undefined; reason: string }[],
  conditions: AttestationConditions,
): AttestationVerdict[] {
  return conditions.required.map((kind) => {
    const type = POLICY_ATTESTATION_TYPES[kind];
    const ofKind = verified.filter((v) => v.predicateType === type);
    const rejected = rejections
      .filter((r) => r.predicateType === type || r.predicateType === undefined)
      .map((r) => r.reason);
    const identities = conditions.signerIdentities;
    const mine = ofKind.filter((v) => identities === undefined || identities.includes(v.identity ?? ''));
    if (mine.length === 0) {
      const foreign = ofKind.map((v) => `signed by ${v.identity ?? 'a key'}, not the image's signer`);
      const why = [...foreign, ...rejected];
      return {
        kind,
        ok: false,
        detail: `no ${type} attestation verifies against the signer policy${why.length > 0 ? ` (${why.join('; ')})` : ' (there is none)'}`,
      };
    }
    if (kind === 'vuln') return vulnVerdict(mine, conditions);
    for (const a of mine) {
      const problem =
        kind === 'provenance'
          ? provenanceProblem(a, conditions)
          : at(a.statement.predicate, 'bomFormat') === 'CycloneDX'
            ? undefined
            : 'it is not a CycloneDX document';
      if (problem !== undefined) return { kind, ok: false, detail: problem, attestation: a };
    }
    const detail =
      kind === 'provenance'
        ? `builder ${conditions.builderId ?? mine[0]?.identity}, source ${conditions.sourceRepository}`
        : `${mine.length} CycloneDX document(s)`;
    return { kind, ok: true, detail, attestation: mine[0] };
  });
}
