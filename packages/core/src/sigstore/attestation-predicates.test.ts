import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../action/errors.ts';
import { Digest } from '../oci/digest.ts';
import { inTotoStatement } from './image-attestations.ts';
import { type BuildRecord, parseBuildRecord, SLSA_PROVENANCE_V1, slsaProvenance } from './slsa-provenance.ts';
import { COSIGN_VULN_PREDICATE, cosignVulnPredicate } from './vuln-predicate.ts';

const DIGEST = Digest.parse(`sha256:${'a'.repeat(64)}`);
const OTHER = Digest.parse(`sha256:${'b'.repeat(64)}`);

/** A recorded push run of a caller of the reusable workflow (GITHUB_* as the runner sets them). */
const ENV: NodeJS.ProcessEnv = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/hello',
  GITHUB_REPOSITORY_ID: '123456',
  GITHUB_REPOSITORY_OWNER_ID: '7890',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_WORKFLOW_REF: 'acme/hello/.github/workflows/release.yml@refs/heads/main',
  RUNNER_ENVIRONMENT: 'github-hosted',
};
/** The OIDC token's claims when the build runs in a reusable workflow of another repository. */
const CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  repository: 'acme/hello',
  repository_id: '123456',
  repository_owner_id: '7890',
  sha: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/heads/main',
  event_name: 'push',
  run_id: '4242',
  run_attempt: '2',
  workflow_ref: 'acme/hello/.github/workflows/release.yml@refs/heads/main',
  job_workflow_ref: 'acme/chain/.github/workflows/docker-publish.yml@refs/tags/v1.2.0',
  runner_environment: 'github-hosted',
};
const RECORD: BuildRecord = {
  schema: 'build-record/v1',
  digest: DIGEST.toString(),
  builder: 'buildah',
  containerfile: { path: 'examples/hello/Containerfile', sha256: 'c'.repeat(64) },
  context: 'examples/hello',
  platforms: ['linux/amd64', 'linux/arm64'],
  buildArgs: { VERSION: '1.2.0' },
};

describe('SLSA provenance v1 from the runner and the build record', () => {
  it('names the reusable workflow as builder, the caller as workflow, the source commit and the Containerfile', () => {
    const p = slsaProvenance(ENV, CLAIMS, RECORD) as {
      buildDefinition: Record<string, unknown>;
      runDetails: unknown;
    };
    expect(p.buildDefinition).toEqual({
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: {
        workflow: {
          ref: 'refs/heads/main',
          repository: 'https://github.com/acme/hello',
          path: '.github/workflows/release.yml',
        },
        build: {
          containerfile: 'examples/hello/Containerfile',
          context: 'examples/hello',
          platforms: ['linux/amd64', 'linux/arm64'],
          buildArgs: { VERSION: '1.2.0' },
        },
      },
      internalParameters: {
        github: {
          event_name: 'push',
          repository_id: '123456',
          repository_owner_id: '7890',
          runner_environment: 'github-hosted',
          run_id: '4242',
          run_attempt: '2',
        },
        builder: 'buildah',
      },
      resolvedDependencies: [
        {
          uri: 'git+https://github.com/acme/hello@refs/heads/main',
          digest: { gitCommit: '0123456789abcdef0123456789abcdef01234567' },
        },
        {
          uri: 'git+https://github.com/acme/hello@0123456789abcdef0123456789abcdef01234567#examples/hello/Containerfile',
          name: 'examples/hello/Containerfile',
          digest: { sha256: 'c'.repeat(64) },
        },
      ],
    });
    expect(p.runDetails).toEqual({
      builder: { id: 'https://github.com/acme/chain/.github/workflows/docker-publish.yml@refs/tags/v1.2.0' },
      metadata: { invocationId: 'https://github.com/acme/hello/actions/runs/4242/attempts/2' },
    });
  });

  it('with a key (no token), the runner workflow ref stands for the builder', () => {
    const p = slsaProvenance(ENV, {}, RECORD) as { runDetails: { builder: { id: string } } };
    expect(p.runDetails.builder.id).toBe(
      'https://github.com/acme/hello/.github/workflows/release.yml@refs/heads/main',
    );
  });

  it('fails closed, naming what is missing, outside a GitHub Actions run', () => {
    const { GITHUB_SHA: _sha, GITHUB_RUN_ID: _run, ...partial } = ENV;
    expect(() => slsaProvenance(partial, {}, RECORD)).toThrow(
      /Input "attestations": .*GITHUB_SHA, GITHUB_RUN_ID are not set/,
    );
  });

  it("keyless, the facts are the OIDC token's: the token alone suffices, and a claim it lacks fails closed", () => {
    const tokenOnly = slsaProvenance({ GITHUB_SERVER_URL: 'https://github.com' }, CLAIMS, RECORD);
    expect(tokenOnly).toEqual(slsaProvenance(ENV, CLAIMS, RECORD));
    const { sha: _sha, repository_id: _id, ...partial } = CLAIMS;
    expect(() => slsaProvenance(ENV, partial, RECORD)).toThrow(
      /Input "attestations": keyless provenance is made from the job's OIDC token .* no repository_id, sha claims/,
    );
  });

  it.each([
    ['GITHUB_SHA', 'fedcba9876543210fedcba9876543210fedcba98', 'sha'],
    ['GITHUB_REPOSITORY', 'evil/hello', 'repository'],
    ['GITHUB_REF', 'refs/heads/release', 'ref'],
    ['GITHUB_EVENT_NAME', 'workflow_dispatch', 'event_name'],
    ['GITHUB_REPOSITORY_ID', '666', 'repository_id'],
    ['RUNNER_ENVIRONMENT', 'self-hosted', 'runner_environment'],
  ])('keyless, refuses when the runner says %s=%s but the token says otherwise', (name, value, claim) => {
    // A step that wrote GITHUB_ENV (or a runner that lies) must not put its facts into certified provenance.
    expect(() => slsaProvenance({ ...ENV, [name]: value }, CLAIMS, RECORD)).toThrow(
      new RegExp(
        `the runner's environment disagrees with the job's OIDC token \\(${name}=${value}, the token's ${claim}=`,
      ),
    );
  });

  it.each(['pull_request_target', 'workflow_run'])(
    'refuses provenance for a privileged %s run unless allowed explicitly',
    (event) => {
      const claims = { ...CLAIMS, event_name: event };
      const env = { ...ENV, GITHUB_EVENT_NAME: event };
      expect(() => slsaProvenance(env, claims, RECORD)).toThrow(
        new RegExp(
          `Input "allow-privileged-event-provenance": refusing to make provenance for a ${event} run`,
        ),
      );
      expect(() => slsaProvenance(env, {}, RECORD)).toThrow(/refusing to make provenance/);
      const allowed = slsaProvenance(env, claims, RECORD, 'attestations', { allowPrivilegedEvent: true }) as {
        buildDefinition: { internalParameters: { github: { event_name: string } } };
      };
      expect(allowed.buildDefinition.internalParameters.github.event_name).toBe(event);
    },
  );

  it('reads only a well-formed build record', () => {
    expect(parseBuildRecord(JSON.parse(JSON.stringify(RECORD)), 'build-record')).toEqual(RECORD);
    for (const bad of [{}, { ...RECORD, digest: 'latest' }, { ...RECORD, containerfile: { path: 'x' } }]) {
      expect(() => parseBuildRecord(bad, 'build-record')).toThrow(ConfigurationError);
    }
  });
});

const REPORT = {
  schema: 'scan-report/v1',
  tool: 'image-scan',
  passed: false,
  severities: ['CRITICAL', 'HIGH'],
  ignoreUnfixed: false,
  scanners: { trivy: { version: '0.74.0', dbUpdatedAt: '2026-07-01T06:00:00Z', dbVersion: '2' } },
  counts: { trivy: { CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 } },
  failing: [],
  findings: [
    {
      scanner: 'trivy',
      kind: 'vulnerability',
      id: 'CVE-2021-23337',
      aliases: [],
      package: 'lodash',
      installed: '4.17.20',
      fixed: '4.17.21',
      severity: 'HIGH',
      title: '',
      target: '',
      url: undefined,
      platform: 'linux/amd64',
    },
  ],
  ignored: [],
  ignoredUnfixed: [],
  digest: DIGEST.toString(),
  platforms: [
    { platform: 'linux/amd64', digest: `sha256:${'1'.repeat(64)}`, counts: { HIGH: 1 } },
    { platform: 'linux/arm64', digest: `sha256:${'2'.repeat(64)}`, counts: {} },
  ],
  startedAt: '2026-07-02T10:00:00.000Z',
  finishedAt: '2026-07-02T10:00:03.500Z',
};
const RUN = {
  runURL: 'https://github.com/acme/hello/actions/runs/4242/attempts/2',
  runId: '4242',
  builderId: 'https://github.com/acme/chain/.github/workflows/docker-publish.yml@refs/tags/v1.2.0',
};

describe("cosign's vuln predicate from image-scan's report", () => {
  it('carries the scanner, DB, verdict, counts, findings and scan times', () => {
    const p = cosignVulnPredicate(REPORT, DIGEST, RUN) as Record<string, Record<string, unknown>>;
    expect(p.scanner?.uri).toBe('pkg:github/aquasecurity/trivy@v0.74.0');
    expect(p.scanner?.version).toBe('0.74.0');
    expect(p.scanner?.db).toEqual({ uri: 'pkg:oci/trivy-db', version: '2@2026-07-01T06:00:00Z' });
    expect(p.scanner?.result).toEqual({
      SchemaVersion: 2,
      Results: [
        {
          Target: 'linux/amd64',
          Vulnerabilities: [
            {
              VulnerabilityID: 'CVE-2021-23337',
              PkgName: 'lodash',
              InstalledVersion: '4.17.20',
              FixedVersion: '4.17.21',
              Severity: 'HIGH',
            },
          ],
        },
        { Target: 'linux/arm64', Vulnerabilities: [] },
      ],
      passed: false,
      counts: REPORT.counts.trivy,
      platforms: REPORT.platforms,
    });
    expect(p.metadata).toEqual({
      scanStartedOn: '2026-07-02T10:00:00.000Z',
      scanFinishedOn: '2026-07-02T10:00:03.500Z',
    });
    expect(p.invocation).toMatchObject({ uri: RUN.runURL, event_id: '4242', 'builder.id': RUN.builderId });
  });

  it("puts secrets under Trivy's Secrets and a finding without a fixed version without FixedVersion", () => {
    const secret = {
      ...REPORT.findings[0],
      kind: 'secret',
      id: 'aws-access-key-id',
      title: 'AWS Access Key ID',
      fixed: undefined,
      severity: 'CRITICAL',
    };
    const unfixed = { ...REPORT.findings[0], fixed: undefined, platform: 'linux/arm64' };
    const p = cosignVulnPredicate({ ...REPORT, findings: [secret, unfixed] }, DIGEST, RUN) as {
      scanner: { result: { Results: unknown[] } };
    };
    expect(p.scanner.result.Results).toEqual([
      {
        Target: 'linux/amd64',
        Vulnerabilities: [],
        Secrets: [{ RuleID: 'aws-access-key-id', Severity: 'CRITICAL', Title: 'AWS Access Key ID' }],
      },
      {
        Target: 'linux/arm64',
        Vulnerabilities: [
          {
            VulnerabilityID: 'CVE-2021-23337',
            PkgName: 'lodash',
            InstalledVersion: '4.17.20',
            Severity: 'HIGH',
          },
        ],
      },
    ]);
  });

  it('refuses a report of another digest, of repo-scan, or without scan times', () => {
    expect(() => cosignVulnPredicate(REPORT, OTHER, RUN)).toThrow(
      new RegExp(`Input "scan-report": the report is for ${DIGEST}, not for ${OTHER}`),
    );
    expect(() => cosignVulnPredicate({ ...REPORT, tool: 'repo-scan' }, DIGEST, RUN)).toThrow(
      /not image-scan's/,
    );
    const { startedAt: _s, ...old } = REPORT;
    expect(() => cosignVulnPredicate(old, DIGEST, RUN)).toThrow(/no startedAt time/);
  });
});

describe('in-toto statement v1', () => {
  it('has exactly _type, subject, predicateType and predicate', () => {
    const bytes = inTotoStatement({
      kind: 'vuln',
      predicateType: COSIGN_VULN_PREDICATE,
      subjects: [{ name: 'ghcr.io/acme/hello', digest: DIGEST }],
      predicate: { a: 1 },
    });
    expect(JSON.parse(bytes.toString())).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'ghcr.io/acme/hello', digest: { sha256: DIGEST.hex } }],
      predicateType: COSIGN_VULN_PREDICATE,
      predicate: { a: 1 },
    });
    expect(SLSA_PROVENANCE_V1).toBe('https://slsa.dev/provenance/v1');
  });
});
