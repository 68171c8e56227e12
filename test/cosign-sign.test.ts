// cosign-sign, bundled, under the runner contract: keyless through a runner OIDC stand-in and the local
// Sigstore (real HTTP, real keys), or with a real cosign key file; signatures stored in the real
// docker-registry (fallback tag path) or behind a registry with the OCI 1.1 referrers API; read back
// and verified by the same core verifier tag-promote uses.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkImageSignatures,
  ImageReference,
  parseTrustedRoot,
  RegistryClient,
  readBundleReferrers,
  readClassicSignatures,
  verifyBundle,
} from '@chain/core';
import { MemoryLogger, runAction } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { action } from '../actions/cosign-sign/src/action.ts';
import { type OidcStandIn, RECORDED_RUN_ENV, startOidcStandIn } from './helpers/aws-server.ts';
import { validClusterPolicy } from './helpers/kyverno.ts';
import {
  ALICE,
  BOB,
  GITHUB_ISSUER,
  keylessSignStep,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { writeBuildRecord } from './helpers/real-tools.ts';
import { type ReferrersRegistry, startReferrersRegistry } from './helpers/referrers-registry.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';
import { printed, runBundleAsync, userErrorLine } from './helpers/runner.ts';

const COSIGN_KEY = readFileSync(
  join(import.meta.dirname, 'fixtures', 'sigstore', 'cosign-keys', 'conforma-empty-password.key'),
  'utf8',
);

let sigstore: LocalSigstore;
let registry: LocalRegistry;
let referrersRegistry: ReferrersRegistry;
let alice: OidcStandIn;
let bob: OidcStandIn;
let rootFile: string;
const client = () => new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });

beforeAll(async () => {
  // The mock Fulcio puts the token's `sub` in the certificate SAN (real Fulcio derives it from
  // job_workflow_ref); the stand-ins use GitHub workflow identities as `sub` for that reason.
  [sigstore, registry, alice, bob] = await Promise.all([
    startLocalSigstore({ tsa: true }),
    startRegistry(),
    startOidcStandIn({ sub: ALICE }),
    startOidcStandIn({ sub: BOB }),
  ]);
  referrersRegistry = await startReferrersRegistry(registry.host);
  rootFile = writeTrustedRoot(sigstore);
});
afterAll(async () => {
  await Promise.all([
    sigstore?.stop(),
    registry?.stop(),
    referrersRegistry?.stop(),
    alice?.stop(),
    bob?.stop(),
  ]);
});

function sign(inputs: Record<string, string>, oidc: OidcStandIn | null = alice, env: NodeJS.ProcessEnv = {}) {
  return runBundleAsync('cosign-sign', 'main', keylessSignStep(sigstore, rootFile, oidc, { inputs, env }));
}

const root = () => parseTrustedRoot(sigstore.trustedRoot);
const repo = (name: string, host = registry.host) => ImageReference.parse(`${host}/${name}`);

describe('cosign-sign keyless', () => {
  it('signs both formats, stores them where cosign and Kyverno look, and every output checks out', async () => {
    const digest = await pushTinyImage(registry.host, 'acme/signed', '1111111');
    const r = await sign({ image: `${registry.host}/acme/signed@${digest}` });
    expect(r.status, r.stdout + r.stderr).toBe(0);

    expect(r.outputs.digest).toBe(digest.toString());
    expect(r.outputs['certificate-identity']).toBe(ALICE);
    expect(r.outputs['certificate-issuer']).toBe(GITHUB_ISSUER);
    expect(r.outputs['rekor-log-index']).toMatch(/^\d+$/);
    const refs = JSON.parse(r.outputs['signature-refs'] ?? '[]') as { format: string; ref: string }[];
    expect(refs.map((x) => x.format)).toEqual(['classic', 'bundle', 'referrers-fallback']);
    expect(refs[0]?.ref).toBe(`${registry.host}/acme/signed:${digest.toTagStem()}.sig`);
    expect(refs[2]?.ref).toBe(`${registry.host}/acme/signed:${digest.toTagStem()}`);
    expect(r.outputs['verify-command']).toBe(
      `cosign verify --certificate-identity-regexp='^https://github\\.com/acme/app/\\.github/workflows/publish\\.yml@refs/heads/main$' ` +
        '--certificate-oidc-issuer=https://token.actions.githubusercontent.com ' +
        // The repository the certificate was issued for (the OIDC stand-in's repository claim).
        `--certificate-github-workflow-repository=acme/hello --trusted-root=${rootFile} ${registry.host}/acme/signed@${digest}`,
    );

    // Independently: both formats read back and verify for Alice and this digest.
    const check = await checkImageSignatures(
      client(),
      repo('acme/signed'),
      digest,
      root(),
      {
        identity: ALICE,
        issuer: GITHUB_ISSUER,
      },
      { all: true },
    );
    expect(check.verified.map((v) => v.format)).toEqual(['classic', 'bundle']);
    expect(check.rejected).toEqual([]);

    // The bundle file is the stored DSSE bundle, and it verifies on its own.
    const bundle = JSON.parse(readFileSync(r.outputs.bundle ?? '', 'utf8')) as unknown;
    expect(
      verifyBundle(bundle, { trustedRoot: root(), policy: { identity: ALICE }, artifactDigest: digest.hex })
        .issuer,
    ).toBe(GITHUB_ISSUER);
    const stored = await readBundleReferrers(client(), repo('acme/signed'), digest.toString());
    expect(stored.map((s) => s.bundle)).toEqual([bundle]);

    // The admission policy admits exactly this identity, and Kyverno's CRD accepts it.
    const policy = parse(readFileSync(r.outputs['kyverno-policy'] ?? '', 'utf8')) as Record<string, unknown>;
    expect(validClusterPolicy(policy)).toBe(true);
    expect(JSON.stringify(policy)).toContain(`"type":"Cosign"`);
    expect(JSON.stringify(policy)).toContain(`"subject":"${ALICE}"`);

    expect(r.summary).toContain('Signed and verified');
    expect(r.summary).toContain(r.outputs['verify-command']?.replace(/'/g, '&#39;').slice(0, 20) ?? 'x');
    // The OIDC token never reaches the log.
    for (const jwt of alice.issued) expect(printed(r)).not.toContain(jwt);
  });

  it('appends: a second signer keeps the first signature in both formats', async () => {
    const digest = await pushTinyImage(registry.host, 'acme/twice', '2222222');
    expect((await sign({ image: `${registry.host}/acme/twice`, digest: digest.toString() })).status).toBe(0);
    const r = await sign({ image: `${registry.host}/acme/twice`, digest: digest.toString() }, bob);
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs['certificate-identity']).toBe(BOB);
    expect(await readClassicSignatures(client(), repo('acme/twice'), digest)).toHaveLength(2);
    expect(await readBundleReferrers(client(), repo('acme/twice'), digest.toString())).toHaveLength(2);
    for (const identity of [ALICE, BOB]) {
      const check = await checkImageSignatures(
        client(),
        repo('acme/twice'),
        digest,
        root(),
        {
          identity,
          issuer: GITHUB_ISSUER,
        },
        { all: true },
      );
      expect(check.verified.map((v) => v.format)).toEqual(['classic', 'bundle']);
    }
  });

  it('uses the referrers API where the registry has it (no fallback tag)', async () => {
    const digest = await pushTinyImage(referrersRegistry.host, 'acme/referrers', '3333333');
    const r = await sign({ image: `${referrersRegistry.host}/acme/referrers@${digest}`, format: 'bundle' });
    expect(r.status, r.stdout).toBe(0);
    const refs = JSON.parse(r.outputs['signature-refs'] ?? '[]') as { format: string }[];
    expect(refs.map((x) => x.format)).toEqual(['bundle']);
    expect(referrersRegistry.queries.some((q) => q.includes(`/acme/referrers/referrers/${digest}`))).toBe(
      true,
    );
    expect(await client().headManifest(repo('acme/referrers'), digest.toTagStem())).toBeUndefined();
    const check = await checkImageSignatures(
      client(),
      repo('acme/referrers', referrersRegistry.host),
      digest,
      root(),
      {
        identity: ALICE,
        issuer: GITHUB_ISSUER,
      },
    );
    expect(check.accepted?.format).toBe('bundle');
    expect(
      parse(readFileSync(r.outputs['kyverno-policy'] ?? '', 'utf8')).spec.rules[0].verifyImages[0].type,
    ).toBe('SigstoreBundle');
  });

  it('adds an RFC 3161 timestamp when a TSA is given, in both formats', async () => {
    const digest = await pushTinyImage(registry.host, 'acme/tsa', '4444444');
    const r = await sign({ image: `${registry.host}/acme/tsa@${digest}`, 'tsa-url': sigstore.tsaURL ?? '' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const [layer] = await readClassicSignatures(client(), repo('acme/tsa'), digest);
    expect(JSON.parse(layer?.annotations['dev.sigstore.cosign/rfc3161timestamp'] ?? '{}')).toHaveProperty(
      'SignedRFC3161Timestamp',
    );
    const bundle = JSON.parse(readFileSync(r.outputs.bundle ?? '', 'utf8')) as {
      verificationMaterial: { timestampVerificationData: { rfc3161Timestamps: unknown[] } };
    };
    expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);
  });

  it('fails at once with the permissions fix when the job has no OIDC token, and pushes nothing', async () => {
    const digest = await pushTinyImage(registry.host, 'acme/no-token', '5555555');
    const r = await sign({ image: `${registry.host}/acme/no-token@${digest}` }, null);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('id-token: write');
    expect(await client().headManifest(repo('acme/no-token'), `${digest.toTagStem()}.sig`)).toBeUndefined();
  });

  it('fails the self-check when the certificate had expired before the signature was logged', async () => {
    const stale = await startLocalSigstore({ certificateAgeSeconds: 3600 });
    try {
      const staleRoot = writeTrustedRoot(stale);
      const digest = await pushTinyImage(registry.host, 'acme/expired', '6666666');
      const r = await sign({
        image: `${registry.host}/acme/expired@${digest}`,
        format: 'classic',
        'fulcio-url': stale.fulcioURL,
        'rekor-url': stale.rekorURL,
        'trusted-root': staleRoot,
      });
      expect(r.status).toBe(1);
      expect(userErrorLine(r)).toMatch(
        /self-check failed: the classic signature .* did not read back and verify/,
      );
      expect(userErrorLine(r)).toMatch(/certificate|expired|valid/i);
    } finally {
      await stale.stop();
    }
  });
});

describe('cosign-sign with a key', () => {
  it('signs with a real cosign key file; the public key verifies it and no certificate is involved', async () => {
    const digest = await pushTinyImage(registry.host, 'acme/keyed', '7777777');
    const r = await sign(
      { image: `${registry.host}/acme/keyed@${digest}`, key: COSIGN_KEY, 'key-password': '' },
      null,
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const publicKey = readFileSync(r.outputs['public-key'] ?? '', 'utf8');
    expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(r.outputs['certificate-identity']).toBe('');
    expect(r.outputs['verify-command']).toBe(
      `cosign verify --key=cosign.pub --trusted-root=${rootFile} ${registry.host}/acme/keyed@${digest}`,
    );
    const check = await checkImageSignatures(
      client(),
      repo('acme/keyed'),
      digest,
      root(),
      { publicKey },
      { all: true },
    );
    expect(check.verified.map((v) => v.format)).toEqual(['classic', 'bundle']);
    const [layer] = await readClassicSignatures(client(), repo('acme/keyed'), digest);
    expect(layer?.annotations['dev.sigstore.cosign/certificate']).toBeUndefined();
    // Another key does not verify it.
    const other = await checkImageSignatures(client(), repo('acme/keyed'), digest, root(), {
      publicKey: (await import('node:crypto'))
        .generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
        .publicKey.export({ format: 'pem', type: 'spki' })
        .toString(),
    });
    expect(other.accepted).toBeUndefined();
    // Key material is masked before anything is printed, and never printed otherwise.
    const body = COSIGN_KEY.split('\n')[2] ?? 'x';
    expect(r.stdout).toContain(`::add-mask::${body}`);
    expect(printed(r)).not.toContain(body);
  });

  it.each([
    [{ 'key-password': 'not-the-password' }, /Input "key-password": it does not decrypt the cosign key/],
    [
      { key: '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----' },
      /Input "key": a PUBLIC KEY block is not a private key/,
    ],
    [{ key: 'keys/missing.key' }, /Input "key": it is neither a PEM key nor a readable key file \(ENOENT\)/],
  ])('refuses an unusable key %#, pushing nothing', async (inputs, message) => {
    const digest = await pushTinyImage(registry.host, 'acme/bad-key', '8888888');
    const r = await sign(
      { image: `${registry.host}/acme/bad-key@${digest}`, key: COSIGN_KEY, ...inputs },
      null,
    );
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(message);
    expect(await client().headManifest(repo('acme/bad-key'), `${digest.toTagStem()}.sig`)).toBeUndefined();
  });
});

describe('cosign-sign refuses what it cannot bind to a digest', () => {
  const d = `sha256:${'a'.repeat(64)}`;
  it.each([
    [
      { image: '127.0.0.1:1/acme/app:latest' },
      /Input "image": .* names no digest\. Signatures are bound to a digest, never a tag/,
    ],
    [
      { image: '127.0.0.1:1/acme/app', digest: 'sha256:1234' },
      /Input "digest" digest "sha256:1234" must have exactly 64 hex digits/,
    ],
    [
      { image: `127.0.0.1:1/acme/app@${d}`, digest: `sha256:${'b'.repeat(64)}` },
      /Input "digest": .* differs from the digest in "image"/,
    ],
    [{ image: '127.0.0.1:1/acme/app:v1', digest: d }, /Input "image": drop the tag ":v1"/],
    [
      { image: `127.0.0.1:1/acme/app@${d}`, format: 'bundle', 'kyverno-policy': 'Cosign' },
      /Input "kyverno-policy": a Cosign policy cannot admit bundle-only/,
    ],
  ])('%j', async (inputs, message) => {
    const r = await sign(inputs as Record<string, string>);
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(message);
  });

  it('refuses a digest the registry does not have', async () => {
    const r = await sign({ image: `${registry.host}/acme/absent@sha256:${'c'.repeat(64)}` });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(/is not in the registry; push it first/);
  });
});

// The same step in the test process (its seam, runAction), against the same registry and Sigstore: the
// decisions (key or keyless) and the failure paths past the plan, asserted on codes, inputs and effects.
describe('cosign-sign in process', () => {
  const inProcess = (
    inputs: Record<string, string>,
    oidc: OidcStandIn | null = alice,
    env: NodeJS.ProcessEnv = {},
  ) => {
    const dir = mkdtempSync(join(tmpdir(), 'cosign-sign-in-process-'));
    return runAction(action, {
      ...keylessSignStep(sigstore, rootFile, oidc, { inputs, env: { HOME: dir, RUNNER_TEMP: dir, ...env } }),
      workspace: dir,
    });
  };
  const unsigned = async (name: string, digest: { toTagStem(): string }) =>
    (await client().headManifest(repo(name), `${digest.toTagStem()}.sig`)) === undefined &&
    (await client().headManifest(repo(name), digest.toTagStem())) === undefined;

  it("keyless: signs as the token's identity, sets every output, writes the summary, runs no tool", async () => {
    const digest = await pushTinyImage(registry.host, 'acme/in-process', '1212121');
    const r = await inProcess({ image: `${registry.host}/acme/in-process@${digest}` });
    expect(r.error).toBeUndefined();
    expect(r.calls).toEqual([]);
    expect(r.output).toMatchObject({
      digest: digest.toString(),
      'certificate-identity': ALICE,
      'certificate-issuer': GITHUB_ISSUER,
      'public-key': '',
      attestations: '{}',
      'github-attestations': '[]',
    });
    expect(r.output['rekor-log-index']).toMatch(/^\d+$/);
    expect(readFileSync(r.output['kyverno-policy'] ?? '', 'utf8')).toContain(ALICE);
    expect(r.summaries.join('')).toContain('Signed and verified');
    // The token this step got is masked.
    expect(r.logger.secrets).toContain(alice.issued.at(-1));
    const check = await checkImageSignatures(client(), repo('acme/in-process'), digest, root(), {
      identity: ALICE,
      issuer: GITHUB_ISSUER,
    });
    expect(check.accepted).toBeDefined();
  });

  it('with a key: no token asked, the public key is an output, no certificate identity', async () => {
    const digest = await pushTinyImage(registry.host, 'acme/in-process-key', '1313131');
    const r = await inProcess(
      { image: `${registry.host}/acme/in-process-key@${digest}`, key: COSIGN_KEY, 'kyverno-policy': 'none' },
      null,
    );
    expect(r.error).toBeUndefined();
    expect(r.output['certificate-identity']).toBe('');
    expect(r.output['kyverno-policy']).toBe('');
    const publicKey = readFileSync(r.output['public-key'] ?? '', 'utf8');
    expect(r.summaries.join('')).toContain('key (ECDSA P-256)');
    const check = await checkImageSignatures(
      client(),
      repo('acme/in-process-key'),
      digest,
      root(),
      { publicKey },
      { all: true },
    );
    expect(check.verified.map((v) => v.format)).toEqual(['classic', 'bundle']);
  });

  it('a digest the registry does not have fails naming the digest input, signing nothing', async () => {
    const r = await inProcess({ image: `${registry.host}/acme/absent@sha256:${'d'.repeat(64)}` });
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'digest' });
    expect(r.output).toEqual({});
  });

  it('an unreadable trusted root is TRUSTED_ROOT_UNREADABLE, named as the trusted-root input, signing nothing', async () => {
    const digest = await pushTinyImage(registry.host, 'acme/bad-root', '1414141');
    const bad = join(mkdtempSync(join(tmpdir(), 'root-')), 'trusted_root.json');
    writeFileSync(bad, '{ not json');
    const r = await inProcess({ image: `${registry.host}/acme/bad-root@${digest}`, 'trusted-root': bad });
    expect(r.code).toBe('TRUSTED_ROOT_UNREADABLE');
    expect(r.error).toMatchObject({ input: 'trusted-root', actual: bad });
    expect(r.output).toEqual({});
    expect(await unsigned('acme/bad-root', digest)).toBe(true);
  });

  it("keyless without the job's OIDC token: the permission fix, nothing signed", async () => {
    const digest = await pushTinyImage(registry.host, 'acme/no-token-in-process', '1515151');
    const r = await inProcess({ image: `${registry.host}/acme/no-token-in-process@${digest}` }, null);
    expect(r.code).toBe('CONFIGURATION');
    expect((r.error as Error).message).toContain('id-token: write');
    expect(await unsigned('acme/no-token-in-process', digest)).toBe(true);
  });

  it("refuses provenance in a privileged event (with a key, from the runner's variables) unless allowed", async () => {
    const digest = await pushTinyImage(registry.host, 'acme/privileged', '1616161');
    const record = writeBuildRecord(join(mkdtempSync(join(tmpdir(), 'record-')), 'build-record.json'), {
      digest: digest.toString(),
    });
    const inputs = {
      image: `${registry.host}/acme/privileged@${digest}`,
      key: COSIGN_KEY,
      attestations: 'provenance',
      'build-record': record,
      'kyverno-policy': 'none',
    };
    const env = { ...RECORDED_RUN_ENV, GITHUB_EVENT_NAME: 'pull_request_target' };
    const refused = await inProcess(inputs, null, env);
    expect(refused.code).toBe('INPUT_INVALID');
    expect(refused.error).toMatchObject({ input: 'allow-privileged-event-provenance' });
    expect(await unsigned('acme/privileged', digest)).toBe(true);
    const allowed = await inProcess({ ...inputs, 'allow-privileged-event-provenance': 'true' }, null, env);
    expect(allowed.error).toBeUndefined();
    const attested = JSON.parse(allowed.output.attestations ?? '{}') as Record<string, { refs: unknown[] }>;
    expect(attested.provenance?.refs).toHaveLength(2);
  });
});
