// registry-login, bundled, against real docker-registries (htpasswd, one behind TLS with its own CA). The
// credentials it writes are used by real skopeo (auth.json, and Docker's config.json alone) and real
// cosign (Docker's config.json alone); its post step removes only what it wrote.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticLayout } from './helpers/layout-fixture.ts';
import { realTools } from './helpers/real-scanners.ts';
import { type LocalRegistry, startRegistry } from './helpers/registry.ts';
import { type RunnerResult, runBundleAsync, stateEnv, userErrorLine } from './helpers/runner.ts';

const SECRET = 'Tls-Pa55-registry-login';
const OTHER_SECRET = 'plain-Pa55-second-registry';
let secure: LocalRegistry;
let plain: LocalRegistry;
let layout: string;
let certDir: string;
const { tools, skip: noCosign } = realTools('cosign');

beforeAll(async () => {
  [secure, plain] = await Promise.all([
    startRegistry({ tls: true, auth: { username: 'pusher', password: SECRET } }),
    startRegistry({ auth: { username: 'other', password: OTHER_SECRET } }),
  ]);
  layout = (
    await writeSyntheticLayout(mkdtempSync(join(tmpdir(), 'login-layout-')), { platforms: ['linux/amd64'] })
  ).dir;
  certDir = mkdtempSync(join(tmpdir(), 'certs-'));
  cpSync(secure.caFile ?? '', join(certDir, 'ca.crt'));
});
afterAll(async () => {
  await Promise.all([secure?.stop(), plain?.stop()]);
});

interface Home {
  env: NodeJS.ProcessEnv;
  dockerConfig: string;
}

/** A HOME whose Docker config already holds someone else's login, and a private RUNNER_TEMP. */
function home(existing: Record<string, { auth: string }> = {}): Home {
  const dir = mkdtempSync(join(tmpdir(), 'home-'));
  mkdirSync(join(dir, '.docker'));
  mkdirSync(join(dir, 'runner-temp'));
  const dockerConfig = join(dir, '.docker', 'config.json');
  const auths = {
    'other.example.com': { auth: Buffer.from('me:other-login').toString('base64') },
    ...existing,
  };
  writeFileSync(dockerConfig, JSON.stringify({ auths }), { mode: 0o600 });
  return { env: { HOME: dir, RUNNER_TEMP: join(dir, 'runner-temp') }, dockerConfig };
}

const tlsEnv = () => ({ NODE_EXTRA_CA_CERTS: secure.caFile, SSL_CERT_FILE: secure.caFile });

function run(entry: 'main' | 'post', inputs: Record<string, string>, env: NodeJS.ProcessEnv) {
  return runBundleAsync('registry-login', entry, {
    inputs,
    env: { GITHUB_ACTOR: 'octocat', ...tlsEnv(), ...env },
  });
}

function auths(file: string): Record<string, { auth: string }> {
  return (JSON.parse(readFileSync(file, 'utf8')) as { auths: Record<string, { auth: string }> }).auths;
}

/** Real skopeo with only the environment given: no --authfile, no --creds. */
function skopeo(args: string[], env: NodeJS.ProcessEnv): boolean {
  try {
    execFileSync('skopeo', args, { stdio: 'pipe', env: { PATH: process.env.PATH, ...env } });
    return true;
  } catch {
    return false;
  }
}

const pushTo = (host: string, tag: string, tls: boolean, env: NodeJS.ProcessEnv) =>
  skopeo(
    [
      'copy',
      ...(tls ? ['--dest-cert-dir', certDir] : ['--dest-tls-verify=false']),
      `oci:${layout}`,
      `docker://${host}/acme/app:${tag}`,
    ],
    env,
  );

function leaks(r: RunnerResult, secrets: string[]): string[] {
  return `${r.stdout}\n${r.stderr}\n${r.summary}`
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::') && secrets.some((s) => line.includes(s)));
}

describe('registry-login against a real registry (htpasswd and TLS)', () => {
  it('checks the login, writes both files 0600, tools find it there, and post removes only its entries', async () => {
    const h = home();
    const main = await run(
      'main',
      { registry: `${secure.host}/acme/app`, username: 'pusher', password: SECRET },
      h.env,
    );
    expect(main.status, main.stdout).toBe(0);
    const authFile = main.outputs['auth-file'] ?? '';
    expect(authFile).toBe(join(h.env.RUNNER_TEMP ?? '', 'registry-login', 'auth.json'));
    expect(main.outputs.registries).toBe(secure.host);
    expect(main.outputs['docker-config']).toBe(join(h.env.HOME ?? '', '.docker'));
    expect(main.exported.REGISTRY_AUTH_FILE).toBe(authFile);
    for (const file of [authFile, h.dockerConfig]) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Object.keys(auths(h.dockerConfig)).sort()).toEqual([secure.host, 'other.example.com'].sort());

    // Masked the moment it existed; never printed, never in state or the summary.
    const basic = Buffer.from(`pusher:${SECRET}`).toString('base64');
    expect(main.stdout).toContain(`::add-mask::${SECRET}`);
    expect(main.stdout).toContain(`::add-mask::${basic}`);
    expect(leaks(main, [SECRET, basic])).toEqual([]);
    expect(main.state).not.toContain(SECRET);
    expect(main.state).not.toContain(basic);
    expect(main.summary).toContain('accepted by the registry');

    // skopeo through REGISTRY_AUTH_FILE, and through Docker's config.json alone.
    const empty = mkdtempSync(join(tmpdir(), 'nohome-'));
    expect(pushTo(secure.host, 'via-auth-file', true, { HOME: empty, REGISTRY_AUTH_FILE: authFile })).toBe(
      true,
    );
    expect(pushTo(secure.host, 'via-docker-config', true, { HOME: h.env.HOME })).toBe(true);
    expect(pushTo(secure.host, 'no-login', true, { HOME: empty })).toBe(false);

    const post = await run('post', {}, { ...h.env, ...stateEnv(main) });
    expect(post.status, post.stdout).toBe(0);
    expect(auths(authFile)).toEqual({});
    expect(Object.keys(auths(h.dockerConfig))).toEqual(['other.example.com']);
    expect(pushTo(secure.host, 'after-post', true, { HOME: h.env.HOME, REGISTRY_AUTH_FILE: authFile })).toBe(
      false,
    );
  });

  it.skipIf(noCosign !== undefined)('real cosign finds the login in Docker config.json alone', async () => {
    const h = home();
    const main = await run('main', { registry: secure.host, username: 'pusher', password: SECRET }, h.env);
    expect(main.status, main.stdout).toBe(0);
    expect(pushTo(secure.host, 'for-cosign', true, { HOME: h.env.HOME })).toBe(true);
    const triangulate = (env: NodeJS.ProcessEnv) =>
      new Promise<number>((resolve) => {
        execFile(
          tools.cosign,
          ['triangulate', `${secure.host}/acme/app:for-cosign`],
          { env: { PATH: process.env.PATH, SSL_CERT_FILE: secure.caFile, ...env } },
          (error) => resolve(error === null ? 0 : 1),
        );
      });
    expect(await triangulate({ HOME: h.env.HOME })).toBe(0);
    expect(await triangulate({ HOME: mkdtempSync(join(tmpdir(), 'nohome-')) })).toBe(1);
  });

  it('a wrong password fails before anything is written, naming the input', async () => {
    const h = home();
    const r = await run(
      'main',
      { registry: secure.host, username: 'pusher', password: 'wrong-password' },
      h.env,
    );
    expect(r.status).toBe(1);
    const error = userErrorLine(r);
    expect(error).toContain('Input "password"');
    expect(error).toContain(`${secure.host} did not accept the login of "pusher"`);
    expect(Object.keys(auths(h.dockerConfig))).toEqual(['other.example.com']);
    expect(existsSync(join(h.env.RUNNER_TEMP ?? '', 'registry-login', 'auth.json'))).toBe(false);
    expect(r.exported.REGISTRY_AUTH_FILE).toBeUndefined();
  });

  it('an empty secret (a run from a fork) is named, not sent', async () => {
    const r = await run('main', { registry: secure.host, username: 'pusher', password: '' }, home().env);
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toContain('Input "password" is empty');
  });

  it('puts back the login it replaced; a second login step appends to the first one’s file', async () => {
    const theirs = Buffer.from('someone:else').toString('base64');
    const h = home({ [secure.host]: { auth: theirs } });
    const first = await run('main', { registry: secure.host, username: 'pusher', password: SECRET }, h.env);
    expect(first.status, first.stdout).toBe(0);
    expect(first.stdout).toMatch(/::warning::replaced a login for 127\.0\.0\.1:\d+ in .*config\.json/);
    const authFile = first.outputs['auth-file'] ?? '';
    const second = await run(
      'main',
      { registry: plain.host, username: 'other', password: OTHER_SECRET, 'tls-verify': 'false' },
      { ...h.env, REGISTRY_AUTH_FILE: authFile },
    );
    expect(second.status, second.stdout).toBe(0);
    expect(second.outputs['auth-file']).toBe(authFile);
    expect(second.exported.REGISTRY_AUTH_FILE).toBeUndefined();
    expect(Object.keys(auths(authFile)).sort()).toEqual([secure.host, plain.host].sort());
    expect(pushTo(plain.host, 'second', false, { HOME: h.env.HOME, REGISTRY_AUTH_FILE: authFile })).toBe(
      true,
    );

    // Post steps run in reverse order; each removes only its own entries.
    await run('post', {}, { ...h.env, ...stateEnv(second) });
    expect(Object.keys(auths(authFile))).toEqual([secure.host]);
    await run('post', {}, { ...h.env, ...stateEnv(first) });
    expect(auths(authFile)).toEqual({});
    expect(auths(h.dockerConfig)[secure.host]?.auth).toBe(theirs);
  });

  it('two login steps racing on one Docker config keep both entries', async () => {
    const h = home();
    const [a, b] = await Promise.all([
      run('main', { registry: secure.host, username: 'pusher', password: SECRET }, h.env),
      run(
        'main',
        { registry: plain.host, username: 'other', password: OTHER_SECRET, 'tls-verify': 'false' },
        h.env,
      ),
    ]);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(Object.keys(auths(h.dockerConfig)).sort()).toEqual(
      [secure.host, plain.host, 'other.example.com'].sort(),
    );
  });

  it('GHCR takes the job token as the actor; Docker Hub is keyed as docker and skopeo each expect', async () => {
    const h = home();
    const ghcr = await run(
      'main',
      { registry: 'ghcr.io/acme/app', 'github-token': 'ghs_jobtoken123', verify: 'false' },
      h.env,
    );
    expect(ghcr.status, ghcr.stdout).toBe(0);
    expect(ghcr.stdout).toContain('::add-mask::ghs_jobtoken123');
    const authFile = ghcr.outputs['auth-file'] ?? '';
    expect(auths(authFile)['ghcr.io']?.auth).toBe(Buffer.from('octocat:ghs_jobtoken123').toString('base64'));
    const hub = await run(
      'main',
      { registry: 'docker.io', username: 'bot', password: 'hub-token', verify: 'false' },
      { ...h.env, REGISTRY_AUTH_FILE: authFile },
    );
    expect(hub.status, hub.stdout).toBe(0);
    expect(Object.keys(auths(h.dockerConfig))).toContain('https://index.docker.io/v1/');
    expect(Object.keys(auths(authFile))).toContain('docker.io');
    expect(hub.summary).toContain('not checked (verify: false)');
  });

  it('given paths are used and exported for later steps', async () => {
    const h = home();
    const dir = mkdtempSync(join(tmpdir(), 'given-'));
    const r = await run(
      'main',
      {
        registry: secure.host,
        username: 'pusher',
        password: SECRET,
        'auth-file': join(dir, 'containers', 'auth.json'),
        'docker-config': join(dir, 'docker'),
      },
      h.env,
    );
    expect(r.status, r.stdout).toBe(0);
    expect(r.exported).toMatchObject({
      REGISTRY_AUTH_FILE: join(dir, 'containers', 'auth.json'),
      DOCKER_CONFIG: join(dir, 'docker'),
    });
    expect(Object.keys(auths(join(dir, 'docker', 'config.json')))).toEqual([secure.host]);
    expect(Object.keys(auths(h.dockerConfig))).toEqual(['other.example.com']);
  });
});
