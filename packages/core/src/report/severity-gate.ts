import { CommandError } from '../action/errors.ts';
import type { Finding } from './findings.ts';
import { SEVERITIES, type Severity } from './severity.ts';

export interface GateOptions {
  severities: ReadonlySet<Severity>;
  ignoreUnfixed: boolean;
}

/** A scan action's gate (inputs severity, ignore-unfixed, fail-on): what fails it, and what that does. */
export interface GatePlan extends GateOptions {
  /** findings: a failed gate fails the step; never: it warns and the step passes. */
  failOn: 'findings' | 'never';
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

/** The gate's consequence: `fail-on: findings` fails the step; `never` warns and lets it pass. */
export function enforceGate(
  passed: boolean,
  message: string,
  failOn: 'findings' | 'never',
  tool: string,
  warn: (m: string) => void,
): void {
  if (passed) return;
  if (failOn === 'findings') throw new CommandError(message, { tool });
  warn(`${message} (fail-on: never, so the step passes)`);
}
