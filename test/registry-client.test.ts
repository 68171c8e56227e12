// The core registry client against the real Debian docker-registry on loopback: plain HTTP, TLS with a
// CA made here plus htpasswd auth, and a fault-injecting proxy for 429/503/resets/401.
import { createHash } from 'node:crypto';
import {
  CommandError,
  ConfigurationError,
  CredentialStore,
  ImageReference,
  ProcessToolRunner,
  RegistryClient,
} from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from './helpers/fault-proxy.ts';
import { imageManifest } from './helpers/layout-fixture.ts';
import { type LocalRegistry, startRegistry, writeAuthFile } from './helpers/registry.ts';
import { startTokenService, type TokenService } from './helpers/token-service.ts';

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const noSleep = async () => {};

let plain: LocalRegistry;
let secure: LocalRegistry;
beforeAll(async () => {
  [plain, secure] = await Promise.all([
    startRegistry(),
    startRegistry({ tls: true, auth: { username: 'ci', password: 'p4ss-w0rd-9' } }),
  ]);
});
afterAll(async () => {
  await Promise.all([plain?.stop(), secure?.stop()]);
});

function client(options: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {}) {
  const logger = new MemoryLogger();
  return { logger, client: new RegistryClient({ logger, tlsVerify: false, sleep: noSleep, ...options }) };
}

/** Pushes a tiny image (config + one layer + manifest) with the client's own upload, returns its manifest. */
async function pushTiny(
  c: RegistryClient,
  ref: ImageReference,
  seed: string,
): Promise<{ digest: string; bytes: Buffer }> {
  const layer = Buffer.from(`layer ${seed}`);
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', seed }));
  await c.uploadBlob(ref, layer);
  await c.uploadBlob(ref, config);
  const manifest = imageManifest({ digest: sha(config), size: config.length }, [
    { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layer), size: layer.length },
  ]);
  return {
    digest: await c.putManifest(ref, sha(manifest), manifest, 'application/vnd.oci.image.manifest.v1+json'),
    bytes: manifest,
  };
}

describe('RegistryClient on a plain-HTTP registry (tls-verify false)', () => {
  it('puts, heads and gets manifests by tag and digest, byte for byte', async () => {
    const { client: c } = client();
    const ref = ImageReference.parse(`${plain.host}/team/app`);
    const { digest, bytes } = await pushTiny(c, ref, 'a');
    await c.putManifest(ref, 'v1', bytes, 'application/vnd.oci.image.manifest.v1+json');
    expect(await c.headManifest(ref, 'v1')).toMatchObject({ digest, size: bytes.length });
    const got = await c.getManifest(ref, digest);
    expect(got?.bytes.equals(bytes)).toBe(true);
    expect((await c.getManifest(ref, 'v1'))?.digest).toBe(digest);
    expect(await c.headManifest(ref, 'missing')).toBeUndefined();
    expect(await c.listTags(ref)).toContain('v1');
  });

  it('mounts a blob across repositories and reports presence by HEAD', async () => {
    const { client: c } = client();
    const from = ImageReference.parse(`${plain.host}/team/source`);
    const to = ImageReference.parse(`${plain.host}/team/target`);
    const blob = Buffer.from('shared layer');
    const digest = await c.uploadBlob(from, blob);
    expect(await c.headBlob(to, digest)).toBeUndefined();
    expect(await c.mountBlob(to, digest, 'team/source')).toBe(true);
    expect(await c.headBlob(to, digest)).toBe(blob.length);
  });

  it('falls back to the referrers tag schema where the registry has no referrers API', async () => {
    const { client: c } = client();
    const ref = ImageReference.parse(`${plain.host}/team/refs`);
    const subject = await pushTiny(c, ref, 'subject');
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: subject.digest,
            size: 1,
            artifactType: 'application/example',
          },
        ],
      }),
    );
    await c.putManifest(
      ref,
      `sha256-${subject.digest.slice(7)}`,
      index,
      'application/vnd.oci.image.index.v1+json',
    );
    const result = await c.referrers(ref, subject.digest, 'application/example');
    expect(result.via).toBe('tag');
    expect(result.manifests).toHaveLength(1);
    expect((await c.referrers(ref, subject.digest, 'other/type')).manifests).toEqual([]);
  });

  it('many concurrent first requests agree on plain HTTP (one shared probe)', async () => {
    const { client: c } = client();
    const ref = ImageReference.parse(`${plain.host}/team/concurrent`);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => c.headBlob(ref, `sha256:${String(i).padStart(64, '0')}`)),
    );
    expect(results).toEqual(Array.from({ length: 12 }, () => undefined));
  });

  it('refuses plain HTTP when TLS verification is required', async () => {
    const { client: c } = client({ tlsVerify: true });
    await expect(c.headManifest(ImageReference.parse(`${plain.host}/team/app`), 'v1')).rejects.toThrow(
      CommandError,
    );
  });
});

describe('RegistryClient on a TLS registry with htpasswd auth', () => {
  it('authenticates with credentials from an auth file and trusts the given CA', async () => {
    const logger = new MemoryLogger();
    const credentials = new CredentialStore({
      env: {},
      runner: new ProcessToolRunner(),
      logger,
      authFile: writeAuthFile(secure.host, 'ci', 'p4ss-w0rd-9'),
    });
    const c = new RegistryClient({ logger, credentials, ca: secure.caPem, sleep: noSleep });
    const ref = ImageReference.parse(`${secure.host}/secure/app`);
    const { digest } = await pushTiny(c, ref, 'tls');
    expect((await c.headManifest(ref, digest))?.digest).toBe(digest);
    expect(logger.secrets.has('p4ss-w0rd-9')).toBe(true);
    expect(logger.messages().join('\n')).not.toContain('p4ss-w0rd-9');
  });

  it('without the CA, verification fails', async () => {
    const { client: c } = client({ tlsVerify: true });
    await expect(c.headManifest(ImageReference.parse(`${secure.host}/secure/app`), 'x')).rejects.toThrow(
      /certificate/,
    );
  });

  it('wrong credentials: a clear configuration error, not retried', async () => {
    const logger = new MemoryLogger();
    const credentials = new CredentialStore({
      env: {},
      runner: new ProcessToolRunner(),
      logger,
      authFile: writeAuthFile(secure.host, 'ci', 'wrong'),
    });
    const c = new RegistryClient({ logger, credentials, ca: secure.caPem, sleep: noSleep });
    const error = await c
      .headManifest(ImageReference.parse(`${secure.host}/secure/app`), 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/refused the credentials for pull on secure\/app \(HTTP 401/);
    expect(logger.messages('warning')).toEqual([]);
  });

  it('no credentials: says how to log in', async () => {
    const { client: c } = client({ ca: secure.caPem, tlsVerify: true });
    await expect(c.getManifest(ImageReference.parse(`${secure.host}/secure/app`), 'x')).rejects.toThrow(
      /requires credentials .* Log in first/,
    );
  });
});

describe('RegistryClient through a fault-injecting proxy', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(plain.host);
  });
  afterAll(async () => proxy?.stop());

  it('retries 503 and 429 (honouring Retry-After), logging each retry, then succeeds', async () => {
    const sleeps: number[] = [];
    const { client: c, logger } = client({ sleep: async (ms) => void sleeps.push(ms), random: () => 0 });
    const ref = ImageReference.parse(`${proxy.host}/team/app`);
    const { digest } = await pushTiny(
      client().client,
      ImageReference.parse(`${plain.host}/team/app`),
      'retry',
    );
    let faults = 0;
    proxy.decide = (req) => {
      if (req.method !== 'GET' || faults >= 2) return undefined;
      faults++;
      return faults === 1 ? { status: 503 } : { status: 429, headers: { 'retry-after': '3' } };
    };
    const got = await c.getManifest(ref, digest);
    proxy.decide = () => undefined;
    expect(got?.digest).toBe(digest);
    expect(sleeps).toEqual([125, 3000]);
    const warnings = logger.messages('warning');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/HTTP 503/);
    expect(warnings[1]).toMatch(/HTTP 429/);
  });

  it('a manifest PUT answered MANIFEST_BLOB_UNKNOWN (a blob another writer is committing) is retried; other 400s are not', async () => {
    const { client: c } = client({ sleep: async () => {}, random: () => 0 });
    const ref = ImageReference.parse(`${proxy.host}/team/app`);
    const unknown =
      '{"errors":[{"code":"MANIFEST_BLOB_UNKNOWN","message":"blob unknown to registry","detail":"sha256:00"}]}';
    let faults = 0;
    proxy.decide = (req) => {
      if (req.method !== 'PUT' || !req.url?.includes('/manifests/') || faults >= 2) return undefined;
      faults++;
      return { status: 400, body: unknown };
    };
    const { digest } = await pushTiny(c, ref, 'blob-race');
    expect(faults).toBe(2);
    expect((await c.headManifest(ref, digest))?.digest).toBe(digest);
    proxy.decide = (req) =>
      req.method === 'PUT' && req.url?.includes('/manifests/')
        ? { status: 400, body: '{"errors":[{"code":"MANIFEST_INVALID","message":"manifest invalid"}]}' }
        : undefined;
    const before = proxy.requests.length;
    await expect(pushTiny(c, ref, 'invalid')).rejects.toThrow(/MANIFEST_INVALID/);
    expect(
      proxy.requests.slice(before).filter((r) => r.method === 'PUT' && r.url.includes('/manifests/')),
    ).toHaveLength(1);
    proxy.decide = () => undefined;
  });

  it('gives up after the attempt budget with the last status', async () => {
    const { client: c } = client({
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, deadlineMs: 60_000 },
    });
    proxy.decide = () => ({ status: 502 });
    await expect(c.headManifest(ImageReference.parse(`${proxy.host}/team/app`), 'v1')).rejects.toThrow(
      /answered HTTP 502/,
    );
    proxy.decide = () => undefined;
  });

  it('never retries 401, 403 or 404', async () => {
    for (const status of [401, 403]) {
      const { client: c, logger } = client();
      const before = proxy.requests.length;
      proxy.decide = () => ({ status, body: '{"errors":[{"code":"DENIED","message":"no"}]}' });
      await expect(c.getManifest(ImageReference.parse(`${proxy.host}/team/app`), 'v1')).rejects.toThrow(
        ConfigurationError,
      );
      expect(proxy.requests.length - before).toBeLessThanOrEqual(2);
      expect(logger.messages('warning')).toEqual([]);
    }
    proxy.decide = () => undefined;
  });

  it('retries a connection reset', async () => {
    const { client: c, logger } = client();
    let resets = 0;
    proxy.decide = (req) => (req.method === 'PUT' && resets++ === 0 ? 'reset' : undefined);
    const ref = ImageReference.parse(`${proxy.host}/team/reset`);
    const { digest } = await pushTiny(c, ref, 'reset');
    proxy.decide = () => undefined;
    expect((await c.headManifest(ref, digest))?.digest).toBe(digest);
    expect(logger.messages('warning').join()).toMatch(/ECONNRESET|network/);
  });

  it('rejects a manifest whose bytes do not match the digest asked for', async () => {
    const { client: c } = client();
    const ref = ImageReference.parse(`${proxy.host}/team/app`);
    const { digest } = await pushTiny(
      client().client,
      ImageReference.parse(`${plain.host}/team/app`),
      'tamper',
    );
    proxy.decide = (req) =>
      req.method === 'GET' && req.url?.includes('/manifests/')
        ? { status: 200, body: '{"schemaVersion":2,"evil":true}' }
        : undefined;
    await expect(c.getManifest(ref, digest)).rejects.toThrow(/hashes to sha256:[0-9a-f]{64}, not sha256/);
    proxy.decide = () => undefined;
  });
});

describe('RegistryClient with bearer tokens from a token service (distribution "token" auth)', () => {
  let tokens: TokenService;
  let registry: LocalRegistry;
  beforeAll(async () => {
    tokens = await startTokenService({ robot: 'r0bot-pass' });
    registry = await startRegistry({ token: tokens });
  });
  afterAll(async () => {
    await Promise.all([registry?.stop(), tokens?.stop()]);
  });

  function tokenClient(password: string) {
    const logger = new MemoryLogger();
    const credentials = new CredentialStore({
      env: {},
      runner: new ProcessToolRunner(),
      logger,
      authFile: writeAuthFile(registry.host, 'robot', password),
    });
    return { logger, client: new RegistryClient({ logger, credentials, tlsVerify: false, sleep: noSleep }) };
  }

  it('follows the challenge: Basic to the token service, Bearer to the registry, scoped per repository and action', async () => {
    const { client: c, logger } = tokenClient('r0bot-pass');
    const ref = ImageReference.parse(`${registry.host}/team/tokened`);
    const { digest } = await pushTiny(c, ref, 'bearer');
    expect((await c.getManifest(ref, digest))?.digest).toBe(digest);
    const scopes = tokens.requests.map((r) => r.scopes.join(' '));
    expect(scopes).toContain('repository:team/tokened:pull,push');
    expect(tokens.requests.every((r) => r.user === 'robot')).toBe(true);
    const jwt = [...logger.secrets].find((s) => s.split('.').length === 3);
    expect(jwt, 'the bearer token is masked').toBeDefined();
    expect(logger.messages().join('\n')).not.toContain(jwt ?? 'never');
  });

  it('asks for pull on the source repository when mounting across repositories', async () => {
    const { client: c } = tokenClient('r0bot-pass');
    const from = ImageReference.parse(`${registry.host}/team/src`);
    const to = ImageReference.parse(`${registry.host}/team/dst`);
    const digest = await c.uploadBlob(from, Buffer.from('mount me'));
    tokens.requests.length = 0;
    expect(await c.mountBlob(to, digest, 'team/src')).toBe(true);
    expect(tokens.requests.at(-1)?.scopes).toEqual([
      'repository:team/dst:pull,push',
      'repository:team/src:pull',
    ]);
  });

  it.each([
    ['a 503', { status: 503, body: 'upstream connect error' }],
    [
      "a proxy's HTML page",
      {
        status: 502,
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
        headers: { 'content-type': 'text/html' },
      },
    ],
    [
      'a 200 with an HTML page',
      {
        status: 200,
        body: '<html><body>maintenance</body></html>',
        headers: { 'content-type': 'text/html' },
      },
    ],
  ])('a token service answering %s once is retried, then works', async (_label, fault) => {
    const { client: c, logger } = tokenClient('r0bot-pass');
    const first = tokens.requests.length;
    tokens.fault = (i) => (i === first ? fault : undefined);
    try {
      const ref = ImageReference.parse(`${registry.host}/team/retried`);
      await pushTiny(c, ref, 'retried');
      expect(logger.messages('warning').join('\n')).toMatch(
        /the token service http:\/\/127\.0\.0\.1:\d+\/token answered/,
      );
    } finally {
      tokens.fault = undefined;
    }
  });

  it('a token service that stays down is a command error naming its URL and status, never "a bug" or a refusal', async () => {
    const { client: c } = tokenClient('r0bot-pass');
    tokens.fault = () => ({ status: 503, body: '<html>Service Unavailable</html>' });
    try {
      const error = await c
        .headManifest(ImageReference.parse(`${registry.host}/team/down`), 'x')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommandError);
      expect((error as Error).message).toMatch(
        /registry 127\.0\.0\.1:\d+: the token service http:\/\/127\.0\.0\.1:\d+\/token answered HTTP 503 with an HTML page/,
      );
    } finally {
      tokens.fault = undefined;
    }
  });

  it('a token service that refuses the credentials is a configuration error, not retried', async () => {
    const { client: c, logger } = tokenClient('wrong');
    const error = await c
      .headManifest(ImageReference.parse(`${registry.host}/team/tokened`), 'x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(
      /token service .* refused the credentials from .*auth.json \(HTTP 401\)/,
    );
    expect(logger.messages('warning')).toEqual([]);
  });
});
