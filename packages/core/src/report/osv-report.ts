import {
  type Finding,
  isRecord,
  normaliseSeverity,
  parseJsonReport,
  ReportError,
  SEVERITIES,
  type Severity,
  severityOfScore,
  str,
} from './findings.ts';

/**
 * Reads OSV-Scanner's v2 JSON: one finding per vulnerability group of each package. Severity is the
 * group's `max_severity` CVSS score; where that is empty or absent (Go vulndb entries, label-only GHSA
 * records, older output), the highest `database_specific.severity` label of the group's records;
 * else UNKNOWN. The fixed version comes from the records' affected ranges for that package.
 */
export function parseOsvReport(text: string): Finding[] {
  const doc = parseJsonReport(text, 'OSV-Scanner');
  if (!isRecord(doc) || !Array.isArray(doc.results))
    throw new ReportError('the OSV-Scanner report has no "results" list');
  const findings: Finding[] = [];
  for (const result of doc.results) {
    if (!isRecord(result) || !Array.isArray(result.packages))
      throw new ReportError('an OSV-Scanner result has no "packages" list');
    const target = isRecord(result.source) ? str(result.source.path) : '';
    for (const entry of result.packages) {
      if (!isRecord(entry) || !isRecord(entry.package))
        throw new ReportError('an OSV-Scanner package entry is malformed');
      const name = str(entry.package.name);
      const records = (Array.isArray(entry.vulnerabilities) ? entry.vulnerabilities : []).filter(isRecord);
      const byId = new Map(records.map((r) => [str(r.id), r]));
      const groups: Record<string, unknown>[] =
        Array.isArray(entry.groups) && entry.groups.length > 0
          ? entry.groups.filter(isRecord)
          : records.map((r) => ({ ids: [r.id] }));
      for (const group of groups) {
        const ids = (Array.isArray(group.ids) ? group.ids : []).map(str).filter((i) => i !== '');
        const [id] = ids;
        if (id === undefined) throw new ReportError(`an OSV-Scanner group for ${name} has no ids`);
        const members = ids.map((i) => byId.get(i)).filter((r) => r !== undefined);
        const aliases = new Set<string>([
          ...ids,
          ...(Array.isArray(group.aliases) ? group.aliases.map(str) : []),
        ]);
        aliases.delete(id);
        findings.push({
          scanner: 'osv-scanner',
          kind: 'vulnerability',
          id,
          aliases: [...aliases].filter((a) => a !== '').sort(),
          package: name,
          installed: str(entry.package.version),
          fixed: fixedVersion(members, name),
          severity: groupSeverity(group.max_severity, members),
          title: members.map((m) => str(m.summary)).find((s) => s !== '') ?? '',
          target,
          url: `https://osv.dev/vulnerability/${id}`,
        });
      }
    }
  }
  return findings;
}

function groupSeverity(maxSeverity: unknown, members: Record<string, unknown>[]): Severity {
  const score = typeof maxSeverity === 'string' && maxSeverity !== '' ? Number(maxSeverity) : Number.NaN;
  if (Number.isFinite(score)) return severityOfScore(score);
  const labels = members.map((m) =>
    normaliseSeverity(isRecord(m.database_specific) ? m.database_specific.severity : undefined),
  );
  return SEVERITIES.find((s) => s !== 'UNKNOWN' && labels.includes(s)) ?? 'UNKNOWN';
}

function fixedVersion(members: Record<string, unknown>[], name: string): string | undefined {
  for (const member of members) {
    for (const affected of Array.isArray(member.affected) ? member.affected.filter(isRecord) : []) {
      if (isRecord(affected.package) && str(affected.package.name) !== name) continue;
      for (const range of Array.isArray(affected.ranges) ? affected.ranges.filter(isRecord) : []) {
        for (const event of Array.isArray(range.events) ? range.events.filter(isRecord) : []) {
          if (str(event.fixed) !== '') return str(event.fixed);
        }
      }
    }
  }
  return undefined;
}
