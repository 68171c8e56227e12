import { readFile } from 'node:fs/promises';
import { CommandError } from '../action/errors.ts';

/** A scanner report that cannot be trusted (missing, empty, unparsable): the gate fails closed on it. */
export class ReportError extends CommandError {
  override readonly code: string = 'REPORT_UNREADABLE';
  constructor(message: string) {
    super(message, { tool: 'scanner report' });
  }
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

/** A report's text parsed as JSON: empty or unparsable is a report error. */
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
