import type { Finding } from './findings.ts';
import { isRecord, parseJsonReport, ReportError, str } from './report-file.ts';
import { readSeverity, SEVERITIES, type Severity, severityOfScore } from './severity.ts';

/**
 * Reads OSV-Scanner's v2 JSON: one finding per vulnerability group of each package. Severity is the
 * group's `max_severity` CVSS score; where that is empty or absent (Go vulndb entries, label-only GHSA
 * records, older output), the highest `database_specific.severity` label of the group's records;
 * else UNKNOWN. The fixed version comes from the records' affected ranges for that package.
 */
export function parseOsvReport(text: string): Finding[] {
  const doc = parseJsonReport(text, 'OSV-Scanner');
  if (!isRecord(doc) || !Array.isArray(doc.results))
    throw new ReportError('the OSV-Scanner report has no "results" list', 'MALFORMED');
  const findings: Finding[] = [];
  for (const result of doc.results) {
    if (!isRecord(result) || !Array.isArray(result.packages))
      throw new ReportError('an OSV-Scanner result has no "packages" list', 'MALFORMED');
    const target = isRecord(result.source) ? str(result.source.path) : '';
    for (const entry of result.packages) {
      if (!isRecord(entry) || !isRecord(entry.package))
        throw new ReportError('an OSV-Scanner package entry is malformed', 'MALFORMED');
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
        if (id === undefined)
          throw new ReportError(`an OSV-Scanner group for ${name} has no ids`, 'MALFORMED');
        const members = groupRecords(ids, byId, name);
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
          fixed: fixedVersion(members, name, str(entry.package.version), str(entry.package.ecosystem)),
          severity: groupSeverity(group.max_severity, members, `OSV-Scanner group ${id} for ${name}`),
          title: members.map((m) => str(m.summary)).find((s) => s !== '') ?? '',
          target,
          url: `https://osv.dev/vulnerability/${id}`,
        });
      }
    }
  }
  return findings;
}

/**
 * The records a group's ids name. Real output lists in a group's ids both the records it holds and the
 * aliases of those records (GO-2025-3503 with its alias GHSA-qxp5-gwg8-xv66); an id that is neither is a
 * record gone missing, and a report error.
 */
function groupRecords(
  ids: readonly string[],
  byId: ReadonlyMap<string, Record<string, unknown>>,
  name: string,
): Record<string, unknown>[] {
  const members = ids.flatMap((i) => {
    const record = byId.get(i);
    return record === undefined ? [] : [record];
  });
  const known = new Set(
    members.flatMap((m) => [str(m.id), ...(Array.isArray(m.aliases) ? m.aliases.map(str) : [])]),
  );
  const missing = ids.find((i) => !known.has(i)) ?? (members.length === 0 ? ids[0] : undefined);
  if (missing !== undefined)
    throw new ReportError(
      `an OSV-Scanner group for ${name} names ${missing}, which the report holds no record of`,
      'RECORD_MISSING',
      { expected: missing },
    );
  return members;
}

function groupSeverity(maxSeverity: unknown, members: Record<string, unknown>[], where: string): Severity {
  if (maxSeverity !== undefined && maxSeverity !== null && maxSeverity !== '') {
    const score = typeof maxSeverity === 'string' ? Number(maxSeverity) : Number.NaN;
    if (!Number.isFinite(score) || score < 0 || score > 10)
      throw new ReportError(
        `${where} has a max_severity this suite cannot read: ${JSON.stringify(maxSeverity)}`,
        'SEVERITY_UNREADABLE',
        { actual: JSON.stringify(maxSeverity) },
      );
    return severityOfScore(score);
  }
  const labels = members.map((m) =>
    readSeverity(
      isRecord(m.database_specific) ? m.database_specific.severity : undefined,
      `${where} (${str(m.id)})`,
      {
        optional: true,
      },
    ),
  );
  return SEVERITIES.find((s) => s !== 'UNKNOWN' && labels.includes(s)) ?? 'UNKNOWN';
}

/**
 * The fix for the installed version, as OSV-Scanner reports it: the `fixed` that closes the affected range
 * holding the installed version, in the records' entries for this package and ecosystem; failing that,
 * the lowest fix above the installed version. Not simply the first `fixed` event: a record lists its
 * ranges in any order (ansi-regex's lists 6.0.1 first, which is no fix for 5.0.0).
 */
export function fixedVersion(
  members: Record<string, unknown>[],
  name: string,
  installed: string,
  ecosystem = '',
): string | undefined {
  const fixes: string[] = [];
  for (const member of members) {
    for (const affected of Array.isArray(member.affected) ? member.affected.filter(isRecord) : []) {
      const pkg = isRecord(affected.package) ? affected.package : {};
      if (str(pkg.name) !== name) continue;
      if (ecosystem !== '' && str(pkg.ecosystem) !== '' && str(pkg.ecosystem) !== ecosystem) continue;
      for (const range of Array.isArray(affected.ranges) ? affected.ranges.filter(isRecord) : []) {
        let introduced: string | undefined;
        for (const event of Array.isArray(range.events) ? range.events.filter(isRecord) : []) {
          if (str(event.introduced) !== '') introduced = str(event.introduced);
          const fixed = str(event.fixed);
          if (fixed === '') continue;
          fixes.push(fixed);
          const from = introduced ?? '0';
          if (
            (from === '0' || compareVersions(installed, from) >= 0) &&
            compareVersions(installed, fixed) < 0
          )
            return fixed;
          introduced = undefined;
        }
      }
    }
  }
  return fixes.filter((f) => compareVersions(f, installed) > 0).sort(compareVersions)[0];
}

/**
 * Orders versions as npm (semver), Go (v-prefixed semver) and PyPI (PEP 440, the common forms) do: numeric
 * release parts compared as numbers, a pre-release (1.0.0-rc.1, 1.0rc1, 1.0.dev0) before its release, a
 * post-release or build suffix after it.
 */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^v?(\d+(?:\.\d+)*)(.*)$/.exec(v.trim());
    return { release: (m?.[1] ?? '').split('.').map(Number), suffix: m === null ? v : (m[2] ?? '') };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.release.length, y.release.length); i++) {
    const d = (x.release[i] ?? 0) - (y.release[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const rank = (suffix: string) => (suffix === '' ? 0 : /^(\.?post|\+)/i.test(suffix) ? 1 : -1);
  const r = rank(x.suffix) - rank(y.suffix);
  if (r !== 0) return r;
  return x.suffix.localeCompare(y.suffix, 'en', { numeric: true });
}
