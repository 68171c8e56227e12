// repo-scan, bundled, with the real osv-scanner, trivy and syft at their pinned versions (installed from a
// pre-provisioned runner tool cache, the actions' own install path), offline, against databases made
// from real published advisories (test/fixtures/advisories). The fixture repositories hold npm, PyPI
// and Go dependencies whose versions those advisories name. Faults a real tool cannot be asked for (a
// corrupt report, an odd exit code) come from test/fault-wrappers, which run the real tool and then break
// its result.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { provisionedToolCache, realTools, trivyCacheCopy, vulnDbs } from './helpers/real-scanners.ts';
import { type RunnerResult, runBundle, toolCallLog, userErrorLine } from './helpers/runner.ts';
import { sarifErrors } from './helpers/sarif-schema.ts';

const { tools, skip } = realTools('trivy', 'osv-scanner', 'syft');

interface Finding {
  scanner: string;
  id: string;
  package: string;
  severity: string;
  installed: string;
  fixed?: string;
}

const wrappers = join(repoRoot, 'test', 'fault-wrappers');
/** The real tools behind the fault wrappers, plus a log of their argv; `faults` as wrap.mjs reads them. */
function wrapped(faults: NodeJS.ProcessEnv = {}) {
  const log = toolCallLog();
  return {
    inputs: {
      'trivy-path': join(wrappers, 'trivy'),
      'osv-scanner-path': join(wrappers, 'osv-scanner'),
      'syft-path': join(wrappers, 'syft'),
    },
    env: {
      ...log.env,
      REAL_TRIVY: tools.trivy,
      REAL_OSV_SCANNER: tools['osv-scanner'],
      REAL_SYFT: tools.syft,
      ...faults,
    },
    calls: log.calls,
  };
}

function scan(
  fixture: 'vulnerable' | 'clean' | 'empty',
  setup?: (dir: string) => void,
  inputs: Record<string, string> = {},
  env: NodeJS.ProcessEnv = {},
) {
  const workspace = mkdtempSync(join(tmpdir(), `repo-${fixture}-`));
  if (fixture !== 'empty')
    cpSync(join(repoRoot, 'test', 'fixtures', 'repos', fixture), workspace, { recursive: true });
  setup?.(workspace);
  const r = runBundle('repo-scan', 'main', {
    workspace,
    inputs: {
      offline: 'true',
      'osv-db': vulnDbs().osv,
      'trivy-cache-dir': trivyCacheCopy(),
      'sbom-formats': 'cyclonedx-json,spdx-json',
      ...inputs,
    },
    env: { RUNNER_TOOL_CACHE: provisionedToolCache(tools), ...env },
  });
  type Report = {
    scanners: Record<string, { version: string }>;
    failing: Finding[];
    findings: Finding[];
    ignored: { scanner: string; id: string; reason: string }[];
    sbom: Record<string, { path: string; components: number }>;
  };
  const report = (r.outputs.report ? JSON.parse(readFileSync(r.outputs.report, 'utf8')) : {}) as Report;
  return { r, report, workspace };
}

const ids = (findings: Finding[], scanner: string) =>
  [...new Set(findings.filter((f) => f.scanner === scanner).map((f) => `${f.id} ${f.package}`))].sort();

describe.skipIf(skip)('repo-scan with the real scanners, offline', () => {
  beforeAll(() => {
    vulnDbs();
  });

  let vulnerable: { r: RunnerResult; report: ReturnType<typeof scan>['report'] };
  it('fails the gate on the vulnerable repository with exactly the advisories its lockfiles match', () => {
    vulnerable = scan('vulnerable');
    const { r, report } = vulnerable;
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(userErrorLine(r)).toMatch(/^::error::repo-scan: \d+ finding\(s\) at HIGH, CRITICAL/);
    expect(r.outputs.passed).toBe('false');
    // The report says how current the (offline) DB was: an offline scan is only as good as its DB.
    const built = JSON.parse(
      readFileSync(join(vulnDbs().trivyCache, 'db', 'metadata.json'), 'utf8'),
    ).UpdatedAt;
    expect(report.scanners).toEqual({
      'osv-scanner': { version: '2.5.1' },
      trivy: { version: '0.74.0', dbUpdatedAt: built },
      syft: { version: '1.51.0' },
    });
    expect(r.summary).toContain(`trivy 0.74.0 (DB of ${built.slice(0, 10)})`);
    // osv-scanner names GitHub advisories; Trivy names the CVE the same advisory aliases.
    expect(ids(report.failing, 'osv-scanner')).toEqual([
      'GHSA-35jh-r3h4-6jhm lodash',
      'GHSA-69ch-w2m2-3vjp golang.org/x/text',
      'GHSA-93q8-gq69-wqmw ansi-regex',
      'GHSA-9c47-m6qq-7p4h json5',
      'GHSA-c3h9-896r-86jm github.com/gogo/protobuf',
      'GHSA-xvch-5gv4-984h minimist',
    ]);
    // Trivy's DB takes golang.org/x/* advisories from the Go vulnerability database, not from GitHub's
    // (trivy-db skips them there), so with GitHub advisories only it sees gogo/protobuf but not x/text.
    expect(ids(report.failing, 'trivy')).toEqual([
      'CVE-2021-23337 lodash',
      'CVE-2021-3121 github.com/gogo/protobuf',
      'CVE-2021-3807 ansi-regex',
      'CVE-2021-44906 minimist',
      'CVE-2022-46175 json5',
    ]);
    // The PyPI advisories are MODERATE: found by both, below the HIGH,CRITICAL gate.
    expect(ids(report.findings, 'osv-scanner')).toEqual(
      expect.arrayContaining(['GHSA-j8r2-6x86-q33q requests', 'GHSA-v845-jxx5-vc9f urllib3']),
    );
    expect(ids(report.findings, 'trivy')).toEqual(
      expect.arrayContaining(['CVE-2023-32681 requests', 'CVE-2023-43804 urllib3']),
    );
    const minimist = report.findings.find((f) => f.scanner === 'osv-scanner' && f.package === 'minimist');
    expect(minimist).toMatchObject({ severity: 'CRITICAL', installed: '1.2.5', fixed: '1.2.6' });
    // The fix for the installed version, not the advisory's first "fixed" event (6.0.1 and 2.0.6 come first).
    const fixedOf = (pkg: string) =>
      report.findings.find((f) => f.scanner === 'osv-scanner' && f.package === pkg)?.fixed;
    expect(fixedOf('ansi-regex')).toBe('5.0.1');
    expect(fixedOf('urllib3')).toBe('1.26.17');
  });

  it('writes SARIF that code scanning takes: one run per scanner, every failing advisory a result', () => {
    const sarif = JSON.parse(readFileSync(vulnerable.r.outputs.sarif ?? '', 'utf8')) as {
      version: string;
      runs: { tool: { driver: { name: string } }; results: { ruleId: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    // Valid against the official SARIF 2.1.0 schema, URIs included (repository-relative, percent-encoded).
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs.map((run) => run.tool.driver.name)).toEqual(['osv-scanner', 'Trivy']);
    const trivyRules = new Set(sarif.runs[1]?.results.map((x) => x.ruleId));
    for (const id of ['CVE-2021-23337', 'CVE-2021-44906', 'CVE-2021-3121']) expect(trivyRules).toContain(id);

    // One file per scanner, one run each, for one code-scanning category per scanner.
    const dir = vulnerable.r.outputs['sarif-dir'] ?? '';
    expect(readdirSync(dir).sort()).toEqual(['osv-scanner.sarif', 'trivy.sarif']);
    for (const [file, tool] of [
      ['osv-scanner.sarif', 'osv-scanner'],
      ['trivy.sarif', 'Trivy'],
    ] as const) {
      const one = JSON.parse(readFileSync(join(dir, file), 'utf8')) as typeof sarif;
      expect(sarifErrors(one)).toEqual([]);
      expect(one.runs.map((run) => run.tool.driver.name)).toEqual([tool]);
    }
  });

  it('makes its SBOM with real syft: valid CycloneDX JSON (schema) listing every locked package', () => {
    const { report } = vulnerable;
    const path = report.sbom['cyclonedx-json']?.path ?? '';
    const bom = JSON.parse(readFileSync(path, 'utf8')) as {
      specVersion: string;
      components: { purl?: string }[];
    };
    const schemaDir = join(repoRoot, 'node_modules', '@cyclonedx', 'cyclonedx-library', 'res', 'schema');
    // The CycloneDX schemas as @cyclonedx/cyclonedx-library ships them, each under the id its refs use.
    const schema = (name: string) => ({
      ...(JSON.parse(readFileSync(join(schemaDir, name), 'utf8')) as object),
      $id: `http://cyclonedx.org/schema/${name}`,
    });
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addFormat('iri-reference', true).addFormat('idn-email', true);
    for (const name of ['spdx', 'jsf-0.82', 'cryptography-defs'])
      ajv.addSchema(schema(`${name}.SNAPSHOT.schema.json`));
    const validate = ajv.compile(schema(`bom-${bom.specVersion}.SNAPSHOT.schema.json`));
    expect(validate(bom), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // And a document that breaks the schema is refused by the same validator (the check can fail).
    expect(validate({ ...bom, components: [{ name: 'x' }] })).toBe(false);
    const purls = bom.components.map((c) => c.purl).filter(Boolean);
    expect(purls).toEqual(
      expect.arrayContaining([
        'pkg:npm/lodash@4.17.20',
        'pkg:npm/minimist@1.2.5',
        'pkg:pypi/requests@2.30.0',
        'pkg:golang/golang.org/x/text@v0.3.7',
      ]),
    );
    expect(report.sbom['spdx-json']?.components).toBeGreaterThanOrEqual(7);
  });

  it('honours a real .trivyignore and a real osv-scanner.toml ignore, and reports each with its reason', () => {
    const { r, report } = scan('vulnerable', (dir) => {
      writeFileSync(
        join(dir, '.trivyignore'),
        '# ansi-regex only formats our own CLI help text, never user input\nCVE-2021-3807\n',
      );
      writeFileSync(
        join(dir, 'osv-scanner.toml'),
        '[[IgnoredVulns]]\nid = "GHSA-93q8-gq69-wqmw"\nreason = "ansi-regex only formats our own CLI help text"\n',
      );
    });
    expect(r.status).toBe(1);
    expect(ids(report.failing, 'trivy')).not.toContain('CVE-2021-3807 ansi-regex');
    expect(ids(report.failing, 'osv-scanner')).not.toContain('GHSA-93q8-gq69-wqmw ansi-regex');
    expect(ids(report.failing, 'trivy')).toContain('CVE-2021-44906 minimist');
    expect(report.ignored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          scanner: 'trivy',
          id: 'CVE-2021-3807',
          reason: expect.stringContaining('CLI help'),
        }),
        expect.objectContaining({ scanner: 'osv-scanner', id: 'GHSA-93q8-gq69-wqmw' }),
      ]),
    );
    expect(r.summary).toContain('GHSA-93q8-gq69-wqmw');
    expect(r.summary).toContain('only formats our own CLI help text');
  });

  it('passes the clean repository (same ecosystems, fixed versions)', () => {
    const { r, report } = scan('clean');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.passed).toBe('true');
    expect(report.failing).toEqual([]);
    expect(report.sbom['cyclonedx-json']?.components).toBeGreaterThanOrEqual(5);
  });

  it('offline without its databases fails closed, naming the input', () => {
    const empty = mkdtempSync(join(tmpdir(), 'empty-cache-'));
    const { r } = scan('clean', undefined, { 'trivy-cache-dir': empty, scanners: 'trivy' });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(/Input "trivy-cache-dir": offline scanning needs the Trivy DB/);
    const noOsv = runBundle('repo-scan', 'main', {
      workspace: mkdtempSync(join(tmpdir(), 'repo-')),
      inputs: { offline: 'true', scanners: 'osv' },
      env: { RUNNER_TOOL_CACHE: provisionedToolCache(tools) },
    });
    expect(userErrorLine(noOsv)).toMatch(/Input "osv-db"/);
  });

  it('an offline OSV database without an ecosystem the repository uses fails naming the input and what it has', () => {
    const partial = mkdtempSync(join(tmpdir(), 'osv-partial-'));
    cpSync(join(vulnDbs().osv, 'osv-scalibr', 'npm'), join(partial, 'osv-scalibr', 'npm'), {
      recursive: true,
    });
    const { r } = scan('vulnerable', undefined, { scanners: 'osv', 'osv-db': partial });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(
      /Input "osv-db": it has no offline database for (Go|PyPI)\b.* that this repository uses \(.* has npm\)/,
    );
    const empty = scan('clean', undefined, {
      scanners: 'osv',
      'osv-db': mkdtempSync(join(tmpdir(), 'osv-empty-')),
    });
    expect(userErrorLine(empty.r)).toMatch(/Input "osv-db": .* holds no offline OSV database/);
  });
  it('fail-on: never reports the same verdict but lets the step pass', () => {
    const { r } = scan('vulnerable', undefined, { 'fail-on': 'never', scanners: 'osv' });
    expect(r.status).toBe(0);
    expect(r.outputs.passed).toBe('false');
    expect(r.stdout).toMatch(/^::warning::repo-scan: 6 finding\(s\) at HIGH, CRITICAL/m);
  });

  it('hands each scanner its own ignore file and runs each scanner once; several SBOM formats from one syft run', () => {
    const w = wrapped();
    const { r, workspace } = scan(
      'vulnerable',
      (dir) => {
        writeFileSync(join(dir, '.trivyignore'), 'CVE-2021-3807\n');
        writeFileSync(
          join(dir, 'osv-scanner.toml'),
          '[[IgnoredVulns]]\nid = "GHSA-93q8-gq69-wqmw"\nreason = "x"\n',
        );
      },
      { ...w.inputs, 'fail-on': 'never' },
      w.env,
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const calls = w.calls();
    expect(calls.map((c) => `${c.tool} ${c.argv[0]}`).sort()).toEqual([
      'osv-scanner scan',
      'syft scan',
      'trivy convert',
      'trivy fs',
    ]);
    expect(calls.find((c) => c.tool === 'trivy' && c.argv[0] === 'fs')?.argv).toEqual(
      expect.arrayContaining(['--ignorefile', join(workspace, '.trivyignore'), '--skip-db-update']),
    );
    expect(calls.find((c) => c.tool === 'osv-scanner')?.argv).toEqual(
      expect.arrayContaining(['--config', join(workspace, 'osv-scanner.toml'), '--offline']),
    );
    const sbom = JSON.parse(r.outputs.sbom ?? '{}') as Record<string, string>;
    expect(Object.keys(sbom)).toEqual(['cyclonedx-json', 'spdx-json']);
    expect(JSON.parse(readFileSync(sbom['spdx-json'] ?? '', 'utf8')).spdxVersion).toBe('SPDX-2.3');
  });

  it('osv-scanner finding no packages (exit 128) is not a failure, and is said', () => {
    const { r } = scan('empty', (dir) => writeFileSync(join(dir, 'README.md'), '# nothing to scan\n'), {
      scanners: 'osv',
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toContain('found no packages to scan (exit 128)');
  });
});

describe.skipIf(skip)('repo-scan fails closed', () => {
  it.each([
    ['an unreadable Trivy report', { FAULT_TRIVY_CORRUPT: '1' }, /the Trivy report is not valid JSON/],
    ['a crashing Trivy', { FAULT_TRIVY_EXIT: '3' }, /trivy failed with exit code 3/],
    [
      'an unreadable OSV report',
      { FAULT_OSV_SCANNER_CORRUPT: '1' },
      /the OSV-Scanner report is not valid JSON/,
    ],
    [
      'osv-scanner with an error exit code',
      { FAULT_OSV_SCANNER_EXIT: '127' },
      /osv-scanner failed with exit code 127/,
    ],
    ['a corrupt SBOM', { FAULT_SYFT_CORRUPT: '1' }, /SBOM report is not valid JSON/],
    [
      'osv-scanner saying "clean" over a report with findings',
      { FAULT_OSV_SCANNER_EXIT: '0' },
      /exited 0 but its report lists vulnerabilities/,
    ],
  ])('%s', (_label, faults, message) => {
    const w = wrapped(faults);
    const { r } = scan('vulnerable', undefined, { ...w.inputs, 'fail-on': 'never' }, w.env);
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(message);
  });

  it('a tool path that does not exist', () => {
    const { r } = scan('clean', undefined, { 'trivy-path': '/nonexistent/trivy' });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toContain('trivy executable /nonexistent/trivy does not exist');
  });

  it.each([
    [
      { severity: 'HIGH,SEVERE' },
      /Input "severity" severity "SEVERE" is not one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN/,
    ],
    [{ scanners: 'osv,grype' }, /Input "scanners" scanner "grype" is not one of osv, trivy, sbom/],
    [{ path: '../elsewhere' }, /Input "path" must stay inside the workspace/],
    [{ 'sbom-formats': 'cyclonedx-xml' }, /Input "sbom-formats" SBOM format "cyclonedx-xml"/],
    [{ 'trivy-version': '0.1.0' }, /trivy 0.1.0 has no pinned SHA-256 \(pinned: 0.74.0\)/],
  ])('bad input %j', (inputs, message) => {
    const w = wrapped();
    const { r } = scan('clean', undefined, { ...w.inputs, 'trivy-path': '', ...inputs }, w.env);
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(message);
    if (!('trivy-version' in inputs)) expect(w.calls()).toEqual([]);
  });
});

describe.skipIf(skip)('SARIF from a repository whose path has spaces and accents', () => {
  it('is valid against the SARIF 2.1.0 schema: repository-relative, percent-encoded URIs', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'repo-uri-'));
    cpSync(join(repoRoot, 'test', 'fixtures', 'repos', 'vulnerable'), join(workspace, 'my app é'), {
      recursive: true,
    });
    const r = runBundle('repo-scan', 'main', {
      workspace,
      inputs: {
        path: 'my app é',
        scanners: 'osv,trivy',
        offline: 'true',
        'osv-db': vulnDbs().osv,
        'trivy-cache-dir': trivyCacheCopy(),
        'fail-on': 'never',
      },
      env: { RUNNER_TOOL_CACHE: provisionedToolCache(tools) },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const sarif = JSON.parse(readFileSync(r.outputs.sarif ?? '', 'utf8')) as object;
    expect(sarifErrors(sarif)).toEqual([]);
    expect(JSON.stringify(sarif)).toContain('"uri":"my%20app%20%C3%A9/package-lock.json"');
  });
});

describe('the SARIF schema check', () => {
  it('can fail: a URI with a space is refused by the official schema', () => {
    const doc = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x' } },
          results: [
            {
              message: { text: 'm' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'my app/go.mod' } } }],
            },
          ],
        },
      ],
    };
    expect(sarifErrors(doc).join()).toMatch(/uri/);
  });
});
