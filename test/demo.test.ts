// `npm run demo` end to end (offline: nothing is downloaded): the workflow's own steps run as bundled
// actions against an embedded registry and a local Sigstore, the real scanners scan with offline DBs,
// one digest goes from build to promotion, real cosign verifies it; the registry is gone afterwards.
// Variants: --pr (nothing is pushed) and --ecr (the ECR path, through ecr-oidc-login and the STS/ECR stand-in).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/actions.ts';
import { realTools } from './helpers/real-scanners.ts';

const { skip } = realTools('trivy', 'osv-scanner', 'syft', 'cosign');

/** `npm run demo --offline` with these flags, uncoloured; `env` is added to this process's environment. */
function runDemo(flags: string[] = [], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [join(repoRoot, 'scripts', 'demo.ts'), '--offline', ...flags], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
}

/** The environment of a machine where the real tools cannot be had: no tool cache, none on PATH. */
function withoutRealTools(): NodeJS.ProcessEnv {
  return {
    CHAIN_TOOLS_CACHE: mkdtempSync(join(tmpdir(), 'no-tools-')),
    PATH: (process.env.PATH ?? '')
      .split(delimiter)
      .filter((d) => !d.includes('chain-tools'))
      .join(delimiter),
  };
}

describe('npm run demo', () => {
  it('runs the reference chain with one digest from build to promotion and cleans up', () => {
    const r = runDemo();
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const digest = /one digest from build to promotion: (sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1];
    expect(digest).toBeDefined();
    for (const stage of [
      'build (oci-build)',
      'push (skopeo-push)',
      'sign (cosign-sign)',
      'promote :latest',
      'promote :nightly ',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^${stage.replace(/[()]/g, '\\$&')}\\s+${digest}`, 'm'));
    }
    if (skip === undefined) {
      // Production-equivalent: the real scanners ran, and the real cosign accepted the final digest.
      expect(r.stdout).toMatch(/^verdict: PASSED$/m);
      expect(r.stdout).toMatch(
        /^repository gate: passed, by osv-scanner 2\.5\.1, trivy 0\.74\.0, syft 1\.51\.0/m,
      );
      expect(r.stdout).toMatch(
        new RegExp(`^scan \\(image-scan\\)\\s+${digest}\\s+scanned layout digest, by trivy 0\\.74\\.0`, 'm'),
      );
      expect(r.stdout).toMatch(
        new RegExp(`^verify \\(real cosign 3\\.1\\.3\\)\\s+${digest}\\s+cosign verify accepted it`, 'm'),
      );
      // The three attestations, written by the workflow's cosign-sign from the artifact the publish job
      // uploaded, each accepted by the real cosign verify-attestation in both formats.
      for (const kind of ['provenance', 'sbom', 'vuln'])
        expect(r.stdout).toMatch(
          new RegExp(`^attest ${kind} \\(cosign-sign\\)\\s+${digest}\\s+.*read back and verified$`, 'm'),
        );
      expect(r.stdout).toMatch(/^attest sbom .*per platform: linux\/amd64, linux\/arm64;/m);
      for (const type of ['slsaprovenance1', 'cyclonedx', 'vuln'])
        expect(r.stdout).toMatch(
          new RegExp(
            `^verify-attestation ${type} \\(real cosign 3\\.1\\.3\\)\\s+${digest}\\s+.*accepted it \\(classic \\.att and bundle\\)$`,
            'm',
          ),
        );
      expect(r.stdout).toMatch(
        new RegExp(
          `^verify-image \\(bundled CLI, hello:latest\\)\\s+${digest}\\s+chain of custody verified \\(provenance,vuln,sbom\\)`,
          'm',
        ),
      );
      expect(r.stdout).toMatch(
        /^source https:\/\/github\.com\/local\/demo @ [0-9a-f]{40} \(certificate and provenance agree\)$/m,
      );
      expect(r.stdout).toMatch(/^scan passed by pkg:github\/aquasecurity\/trivy@v0\.74\.0/m);
      expect(r.stdout).toMatch(/^SBOM linux\/amd64: \d+ components, linux\/arm64: \d+ components$/m);
      expect(r.stdout).toMatch(/^human tags now latest, nightly/m);
      // The runner's artifact store, emulated between the jobs' folders: the name uploaded is the one downloaded.
      const up =
        /publish\/Attestation inputs to the release job .*: ok — artifact emulation: uploaded (attestation-inputs-[0-9a-f]{16}) \(5 files\)/.exec(
          r.stdout,
        )?.[1];
      expect(up).toBeDefined();
      expect(r.stdout).toContain(
        `release/Attestation inputs from the publish job: ok — artifact emulation: downloaded ${up} into`,
      );
    } else {
      expect(r.stdout).toContain('verdict: PASSED — NOT production-equivalent');
      expect(r.stdout).toMatch(/publish\/scan: SKIPPED — trivy, syft not set up/);
    }
    expect(r.stdout).toMatch(/embedded registry 127\.0\.0\.1:\d+: stopped \(port closed\), storage removed/);
    expect(r.stdout).toContain(
      "cosign verify --certificate-identity-regexp='^https://github\\.com/local/demo/",
    );
    // The registry takes only the publisher's login, which the workflow's registry-login steps wrote from the
    // secrets and their post steps removed; nothing reached it otherwise.
    for (const job of ['publish', 'release']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${job}/login: ok`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^  ${job}/post login: ok`, 'm'));
      expect(r.stdout).toMatch(
        new RegExp(
          `^registry login \\(${job}/login\\)\\s+127\\.0\\.0\\.1:\\d+\\s+.* removed by its post step$`,
          'm',
        ),
      );
    }
    expect(r.stdout).toMatch(
      /refuses a client without a login \(HTTP 401\): only the registry-login logins reached it/,
    );
    expect(r.stdout).toContain('every registry write went through a login from registry-login');
    expect(r.stdout).not.toMatch(/demo-[0-9a-f]{48}/); // the registry-password secret is never printed
  });

  it('says the run is not production-equivalent, and why, where the real tools cannot be had', () => {
    const r = runDemo([], { CI: '', ...withoutRealTools() });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('verdict: PASSED — NOT production-equivalent');
    expect(r.stdout).toMatch(
      /publish\/scan: SKIPPED — trivy, syft not set up \(node scripts\/tools\.ts needs Go\), and github\.com is not probed \(--offline\)/,
    );
    // Without the scan only the provenance can be attested; verify-image still checks it and the signature.
    expect(r.stdout).toMatch(/^attest provenance \(cosign-sign\)\s+sha256:/m);
    expect(r.stdout).not.toMatch(/^attest (sbom|vuln) /m);
    expect(r.stdout).toMatch(
      /^verify-image \(bundled CLI, hello:latest\)\s+sha256:[0-9a-f]{64}\s+chain of custody verified \(provenance\)/m,
    );
    expect(r.stdout).toMatch(/demo\/cosign verify: SKIPPED — the real cosign is not set up/);
  });

  it('--pr: the workflow PR mode builds and scans one digest and leaves the registry empty', () => {
    const r = runDemo(['--pr']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const built = /^build \(oci-build\)\s+(sha256:[0-9a-f]{64})$/m.exec(r.stdout)?.[1];
    expect(built).toBeDefined();
    expect(r.stdout).toMatch(new RegExp(`^scan \\(image-scan\\)\\s+${built}$`, 'm'));
    expect(r.stdout).toContain('gate/mode: ok — push=false');
    expect(r.stdout).toContain('steps that write:   none ran');
    expect(r.stdout).toMatch(/: 0 tags, manifest at the built digest: absent/);
    expect(r.stdout).toContain('verdict: PASSED — built and scanned, nothing pushed');
    // No SBOM is made and nothing is handed to a release job that does not run.
    expect(r.stdout).toMatch(/publish\/keep: skipped by if:/);
    expect(r.stdout).toMatch(/release\/\(job\): skipped by if:/);
  });

  it("--ecr: the workflow's ECR path logs in through ecr-oidc-login (STS/ECR stand-in) to a registry that takes only that login", () => {
    const r = runDemo(['--ecr']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      skip === undefined ? /^verdict: PASSED$/m : /^verdict: PASSED — NOT production-equivalent/m,
    );
    const digest = /one digest from build to promotion: (sha256:[0-9a-f]{64})/.exec(r.stdout)?.[1];
    expect(digest).toBeDefined();
    // The workflow's own if:s chose the ECR job and the ECR login of the release job; publish did not run.
    expect(r.stdout).toMatch(/^ {2}publish\/\(job\): skipped by if:/m);
    expect(r.stdout).toMatch(/^ {2}release\/login: skipped by if:/m);
    for (const job of ['publish-ecr', 'release']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${job}/ecr: ok`, 'm'));
      // Its post step ran at job end and removed the login it wrote.
      expect(r.stdout).toMatch(new RegExp(`^  ${job}/post ecr: ok`, 'm'));
      expect(r.stdout).toMatch(
        new RegExp(
          `^ECR login \\(${job}/ecr\\)\\s+127\\.0\\.0\\.1:\\d+\\s+OIDC token .* removed by its post step$`,
          'm',
        ),
      );
    }
    expect(r.stdout).toMatch(
      /^STS\/ECR stand-in: 2 AssumeRoleWithWebIdentity of arn:aws:iam::123456789012:role\/demo-publish .* 2 GetAuthorizationToken; every ECR call SigV4-signed/m,
    );
    expect(r.stdout).toMatch(/^registry 127\.0\.0\.1:\d+: refuses a client without a login \(HTTP 401\)/m);
    // The push, the signing and the promotion each used the auth file the ECR login of its job wrote.
    expect(r.stdout).toMatch(
      new RegExp(
        `^push \\(skopeo-push\\)\\s+${digest}\\s+.*login: auth-file input \\S+/ecr-oidc-login/auth\\.json$`,
        'm',
      ),
    );
    expect(r.stdout).toMatch(
      new RegExp(
        `^sign \\(cosign-sign\\)\\s+${digest}\\s+.*login: auth-file input \\S+/release/temp/ecr-oidc-login/auth\\.json`,
        'm',
      ),
    );
    for (const stage of ['promote :latest', 'promote :nightly ', 'verify (this demo, core verifier)'])
      expect(r.stdout).toMatch(new RegExp(`^${stage.replace(/[()]/g, '\\$&')}\\s+${digest}`, 'm'));
    if (skip === undefined) {
      expect(r.stdout).toMatch(
        new RegExp(`^verify \\(real cosign 3\\.1\\.3\\)\\s+${digest}\\s+cosign verify accepted it`, 'm'),
      );
      // The ECR job hands the attestation inputs to the release job the same way.
      expect(r.stdout).toMatch(
        /publish-ecr\/Attestation inputs to the release job .*: ok — artifact emulation: uploaded/,
      );
      expect(r.stdout).toMatch(
        new RegExp(
          `^verify-image \\(bundled CLI, hello:latest\\)\\s+${digest}\\s+chain of custody verified`,
          'm',
        ),
      );
    }
    // The ECR token (the registry password) is never printed.
    expect(r.stdout + r.stderr).not.toMatch(/ecr-[0-9a-f]{48}/);
    expect(r.stdout).toMatch(/embedded registry 127\.0\.0\.1:\d+: stopped \(port closed\), storage removed/);
  });

  it('fails under CI when a stage was skipped: unscanned bytes must not look like a pass', () => {
    const r = runDemo([], { CI: 'true', ...withoutRealTools() });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('CI is set: a stage that did not run makes the demo fail');
  });
});
