import { type Finding, SEVERITIES, type Severity } from './findings.ts';

export interface GateOptions {
  severities: ReadonlySet<Severity>;
  ignoreUnfixed: boolean;
}

export interface GateResult {
  passed: boolean;
  /** Findings that fail the gate, most severe first. */
  failing: Finding[];
  /** At a gated severity but with no fixed version, left out because ignore-unfixed is on. */
  ignoredUnfixed: Finding[];
  /** counts[scanner][severity], every finding included. */
  counts: Record<string, Record<Severity, number>>;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) || a.id.localeCompare(b.id) || a.package.localeCompare(b.package),
  );
}

/** One verdict across every scanner: it fails when any finding at a gated severity remains. */
export function evaluateGate(
  findings: readonly Finding[],
  options: GateOptions,
  scanners: readonly string[] = [],
): GateResult {
  const counts: GateResult['counts'] = {};
  const zero = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const scanner of scanners) counts[scanner] = zero();
  const failing: Finding[] = [];
  const ignoredUnfixed: Finding[] = [];
  for (const f of findings) {
    const bucket = counts[f.scanner] ?? zero();
    counts[f.scanner] = bucket;
    bucket[f.severity]++;
    if (!options.severities.has(f.severity)) continue;
    if (options.ignoreUnfixed && f.kind === 'vulnerability' && f.fixed === undefined) ignoredUnfixed.push(f);
    else failing.push(f);
  }
  return { passed: failing.length === 0, failing: sortFindings(failing), ignoredUnfixed, counts };
}
