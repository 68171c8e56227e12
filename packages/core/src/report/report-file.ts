import { readFile } from 'node:fs/promises';
import { CommandError } from '../action/errors.ts';

/** Which way a report cannot be trusted, under the one code REPORT_UNREADABLE (stable, for callers and tests). */
export type ReportReason =
  /** The scanner wrote no report file. */
  | 'MISSING'
  | 'EMPTY'
  | 'NOT_JSON'
  /** Not the format or version this suite reads (Trivy SchemaVersion, CycloneDX specVersion, SPDX). */
  | 'UNSUPPORTED_FORMAT'
  /** A part of the report is not the shape the format has (a list that is not one, an entry without an id). */
  | 'MALFORMED'
  /** The report may hold findings where this suite does not look (Trivy "results" for "Results"). */
  | 'UNKNOWN_FIELDS'
  /** A finding names a record the report does not hold. */
  | 'RECORD_MISSING'
  /** A severity (label or score) this suite cannot read. */
  | 'SEVERITY_UNREADABLE';

/** A scanner report that cannot be trusted (missing, empty, unparsable): the gate fails closed on it. */
export class ReportError extends CommandError {
  override readonly code: string = 'REPORT_UNREADABLE';
  declare readonly reason: ReportReason | undefined;
  constructor(message: string, reason?: ReportReason, details: { expected?: string; actual?: string } = {}) {
    super(message, { tool: 'scanner report', ...(reason === undefined ? {} : { reason }), ...details });
  }
}

/** Reads a report a scanner was asked to write; a missing one fails closed. */
export async function readScannerReport(path: string, tool: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new ReportError(`${tool} wrote no report at ${path}; refusing to pass without one`, 'MISSING');
  }
}

/** Reads and parses a JSON report (SARIF, …) a scanner wrote; unreadable or unparsable fails closed. */
export async function readScannerJson<T>(path: string, tool: string): Promise<T> {
  const text = await readScannerReport(path, tool);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ReportError(`${tool} wrote a report that is not JSON at ${path}`, 'NOT_JSON');
  }
}

/** A report's text parsed as JSON: empty or unparsable is a report error. */
export function parseJsonReport(text: string, scanner: string): unknown {
  if (text.trim() === '') throw new ReportError(`the ${scanner} report is empty`, 'EMPTY');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ReportError(
      `the ${scanner} report is not valid JSON (${(error as Error).message})`,
      'NOT_JSON',
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
