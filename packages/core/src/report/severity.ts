import { InvalidValueError } from '../action/errors.ts';
import { ReportError } from './report-file.ts';

/** The severities every scanner's findings are read into, most severe first. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A `severity` input's list (any case); an unknown word is refused by name. */
export function parseSeverityList(items: readonly string[]): Set<Severity> {
  const wanted = new Set<Severity>();
  for (const item of items) {
    const upper = item.toUpperCase();
    const found = SEVERITIES.find((s) => s === upper);
    if (found === undefined)
      throw new InvalidValueError(`severity "${item}" is not one of ${SEVERITIES.join(', ')}`, {
        reason: 'NOT_ALLOWED',
        expected: SEVERITIES.join(', '),
        actual: item,
      });
    wanted.add(found);
  }
  if (wanted.size === 0)
    throw new InvalidValueError(`must name at least one of ${SEVERITIES.join(', ')}`, {
      reason: 'LIST_EMPTY',
    });
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
    throw new ReportError(
      `${where} has a severity this suite cannot read: ${JSON.stringify(label)}`,
      'SEVERITY_UNREADABLE',
      {
        actual: JSON.stringify(label),
      },
    );
  return known;
}
