import { readFile } from 'node:fs/promises';
import { CommandError, InvalidValueError } from '../action/errors.ts';

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Scanner = 'trivy' | 'osv-scanner';

/** One problem a scanner reported, in the suite's own shape (the merged report's `findings`). */
export interface Finding {
  scanner: Scanner;
  kind: 'vulnerability' | 'secret' | 'misconfiguration';
  id: string;
  aliases: string[];
  package: string;
  installed: string;
  /** Undefined when no fixed version exists. */
  fixed: string | undefined;
  severity: Severity;
  title: string;
  /** The file or image part it was found in (Trivy `Target`, OSV `source.path`). */
  target: string;
  url: string | undefined;
  /** For image scans: the platform image it was found in. */
  platform?: string;
}

/** A scanner report that cannot be trusted (missing, empty, unparsable): the gate fails closed on it. */
export class ReportError extends CommandError {
  override readonly code: string = 'REPORT_UNREADABLE';
  constructor(message: string) {
    super(message, { tool: 'scanner report' });
  }
}

export function parseSeverityList(items: readonly string[]): Set<Severity> {
  const wanted = new Set<Severity>();
  for (const item of items) {
    const upper = item.toUpperCase();
    const found = SEVERITIES.find((s) => s === upper);
    if (found === undefined)
      throw new InvalidValueError(`severity "${item}" is not one of ${SEVERITIES.join(', ')}`);
    wanted.add(found);
  }
  if (wanted.size === 0) throw new InvalidValueError(`must name at least one of ${SEVERITIES.join(', ')}`);
  return wanted;
}

/** The CVSS v3 qualitative rating of a base score. */
export function severityOfScore(score: number): Severity {
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MEDIUM';
  if (score > 0) return 'LOW';
  return 'UNKNOWN';
}

/** Scanner labels to ours: GitHub's MODERATE is MEDIUM. */
export function normaliseSeverity(label: unknown): Severity {
  const upper = typeof label === 'string' ? label.toUpperCase() : '';
  if (upper === 'MODERATE') return 'MEDIUM';
  return SEVERITIES.find((s) => s === upper) ?? 'UNKNOWN';
}

/**
 * A severity a report states, read strictly: a value the parser cannot read (a number, an unknown word) is
 * a report error, never a silent UNKNOWN that a HIGH,CRITICAL gate would let through. `optional` allows
 * an absent value (OSV records without a label), which is UNKNOWN.
 */
export function readSeverity(label: unknown, where: string, options: { optional?: boolean } = {}): Severity {
  if ((label === undefined || label === null || label === '') && options.optional) return 'UNKNOWN';
  const upper = typeof label === 'string' ? label.toUpperCase() : undefined;
  const known = upper === 'MODERATE' ? 'MEDIUM' : SEVERITIES.find((s) => s === upper);
  if (known === undefined)
    throw new ReportError(`${where} has a severity this suite cannot read: ${JSON.stringify(label)}`);
  return known;
}

export function parseJsonReport(text: string, scanner: string): unknown {
  if (text.trim() === '') throw new ReportError(`the ${scanner} report is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ReportError(`the ${scanner} report is not valid JSON (${(error as Error).message})`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reads a report a scanner was asked to write; a missing one fails closed. */
export async function readScannerReport(path: string, tool: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new ReportError(`${tool} wrote no report at ${path}; refusing to pass without one`);
  }
}

/** Reads and parses a JSON report (SARIF, …) a scanner wrote; unreadable or unparsable fails closed. */
export async function readScannerJson<T>(path: string, tool: string): Promise<T> {
  const text = await readScannerReport(path, tool);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ReportError(`${tool} wrote a report that is not JSON at ${path}`);
  }
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
