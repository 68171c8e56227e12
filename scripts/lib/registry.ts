import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Digest, ImageReference, RegistryClient } from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { NEW_EC_KEY, openssl, selfSignedEc } from './certificates.ts';
import { imageManifest } from './layout-fixture.ts';

export interface LocalRegistry {
  /** host:port on 127.0.0.1 */
  host: string;
  url: string;
  dir: string;
  /** PEM of the CA that signed the registry's certificate (TLS registries). */
  caPem?: string;
  caFile?: string;
  username?: string;
  password?: string;
  stop(): Promise<void>;
}

/** Whether something accepts TCP connections on host:port (false on refusal, error or timeout). */
export function portOpen(host: string, port: number, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function makeCertificates(dir: string): { caFile: string; certFile: string; keyFile: string } {
  const ca = selfSignedEc(dir, 'ca', '/CN=test registry CA');
  openssl(dir, [
    'req',
    ...NEW_EC_KEY,
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=127.0.0.1',
  ]);
  writeFileSync(
    join(dir, 'ext.cnf'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n',
  );
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  ]);
  return { caFile: ca.certFile, certFile: join(dir, 'server.pem'), keyFile: join(dir, 'server.key') };
}

/** Starts Debian's docker-registry (CNCF distribution 2.8) on a free loopback port. */
export interface TokenAuth {
  realm: string;
  service: string;
  issuer: string;
  certFile: string;
}

export async function startRegistry(
  options: { tls?: boolean; auth?: { username: string; password: string }; token?: TokenAuth } = {},
): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const port = await freePort();
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
  ];
  let caFile: string | undefined;
  if (options.tls) {
    const certs = makeCertificates(dir);
    caFile = certs.caFile;
    lines.push('  tls:', `    certificate: ${certs.certFile}`, `    key: ${certs.keyFile}`);
  }
  if (options.auth) {
    const htpasswd = execFileSync('htpasswd', [
      '-Bbn',
      options.auth.username,
      options.auth.password,
    ]).toString();
    writeFileSync(join(dir, 'htpasswd'), htpasswd);
    lines.push('auth:', '  htpasswd:', '    realm: test-registry', `    path: ${join(dir, 'htpasswd')}`);
  }
  if (options.token) {
    const t = options.token;
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${t.realm}`,
      `    service: ${t.service}`,
      `    issuer: ${t.issuer}`,
      `    rootcertbundle: ${t.certFile}`,
    );
  }
  writeFileSync(join(dir, 'config.yml'), `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const scheme = options.tls ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited: ${stderr}`);
    if (await portOpen('127.0.0.1', port)) break;
    if (Date.now() > deadline) throw new Error(`docker-registry did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    dir,
    ...(caFile ? { caFile, caPem: readFileSync(caFile, 'utf8') } : {}),
    ...(options.auth ?? {}),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A containers auth.json (0600) holding basic credentials for one registry. */
export function writeAuthFile(
  registry: string,
  username: string,
  password: string,
  extra: Record<string, unknown> = {},
): string {
  const file = join(mkdtempSync(join(tmpdir(), 'auth-')), 'auth.json');
  const auths = { [registry]: { auth: Buffer.from(`${username}:${password}`).toString('base64') }, ...extra };
  writeFileSync(file, JSON.stringify({ auths }), { mode: 0o600 });
  return file;
}

/** Pushes a small single-manifest image (config only) under `tag`; returns its digest. */
export async function pushTinyImage(
  host: string,
  repo: string,
  seed: string,
  tag = `sha-${seed}`,
): Promise<Digest> {
  const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
  const image = ImageReference.parse(`${host}/${repo}`);
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', seed }));
  const manifest = imageManifest({ digest: await client.uploadBlob(image, config), size: config.length });
  return Digest.parse(
    await client.putManifest(image, tag, manifest, 'application/vnd.oci.image.manifest.v1+json'),
  );
}

/**
 * Copies an OCI layout (every platform, digests preserved) to `destination` (host/repo:tag) in a plain-HTTP
 * registry with the real skopeo, with no credentials of this machine's (a fresh HOME).
 */
export function copyLayoutToRegistry(layout: string, destination: string): void {
  execFileSync(
    'skopeo',
    [
      'copy',
      '--all',
      '--preserve-digests',
      '--dest-tls-verify=false',
      `oci:${layout}`,
      `docker://${destination}`,
    ],
    { stdio: 'pipe', env: { PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'nohome-')) } },
  );
}
