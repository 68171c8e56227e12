// skopeo-push, bundled, against the real docker-registry with the real skopeo: layouts from real buildah.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExecRequest, ImageReference, OciLayout, ProcessToolRunner, RegistryClient } from '@chain/core';
import { MemoryLogger, runAction, type ScriptedCall } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action } from '../actions/skopeo-push/src/action.ts';
import { eventFixture } from './helpers/event-fixtures.ts';
import { type Fault, type FaultProxy, startFaultProxy } from './helpers/fault-proxy.ts';
import { buildahLayout } from './helpers/real-tools.ts';
import { type LocalRegistry, startRegistry, writeAuthFile } from './helpers/registry.ts';
import { type RunnerResult, runBundleAsync } from './helpers/runner.ts';

const SHA = '1234567'.padEnd(40, 'a');
let plain: LocalRegistry;
let secure: LocalRegistry;
let proxy: FaultProxy;
let single: string;
let multi: string;
let other: string;

beforeAll(async () => {
  [plain, secure, single, multi, other] = await Promise.all([
    startRegistry(),
    startRegistry({ tls: true, auth: { username: 'pusher', password: 'Pu5h-secret-42' } }),
    buildahLayout(['linux/amd64'], { run: true }),
    buildahLayout(['linux/amd64', 'linux/arm64']),
    buildahLayout(['linux/arm64']),
  ]);
  proxy = await startFaultProxy(plain.host);
});
afterAll(async () => {
  await Promise.all([plain?.stop(), secure?.stop(), proxy?.stop()]);
});

async function rootOf(layout: string) {
  const oci = await OciLayout.open(layout);
  const root = oci.topLevel();
  return { digest: root.digest, bytes: await oci.readBlob(root) };
}

function push(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<RunnerResult> {
  return runBundleAsync('skopeo-push', 'main', {
    inputs: { 'tls-verify': 'false', ...inputs },
    env: { GITHUB_SHA: SHA, ...env },
  });
}

function inspectRaw(ref: string, extra: string[] = ['--tls-verify=false']): Buffer | undefined {
  try {
    return execFileSync('skopeo', ['inspect', '--raw', ...extra, `docker://${ref}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    return undefined;
  }
}

function errorLine(r: RunnerResult): string {
  return r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
}

describe('skopeo-push to a plain-HTTP registry', () => {
  it('pushes a single-platform layout under the default sha-<commit> tag, byte for byte', async () => {
    const root = await rootOf(single);
    const r = await push({ layout: single, digest: root.digest, image: `${plain.host}/acme/single` });
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs).toEqual({
      digest: root.digest,
      'image-ref': `${plain.host}/acme/single@${root.digest}`,
      tags: JSON.stringify(['sha-1234567']),
    });
    expect(inspectRaw(`${plain.host}/acme/single:sha-1234567`)?.equals(root.bytes)).toBe(true);
    expect(r.summary).toMatch(/\d+ uploaded .*0 already present/);
  });

  it('tag rules on a push of tag v1.2.3 (recorded event): writes sha, version and major.minor; reports the branch rule as skipped', async () => {
    const root = await rootOf(single);
    const r = await push(
      {
        layout: single,
        digest: root.digest,
        image: `${plain.host}/acme/rules`,
        tags: 'sha-{short-sha}\n{version}\n{major}.{minor}\n{branch}',
      },
      eventFixture('tag-v1.2.3').env,
    );
    expect(r.status, r.stdout).toBe(0);
    const tags = ['sha-860c190', '1.2.3', '1.2'];
    expect(JSON.parse(r.outputs.tags ?? '[]')).toEqual(tags);
    for (const tag of tags)
      expect(inspectRaw(`${plain.host}/acme/rules:${tag}`)?.equals(root.bytes), tag).toBe(true);
    expect(inspectRaw(`${plain.host}/acme/rules:v1.2.3`)).toBeUndefined();
    expect(r.stdout).toContain(
      'tag rule "{branch}" skipped: {branch} needs a branch ref (refs/heads/…); this is a push run of refs/tags/v1.2.3',
    );
    expect(r.summary).toContain('<td><code>{branch}</code></td><td>{branch} needs a branch ref');
  });

  it('a second push of the same digest is a no-op that moves no blob', async () => {
    const root = await rootOf(single);
    const r = await push({ layout: single, digest: root.digest, image: `${plain.host}/acme/single` });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('nothing to push');
    expect(r.stdout).not.toContain('$ skopeo copy');
    expect(r.summary).toContain('0 uploaded (0 bytes)');
  });

  it('a different digest under an existing sha-* tag is refused, and the tag keeps its digest', async () => {
    const before = await rootOf(single);
    const root = await rootOf(other);
    const r = await push({ layout: other, digest: root.digest, image: `${plain.host}/acme/single` });
    expect(r.status).toBe(1);
    expect(errorLine(r)).toContain(`(now ${before.digest}) already point elsewhere`);
    expect(errorLine(r)).toContain('immutable');
    expect(inspectRaw(`${plain.host}/acme/single:sha-1234567`)?.equals(before.bytes)).toBe(true);
  });

  it('nightly-* is immutable here too (one definition with tag-promote): a second digest is refused', async () => {
    const first = await rootOf(single);
    const second = await rootOf(other);
    const tags = 'nightly-20261129';
    const ok = await push({
      layout: single,
      digest: first.digest,
      image: `${plain.host}/acme/nightly`,
      tags,
    });
    expect(ok.status, ok.stdout).toBe(0);
    const r = await push({ layout: other, digest: second.digest, image: `${plain.host}/acme/nightly`, tags });
    expect(r.status).toBe(1);
    expect(errorLine(r)).toContain(`nightly-20261129 (now ${first.digest}) already point elsewhere`);
    expect(inspectRaw(`${plain.host}/acme/nightly:nightly-20261129`)?.equals(first.bytes)).toBe(true);
  });

  it('a tampered layer is refused: no blob with its content is committed, and no tag is written', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tamper-')), 'layout');
    cpSync(multi, dir, { recursive: true });
    const { digest } = await rootOf(dir);
    const graph = await (await OciLayout.open(dir)).walk();
    const layer = graph.images[0]?.layers[0];
    if (layer === undefined) throw new Error('no layer');
    const path = join(dir, 'blobs', 'sha256', layer.digest.slice(7));
    const bytes = readFileSync(path);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff; // same size: only a digest check can tell
    writeFileSync(path, bytes);
    const tampered = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const r = await push({
      layout: dir,
      digest,
      image: `${plain.host}/acme/tampered`,
      tags: 'sha-7777777,latest',
    });
    expect(r.status).toBe(1);
    // skopeo checks each layer's digest as it streams it, and stops.
    expect(errorLine(r)).toMatch(
      /Digest did not match, expected sha256:[0-9a-f]{64}, got sha256:[0-9a-f]{64}/,
    );
    expect(errorLine(r)).toContain(tampered);
    expect(inspectRaw(`${plain.host}/acme/tampered:sha-7777777`)).toBeUndefined();
    expect(inspectRaw(`${plain.host}/acme/tampered:latest`)).toBeUndefined();
    // Neither the tampered bytes nor anything under the layer's claimed digest was committed.
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const repo = ImageReference.parse(`${plain.host}/acme/tampered`);
    expect(await client.headBlob(repo, tampered)).toBeUndefined();
    expect(await client.headBlob(repo, layer.digest)).toBeUndefined();
    const blobs = join(plain.dir, 'data', 'docker', 'registry', 'v2', 'blobs', 'sha256');
    expect(existsSync(join(blobs, tampered.slice(7, 9), tampered.slice(7)))).toBe(false);
  });

  it("refuses a digest other than the layout's, naming both", async () => {
    const root = await rootOf(single);
    const wrong = `sha256:${'0'.repeat(64)}`;
    const r = await push({ layout: single, digest: wrong, image: `${plain.host}/acme/x` });
    expect(r.status).toBe(1);
    expect(errorLine(r)).toContain(root.digest);
    expect(errorLine(r)).toContain(wrong);
  });
});

describe('skopeo-push to a TLS registry with htpasswd auth', () => {
  it('pushes a multi-platform index with credentials from auth-file, every tag read back', async () => {
    const root = await rootOf(multi);
    const authFile = writeAuthFile(secure.host, 'pusher', 'Pu5h-secret-42');
    const env = { SSL_CERT_FILE: secure.caFile, NODE_EXTRA_CA_CERTS: secure.caFile };
    const r = await push(
      {
        layout: multi,
        digest: root.digest,
        image: `${secure.host}/acme/multi`,
        tags: 'latest\nsha-abcdef0',
        'auth-file': authFile,
        'tls-verify': 'true',
      },
      env,
    );
    expect(r.status, r.stdout).toBe(0);
    expect(JSON.parse(r.outputs.tags ?? '[]')).toEqual(['sha-abcdef0', 'latest']);
    const certDir = mkdtempSync(join(tmpdir(), 'certs-'));
    cpSync(secure.caFile ?? '', join(certDir, 'ca.crt'));
    const creds = ['--authfile', authFile, '--cert-dir', certDir];
    for (const tag of ['sha-abcdef0', 'latest']) {
      const raw = execFileSync(
        'skopeo',
        ['inspect', '--raw', ...creds, `docker://${secure.host}/acme/multi:${tag}`],
        { env: { ...process.env, ...env } },
      );
      expect(raw.equals(root.bytes)).toBe(true);
    }
    const leaks = `${r.stdout}\n${r.stderr}`
      .split('\n')
      .filter((l) => l.includes('Pu5h-secret-42') && !l.startsWith('::add-mask::'));
    expect(leaks).toEqual([]);
    expect(r.stdout).toContain('$ skopeo copy --all --preserve-digests');
    expect(r.stdout).toContain(`--authfile ${authFile}`);
  });

  it('without credentials: a clear error, no retries, no tag', async () => {
    const root = await rootOf(single);
    const r = await push(
      { layout: single, digest: root.digest, image: `${secure.host}/acme/nocreds`, 'tls-verify': 'true' },
      { NODE_EXTRA_CA_CERTS: secure.caFile, SSL_CERT_FILE: secure.caFile },
    );
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/requires credentials .*Log in first/);
    expect(r.stdout).not.toContain('::warning::retrying');
  });
});

describe('skopeo-push through a fault-injecting proxy', () => {
  function faultOnce(
    match: (method: string, url: string) => boolean,
    fault: Parameters<FaultProxy['decide']> extends never ? never : ReturnType<FaultProxy['decide']>,
  ) {
    let fired = false;
    proxy.decide = (req) => {
      if (fired || !match(req.method ?? '', req.url ?? '')) return undefined;
      fired = true;
      return fault;
    };
  }

  it.each<[string, (method: string, url: string) => boolean, Fault]>([
    [
      '503 on the manifest PUT',
      (m: string, u: string) => m === 'PUT' && u.includes('/manifests/'),
      { status: 503 },
    ],
    [
      '429 with Retry-After on the manifest PUT',
      (m: string, u: string) => m === 'PUT' && u.includes('/manifests/'),
      { status: 429, headers: { 'retry-after': '1' } },
    ],
    // The bodies real registries send (distribution's error envelope; a proxy's HTML page), on each of
    // the requests a push makes: skopeo prints them as "toomanyrequests: …", "unavailable: …", HTML.
    ...(
      [
        ['manifest PUT', (m: string, u: string) => m === 'PUT' && u.includes('/manifests/')],
        ['blob upload POST', (m: string, u: string) => m === 'POST' && u.includes('/blobs/uploads/')],
        ['blob upload PATCH', (m: string, u: string) => m === 'PATCH' && u.includes('/blobs/uploads/')],
        ['blob upload PUT', (m: string, u: string) => m === 'PUT' && u.includes('/blobs/uploads/')],
        ['blob HEAD', (m: string, u: string) => m === 'HEAD' && /\/blobs\/sha256:/.test(u)],
      ] as const
    ).flatMap(([where, match]): [string, (method: string, url: string) => boolean, Fault][] => [
      [
        `429 TOOMANYREQUESTS (distribution's body, Retry-After) on the ${where}`,
        match,
        {
          status: 429,
          headers: { 'retry-after': '1', 'content-type': 'application/json' },
          // Docker Hub's wording: nothing in it says "429" or "too many requests" but the code.
          body: '{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit"}]}',
        },
      ],
      [
        `503 UNAVAILABLE (distribution's body) on the ${where}`,
        match,
        {
          status: 503,
          headers: { 'content-type': 'application/json' },
          body: '{"errors":[{"code":"UNAVAILABLE","message":"registry is read-only during maintenance, retry later"}]}',
        },
      ],
      [
        `502 with a proxy's HTML page on the ${where}`,
        match,
        {
          status: 502,
          headers: { 'content-type': 'text/html' },
          body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
        },
      ],
    ]),
    [
      'a connection reset in the middle of a blob upload',
      (m: string, u: string) => (m === 'PATCH' || m === 'PUT') && u.includes('/blobs/uploads/'),
      'reset',
    ],
  ])('%s: retried, then the push succeeds with the right digest', async (_label, match, fault) => {
    const root = await rootOf(multi);
    const repo = `acme/fault-${Math.random().toString(36).slice(2, 8)}`;
    faultOnce(match, fault);
    const r = await push({
      layout: multi,
      digest: root.digest,
      image: `${proxy.host}/${repo}`,
      tags: 'sha-fa0fa01',
    });
    proxy.decide = () => undefined;
    expect(r.status, r.stdout).toBe(0);
    expect(inspectRaw(`${plain.host}/${repo}:sha-fa0fa01`)?.equals(root.bytes)).toBe(true);
  });

  it('a persistent 401: not retried, clear error, and no tag points at a partial image', async () => {
    const root = await rootOf(multi);
    proxy.decide = (req) =>
      req.method === 'PUT' && req.url?.includes('/manifests/')
        ? { status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } }
        : undefined;
    const r = await push({
      layout: multi,
      digest: root.digest,
      image: `${proxy.host}/acme/denied`,
      tags: 'sha-0badbad',
      'retry-times': '3',
    });
    proxy.decide = () => undefined;
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/skopeo failed|401|unauthorized/i);
    expect(r.stdout).not.toContain('transient registry fault');
    expect(inspectRaw(`${plain.host}/acme/denied:sha-0badbad`)).toBeUndefined();
  });

  it('persistent 503s: gives up after retry-times, and no tag exists', async () => {
    const root = await rootOf(single);
    proxy.decide = (req) =>
      req.method === 'PUT' && req.url?.includes('/manifests/') ? { status: 503 } : undefined;
    const r = await push({
      layout: single,
      digest: root.digest,
      image: `${proxy.host}/acme/down`,
      tags: 'sha-d0wnd0w',
      'retry-times': '1',
    });
    proxy.decide = () => undefined;
    expect(r.status).toBe(1);
    expect(r.stdout.match(/transient registry fault; retrying/g)).toHaveLength(1);
    expect(inspectRaw(`${plain.host}/acme/down:sha-d0wnd0w`)).toBeUndefined();
  });
});

describe('skopeo-push refuses bad inputs', () => {
  it.each([
    [{ image: '127.0.0.1:1/acme/app:v1' }, /Input "image" must be a repository without tag or digest/],
    [{ image: '127.0.0.1:1/Acme/App' }, /Input "image" .*must be lowercase/],
    [{ tags: 'x'.repeat(129) }, /Input "tags" tag "x+…" is 129 characters; at most 128/],
    [{ tags: 'bad tag!' }, /Input "tags" tag "bad tag!" is invalid/],
    [{ layout: '/does/not/exist' }, /OCI layout \/does\/not\/exist does not exist/],
    [{ digest: 'sha256:abc' }, /Input "digest" digest "sha256:abc" must have exactly 64 hex digits/],
  ])('%j', async (bad, message) => {
    const root = await rootOf(single);
    const r = await push({ layout: single, digest: root.digest, image: `${plain.host}/acme/bad`, ...bad });
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(message);
    expect(r.stdout).not.toContain('$ skopeo');
  });
});

// The same step in process (runAction), against the real registry: its decisions and failure paths asserted
// on codes, error fields, tool calls and outputs. skopeo is the real one, or a script where a fault is needed.
describe('skopeo-push in process, against the real registry', () => {
  const realSkopeo = () => new ProcessToolRunner(undefined, { PATH: process.env.PATH });
  const runInProcess = (inputs: Record<string, string>, tools: ScriptedCall[] | ProcessToolRunner) =>
    runAction(action, {
      inputs: { 'tls-verify': 'false', ...inputs },
      env: { GITHUB_SHA: SHA, PATH: process.env.PATH, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'push-in-')) },
      tools,
    });
  const skopeoCopies = (calls: ExecRequest[]) =>
    calls.filter((c) => c.command === 'skopeo' && c.args[0] === 'copy');
  /** Runs the real skopeo for a scripted call (the script decides which calls fail first). */
  const realCopy = (request: ExecRequest) => realSkopeo().run(request);

  it('pushes once with skopeo and gives the other tags the same manifest, then sets its outputs and summary', async () => {
    const root = await rootOf(multi);
    const image = `${plain.host}/acme/in-process`;
    const r = await runInProcess(
      { layout: multi, digest: root.digest, image, tags: 'latest, sha-{short-sha}' },
      realSkopeo(),
    );
    expect(r.error).toBeUndefined();
    expect(r.output).toEqual({
      digest: root.digest,
      'image-ref': `${image}@${root.digest}`,
      tags: JSON.stringify(['sha-1234567', 'latest']),
    });
    // One skopeo copy, to the immutable tag (written first); latest by a manifest PUT of the same bytes.
    expect(skopeoCopies(r.calls)).toHaveLength(1);
    expect(r.calls[0]?.args.at(-1)).toBe(`docker://${image}:sha-1234567`);
    for (const tag of ['sha-1234567', 'latest'])
      expect(inspectRaw(`${image}:${tag}`)?.equals(root.bytes)).toBe(true);
    expect(r.summaries[0]).toContain('written, verified');
  });

  it('an immutable tag at another digest is IMMUTABLE_TAG_CONFLICT before anything is written', async () => {
    const first = await rootOf(single);
    const second = await rootOf(other);
    const image = `${plain.host}/acme/in-process-immutable`;
    const ok = await runInProcess({ layout: single, digest: first.digest, image }, realSkopeo());
    expect(ok.error).toBeUndefined();
    const r = await runInProcess(
      { layout: other, digest: second.digest, image, tags: 'latest\nsha-{short-sha}' },
      [],
    );
    expect(r.code).toBe('IMMUTABLE_TAG_CONFLICT');
    expect(r.error).toMatchObject({ input: 'tags', expected: second.digest, actual: first.digest });
    expect(r.calls).toEqual([]); // no skopeo: nothing was pushed
    expect(r.output).toEqual({});
    expect(inspectRaw(`${image}:sha-1234567`)?.equals(first.bytes)).toBe(true);
    expect(inspectRaw(`${image}:latest`)).toBeUndefined(); // the mutable tag beside it was not written either
  });

  it('a second push of the same digest writes nothing and runs no skopeo', async () => {
    const root = await rootOf(single);
    const image = `${plain.host}/acme/in-process-again`;
    expect(
      (await runInProcess({ layout: single, digest: root.digest, image }, realSkopeo())).error,
    ).toBeUndefined();
    const r = await runInProcess({ layout: single, digest: root.digest, image }, []);
    expect(r.error).toBeUndefined();
    expect(r.calls).toEqual([]);
    expect(r.logger.messages('info')).toContain(
      `every tag already points at ${root.digest}; nothing to push`,
    );
    expect(r.summaries[0]).toContain('already there, verified');
  });

  it('a digest other than the layout’s is DIGEST_MISMATCH, naming both', async () => {
    const root = await rootOf(single);
    const wrong = `sha256:${'0'.repeat(64)}`;
    const r = await runInProcess(
      { layout: single, digest: wrong, image: `${plain.host}/acme/in-process-x` },
      [],
    );
    expect(r.code).toBe('DIGEST_MISMATCH');
    expect(r.error).toMatchObject({ input: 'digest', expected: wrong, actual: root.digest });
    expect(r.calls).toEqual([]);
  });

  it('skopeo reporting another digest than the verified one fails the step, with no outputs', async () => {
    const root = await rootOf(single);
    const image = `${plain.host}/acme/in-process-changed`;
    const lying: ScriptedCall = {
      command: 'skopeo',
      argsPrefix: ['copy'],
      respond: (request) => {
        const file = request.args[request.args.indexOf('--digestfile') + 1] ?? '';
        writeFileSync(file, `sha256:${'1'.repeat(64)}`);
        return {};
      },
    };
    const r = await runInProcess({ layout: single, digest: root.digest, image }, [lying]);
    expect(r.code).toBe('DIGEST_MISMATCH');
    expect(r.error).toMatchObject({
      tool: 'skopeo',
      expected: root.digest,
      actual: `sha256:${'1'.repeat(64)}`,
    });
    expect(r.output).toEqual({});
    expect(inspectRaw(`${image}:sha-1234567`)).toBeUndefined();
  });

  it('a transient skopeo failure is retried (retry-times), a final one is not', async () => {
    const root = await rootOf(single);
    const image = `${plain.host}/acme/in-process-retry`;
    const unavailable: ScriptedCall = {
      command: 'skopeo',
      result: { exitCode: 1, stderrTail: 'writing manifest: unavailable: 503 Service Unavailable' },
    };
    const r = await runInProcess({ layout: single, digest: root.digest, image, 'retry-times': '1' }, [
      unavailable,
      { command: 'skopeo', respond: realCopy },
    ]);
    expect(r.error).toBeUndefined();
    expect(skopeoCopies(r.calls)).toHaveLength(2);
    expect(r.logger.messages('warning')).toEqual([
      expect.stringMatching(
        /^skopeo copy failed on a transient registry fault; retrying in \d+ ms \(attempt 2 of 2\)/,
      ),
    ]);
    const denied: ScriptedCall = {
      command: 'skopeo',
      result: { exitCode: 1, stderrTail: 'writing manifest: unauthorized: authentication required' },
    };
    const d = await runInProcess(
      { layout: single, digest: root.digest, image: `${image}-denied`, 'retry-times': '3' },
      [denied],
    );
    expect(d.code).toBe('COMMAND_FAILED');
    expect(skopeoCopies(d.calls)).toHaveLength(1);
    expect(d.logger.messages('warning')).toEqual([]);
  });
});
