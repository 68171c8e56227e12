// cosign-sign's github-attestations: the provenance attestation, once stored in the registry and verified
// from it, is also stored through GitHub's artifact attestations API (a wire-level stand-in of
// POST /repos/{owner}/{repo}/attestations, test/helpers/github-api.ts), so that `gh attestation verify`
// would find it. The bundle GitHub gets is the one in the registry; throttling is retried; a refusal
// names the permission; a misconfiguration fails before anything is signed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTrustedRoot, SLSA_PROVENANCE_V1, verifyBundle } from '@chain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcStandIn, RECORDED_RUN_ENV, startOidcStandIn } from './helpers/aws-server.ts';
import { type GitHubApiStandIn, startGitHubApiStandIn } from './helpers/github-api.ts';
import {
  GITHUB_ISSUER,
  keylessSignStep,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { writeBuildRecord } from './helpers/real-tools.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';
import { runBundleAsync, userErrorLine } from './helpers/runner.ts';

const JOB_WORKFLOW = 'acme/hello/.github/workflows/publish.yml@refs/heads/main';
const IDENTITY = `https://github.com/${JOB_WORKFLOW}`;
const TOKEN = 'ghs_attestationsToken123';

let sigstore: LocalSigstore;
let registry: LocalRegistry;
let oidc: OidcStandIn;
let dir: string;
let rootFile: string;

beforeAll(async () => {
  [sigstore, registry, oidc] = await Promise.all([
    startLocalSigstore(),
    startRegistry(),
    startOidcStandIn({ sub: IDENTITY, job_workflow_ref: JOB_WORKFLOW, workflow_ref: JOB_WORKFLOW }),
  ]);
  dir = mkdtempSync(join(tmpdir(), 'gh-attest-'));
  rootFile = writeTrustedRoot(sigstore, dir);
});
afterAll(async () => {
  await Promise.all([sigstore?.stop(), registry?.stop(), oidc?.stop()]);
});

async function imageWithRecord(name: string): Promise<{ image: string; digest: string; record: string }> {
  const digest = (await pushTinyImage(registry.host, `acme/${name}`, name.padEnd(7, '0'))).toString();
  const record = writeBuildRecord(join(dir, `${name}.build-record.json`), { digest });
  return { image: `${registry.host}/acme/${name}@${digest}`, digest, record };
}

function sign(
  image: string,
  record: string,
  api: GitHubApiStandIn | undefined,
  inputs: Record<string, string> = {},
) {
  return runBundleAsync(
    'cosign-sign',
    'main',
    keylessSignStep(sigstore, rootFile, oidc, {
      inputs: {
        image,
        'kyverno-policy': 'none',
        attestations: 'provenance',
        'build-record': record,
        'github-attestations': 'true',
        'github-token': TOKEN,
        ...inputs,
      },
      env: { ...RECORDED_RUN_ENV, ...(api ? { GITHUB_API_URL: api.url } : {}) },
    }),
  );
}

describe('cosign-sign github-attestations', () => {
  it('stores the verified provenance bundle on GitHub for this repository; a 503 is retried', async () => {
    const api = await startGitHubApiStandIn({ token: TOKEN, failFirst: [503] });
    try {
      const { image, digest, record } = await imageWithRecord('stored');
      const r = await sign(image, record, api);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(JSON.parse(r.outputs['github-attestations'] ?? '[]')).toEqual([{ kind: 'provenance', id: 1 }]);
      expect(api.requests).toBe(2);
      expect(api.stored).toHaveLength(1);
      const stored = api.stored[0];
      expect([stored?.owner, stored?.repo]).toEqual(['acme', 'hello']);
      // What GitHub got is a bundle that verifies for this image, by this signer, as SLSA provenance.
      const ok = verifyBundle(stored?.bundle, {
        trustedRoot: parseTrustedRoot(sigstore.trustedRoot),
        policy: { identity: IDENTITY, issuer: GITHUB_ISSUER },
        artifactDigest: digest.slice('sha256:'.length),
        predicateType: SLSA_PROVENANCE_V1,
      });
      expect(ok.identity).toBe(IDENTITY);
      expect(r.stdout).toContain(`::add-mask::${TOKEN}`);
      expect(r.stdout.split('\n').filter((l) => l.includes(TOKEN) && !l.startsWith('::add-mask::'))).toEqual(
        [],
      );
      expect(r.summary).toContain('provenance #1');
    } finally {
      await api.stop();
    }
  });

  it('a refusal (no attestations: write) fails the step and says what the job lacks', async () => {
    const api = await startGitHubApiStandIn({ token: TOKEN, failFirst: [403] });
    try {
      const { image, record } = await imageWithRecord('refused');
      const r = await sign(image, record, api);
      expect(r.status).toBe(1);
      expect(userErrorLine(r)).toMatch(/HTTP 403.*permissions: attestations: write/);
      expect(api.requests).toBe(1); // a refusal is final
    } finally {
      await api.stop();
    }
  });

  it('without provenance to store, or without a token, it fails before anything is signed', async () => {
    const { image, record } = await imageWithRecord('early');
    const noProvenance = await sign(image, record, undefined, { attestations: '' });
    expect(noProvenance.status).toBe(1);
    expect(userErrorLine(noProvenance)).toContain('Input "github-attestations"');
    const noToken = await sign(image, record, undefined, { 'github-token': '' });
    expect(noToken.status).toBe(1);
    expect(userErrorLine(noToken)).toContain('Input "github-token" is empty');
    expect(`${noProvenance.stdout}${noToken.stdout}`).not.toContain('signing ');
  });
});
