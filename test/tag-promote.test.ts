// tag-promote, bundled, against the real docker-registry: it verifies the digest's signatures (made by
// the local Sigstore, stored in cosign's classic format) before moving any tag, with no blob traffic.
import {
  Digest,
  ImageReference,
  ProcessToolRunner,
  RegistryClient,
  storeClassicSignature,
} from '@chain/core';
import { MemoryLogger, runAction } from '@chain/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action } from '../actions/tag-promote/src/action.ts';
import { eventFixture } from './helpers/event-fixtures.ts';
import { type FaultProxy, startFaultProxy } from './helpers/fault-proxy.ts';
import {
  ALICE,
  classicSignatureLayer,
  GITHUB_ISSUER,
  type LocalSigstore,
  startLocalSigstore,
  writeTrustedRoot,
} from './helpers/local-sigstore.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';
import { runBundleAsync, userErrorLine } from './helpers/runner.ts';

let sigstore: LocalSigstore;
let registry: LocalRegistry;
let proxy: FaultProxy;
let trustedRootFile: string;
const client = () => new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });

beforeAll(async () => {
  [sigstore, registry] = await Promise.all([startLocalSigstore(), startRegistry()]);
  proxy = await startFaultProxy(registry.host);
  trustedRootFile = writeTrustedRoot(sigstore);
});
afterAll(async () => {
  await Promise.all([sigstore?.stop(), registry?.stop(), proxy?.stop()]);
});

const pushImage = (repo: string, seed: string) => pushTinyImage(registry.host, repo, seed);

async function sign(
  repo: string,
  digest: Digest,
  identity = ALICE,
  claims: Record<string, string> = {},
): Promise<void> {
  const image = ImageReference.parse(`${registry.host}/${repo}`);
  await storeClassicSignature(
    client(),
    image,
    digest,
    await classicSignatureLayer(sigstore, identity, image, digest, claims),
  );
}

function promote(
  repo: string,
  digest: Digest,
  inputs: Record<string, string> = {},
  host = registry.host,
  env: NodeJS.ProcessEnv = {},
) {
  return runBundleAsync('tag-promote', 'main', {
    inputs: {
      image: `${host}/${repo}`,
      digest: digest.toString(),
      tags: 'latest\nnightly\nnightly-{date}',
      'certificate-identity': ALICE,
      'certificate-oidc-issuer': GITHUB_ISSUER,
      'trusted-root': trustedRootFile,
      'tls-verify': 'false',
      ...inputs,
    },
    env: { GITHUB_SHA: 'a'.repeat(40), ...env },
  });
}

const tagDigest = async (repo: string, tag: string) =>
  (await client().headManifest(ImageReference.parse(`${registry.host}/${repo}`), tag))?.digest;
const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');

describe('tag-promote', () => {
  it('all or nothing: when a PUT fails midway, the tags already moved are put back, and the error says so', async () => {
    const old = await pushImage('acme/partial', '5151515');
    await sign('acme/partial', old);
    expect((await promote('acme/partial', old, { tags: 'part1\npart2\npart3' })).status).toBe(0);
    const next = await pushImage('acme/partial', '6262626');
    await sign('acme/partial', next);
    // The registry refuses the manifest PUT of part2 (as a tag-protection rule or an outage would).
    proxy.decide = (req) =>
      req.method === 'PUT' && req.url?.endsWith('/manifests/part2')
        ? { status: 403, body: '{"errors":[{"code":"DENIED","message":"tag is protected"}]}' }
        : undefined;
    try {
      const r = await promote('acme/partial', next, { tags: 'part1\npart2\npart3' }, proxy.host);
      expect(r.status).toBe(1);
      expect(userErrorLine(r)).toMatch(
        /promotion stopped: moving .*:part2 failed .* Put back: part1 → sha256:[0-9a-f]{64}\. No tag is left moved\./,
      );
      expect(JSON.parse(r.outputs.tags ?? 'null')).toEqual([]);
      for (const tag of ['part1', 'part2', 'part3'])
        expect(await tagDigest('acme/partial', tag)).toBe(old.toString());
    } finally {
      proxy.decide = () => undefined;
    }
  });

  it('a PUT the registry applied but answered with an error is read back, and put back too', async () => {
    // Found by review: a proxy that forwards the PUT, then answers 502. Assuming "not applied" left part2
    // at the new digest while the outputs said nothing moved.
    const old = await pushImage('acme/applied', '8484848');
    await sign('acme/applied', old);
    expect((await promote('acme/applied', old, { tags: 'part1\npart2\npart3' })).status).toBe(0);
    const next = await pushImage('acme/applied', '9595959');
    await sign('acme/applied', next);
    proxy.decide = (req) =>
      req.method === 'PUT' && req.url?.endsWith('/manifests/part2')
        ? { status: 502, body: 'bad gateway', applied: true }
        : undefined;
    try {
      const r = await promote('acme/applied', next, { tags: 'part1\npart2\npart3' }, proxy.host);
      expect(r.status).toBe(1);
      expect(userErrorLine(r)).toMatch(
        /Put back: (part1|part2) → sha256:[0-9a-f]{64}, (part1|part2) → sha256:[0-9a-f]{64}\. No tag is left moved\./,
      );
      for (const tag of ['part1', 'part2', 'part3'])
        expect(await tagDigest('acme/applied', tag)).toBe(old.toString());
      expect(JSON.parse(r.outputs.tags ?? 'null')).toEqual([]);
    } finally {
      proxy.decide = () => undefined;
    }
  });

  it('a new tag that moved before the failure cannot be removed: the outputs name it, with no previous digest', async () => {
    const digest = await pushImage('acme/partial-new', '7373737');
    await sign('acme/partial-new', digest);
    proxy.decide = (req) =>
      req.method === 'PUT' && req.url?.endsWith('/manifests/second')
        ? { status: 500, body: 'boom' }
        : undefined;
    try {
      const r = await promote('acme/partial-new', digest, { tags: 'first\nsecond' }, proxy.host);
      expect(r.status).toBe(1);
      expect(userErrorLine(r)).toContain(
        'Still at the new digest (a new tag cannot be removed, or putting it back failed): first (before: none)',
      );
      expect(JSON.parse(r.outputs.tags ?? '[]')).toEqual(['first']);
      expect(JSON.parse(r.outputs.previous ?? '{}')).toEqual({ first: null });
    } finally {
      proxy.decide = () => undefined;
    }
  });

  it('verifies the signature, then moves three tags by manifest PUT alone, reporting what they pointed at', async () => {
    const old = await pushImage('acme/promote', '1111111');
    await sign('acme/promote', old);
    expect((await promote('acme/promote', old, { tags: 'latest\nnightly' })).status).toBe(0);
    const next = await pushImage('acme/promote', '2222222');
    await sign('acme/promote', next);

    const before = proxy.requests.length;
    const r = await promote('acme/promote', next, {}, proxy.host);
    expect(r.status, r.stdout).toBe(0);
    const during = proxy.requests.slice(before);
    expect(during.filter((q) => q.url.includes('/blobs/uploads'))).toEqual([]);
    expect(
      during
        .filter((q) => q.method === 'PUT' && q.url.includes('/manifests/'))
        .map((q) => q.url.split('/').at(-1)),
    ).toEqual([`nightly-${today}`, 'latest', 'nightly']); // the immutable tag is written first
    expect(JSON.parse(r.outputs.tags ?? '[]')).toEqual(['latest', 'nightly', `nightly-${today}`]);
    expect(JSON.parse(r.outputs.previous ?? '{}')).toEqual({
      latest: old.toString(),
      nightly: old.toString(),
      [`nightly-${today}`]: null,
    });
    for (const tag of ['latest', 'nightly'])
      expect(await tagDigest('acme/promote', tag)).toBe(next.toString());
    expect(r.stdout).toContain(`signature verified in ${proxy.host}/acme/promote: ${ALICE} (classic`);
    expect(r.summary).toContain('moved here');
  });

  it('tag rules on a push of tag v1.2.3 (recorded event): latest only for the highest release, skipped rules reported', async () => {
    const RULES = 'latest=auto\n{version}\n{major}.{minor}\n{major}\n{branch}\nnightly @schedule';
    const tagV123 = eventFixture('tag-v1.2.3').env;
    const first = await pushImage('acme/semver', '1212121');
    await sign('acme/semver', first);
    const r = await promote('acme/semver', first, { tags: RULES }, registry.host, tagV123);
    expect(r.status, r.stdout).toBe(0);
    expect(JSON.parse(r.outputs.tags ?? '[]')).toEqual(['latest', '1.2.3', '1.2', '1']);
    for (const tag of ['latest', '1.2.3', '1.2', '1'])
      expect(await tagDigest('acme/semver', tag)).toBe(first.toString());
    expect(r.stdout).toContain(
      'tag rule "{branch}" skipped: {branch} needs a branch ref (refs/heads/…); this is a push run of refs/tags/v1.2.3',
    );
    expect(r.stdout).toContain('tag rule "nightly @schedule" skipped: applies to schedule runs only');
    expect(r.summary).toContain('<td><code>nightly @schedule</code></td>');

    // A higher release is in the registry now: the same tag again writes its own tags, but not latest.
    expect((await promote('acme/semver', first, { tags: '2.0.0' })).status).toBe(0);
    const second = await pushImage('acme/semver', '3434343');
    await sign('acme/semver', second);
    const again = await promote('acme/semver', second, { tags: RULES }, registry.host, tagV123);
    expect(again.status, again.stdout).toBe(0);
    expect(JSON.parse(again.outputs.tags ?? '[]')).toEqual(['1.2.3', '1.2', '1']);
    expect(again.stdout).toContain(
      'tag rule "latest=auto" skipped: v1.2.3 is not the highest release: the registry has 2.0.0',
    );
    expect(await tagDigest('acme/semver', 'latest')).toBe(first.toString());
    expect(await tagDigest('acme/semver', '1.2')).toBe(second.toString());
  });

  it('when no rule applies it promotes nothing, and a hostile branch name in a reason stays data', async () => {
    const digest = Digest.parse(`sha256:${'7'.repeat(64)}`);
    const r = await promote('acme/none', digest, { tags: '{version}' }, registry.host, {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/x\n::error::forged',
    });
    expect(r.status, r.stdout).toBe(0);
    expect(r.outputs).toEqual({ tags: '[]', previous: '{}' });
    expect(r.stdout).toContain('no tag rule applies to this run: nothing to promote');
    // The reason quotes the ref; it is written inside a stop-commands fence, never as a command.
    const lines = r.stdout.split('\n');
    const forged = lines.indexOf('::error::forged');
    expect(forged).toBeGreaterThan(0);
    expect(lines.slice(0, forged).some((l) => l.startsWith('::stop-commands::'))).toBe(true);
    expect(r.summary).toContain('No tag rule applies to this run');
  });

  it('refuses an unsigned digest and moves no tag', async () => {
    const signed = await pushImage('acme/unsigned', '3333333');
    await sign('acme/unsigned', signed);
    expect((await promote('acme/unsigned', signed, { tags: 'latest' })).status).toBe(0);
    const unsigned = await pushImage('acme/unsigned', '4444444');
    const r = await promote('acme/unsigned', unsigned, { tags: 'latest' });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(
      /refusing to promote .*no valid signature matches the policy \(it has no signature at all\)\. No tag was changed\./,
    );
    expect(await tagDigest('acme/unsigned', 'latest')).toBe(signed.toString());
  });

  it('refuses a signature from another identity', async () => {
    const digest = await pushImage('acme/other', '5555555');
    await sign('acme/other', digest, 'https://github.com/evil/fork/.github/workflows/x.yml@refs/heads/main');
    const r = await promote('acme/other', digest, { tags: 'latest' });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toContain('classic: the signature does not verify');
    expect(await tagDigest('acme/other', 'latest')).toBeUndefined();
  });

  it('refuses the right workflow identity signing for another repository (a reusable workflow has one identity for every caller)', async () => {
    const digest = await pushImage('acme/caller', '5656565');
    // Another organisation calls the same reusable workflow: same SAN, its own repository in the certificate.
    await sign('acme/caller', digest, ALICE, { repository: 'evil/app', ref: 'refs/heads/main' });
    const bound = { tags: 'latest', 'certificate-source-repository': 'https://github.com/acme/app' };
    const r = await promote('acme/caller', digest, bound);
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toContain(
      "the signing certificate's source repository is https://github.com/evil/app, not https://github.com/acme/app",
    );
    expect(await tagDigest('acme/caller', 'latest')).toBeUndefined();
    // Without the binding the same signature passes, with a warning saying so.
    const unbound = await promote('acme/caller', digest, { tags: 'unbound' });
    expect(unbound.status, unbound.stdout).toBe(0);
    expect(unbound.stdout).toContain('::warning::certificate-source-repository is not set');
    // The calling repository's own signature, from the same workflow, is accepted.
    const ours = await pushImage('acme/caller', '5757575');
    await sign('acme/caller', ours, ALICE, { repository: 'acme/app', ref: 'refs/heads/main' });
    const ok = await promote('acme/caller', ours, { ...bound, 'certificate-source-ref': 'refs/heads/main' });
    expect(ok.status, ok.stdout).toBe(0);
    expect(await tagDigest('acme/caller', 'latest')).toBe(ours.toString());
  });

  it('accepts an identity regexp, anchoring it', async () => {
    const digest = await pushImage('acme/regexp', '6666666');
    await sign('acme/regexp', digest);
    const r = await promote('acme/regexp', digest, {
      tags: 'latest',
      'certificate-identity': '',
      'certificate-identity-regexp': 'https://github.com/acme/app/.*',
    });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain(
      '::warning::certificate-identity-regexp "https://github.com/acme/app/.*" was anchored',
    );
  });

  it('never moves an immutable nightly-* tag once written', async () => {
    const first = await pushImage('acme/immutable', '7777777');
    await sign('acme/immutable', first);
    expect((await promote('acme/immutable', first, { tags: 'nightly-20260101' })).status).toBe(0);
    const second = await pushImage('acme/immutable', '8888888');
    await sign('acme/immutable', second);
    const r = await promote('acme/immutable', second, { tags: 'nightly-20260101' });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toContain('refusing to promote: immutable tag(s) nightly-20260101');
    expect(await tagDigest('acme/immutable', 'nightly-20260101')).toBe(first.toString());
  });

  it('without a trusted-root file, fetches the public-good root through TUF and fails closed offline', async () => {
    const digest = await pushImage('acme/tuf', '9999999');
    const r = await promote('acme/tuf', digest, { 'trusted-root': '' });
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(
      /could not get the public-good Sigstore trusted root through TUF \(.+\); for a private Sigstore, or without network, give the trusted-root input/,
    );
    expect(await tagDigest('acme/tuf', 'latest')).toBeUndefined();
  });

  it.each([
    [
      { 'certificate-identity': '', 'certificate-oidc-issuer': '' },
      /give certificate-identity .* or public-key/,
    ],
    [{ tags: 'v-{nope}' }, /Input "tags" "v-\{nope\}" uses an unknown template \{nope\}/],
    [{ tags: 'latest=sometimes' }, /Input "tags" rule "latest=sometimes": latest= takes auto, always, never/],
    [{ digest: 'sha256:1234' }, /Input "digest" digest "sha256:1234" must have exactly 64 hex digits/],
  ])('refuses bad input %j', async (inputs, message) => {
    const digest = Digest.parse(`sha256:${'9'.repeat(64)}`);
    const r = await promote('acme/bad', digest, inputs as Record<string, string>);
    expect(r.status).toBe(1);
    expect(userErrorLine(r)).toMatch(message);
  });
});

// The same step in process (runAction), against the real registry and the local Sigstore: its decisions
// and refusals asserted on codes, error fields, tool calls and outputs.
describe('tag-promote in process, against the real registry', () => {
  const inProcess = (
    repo: string,
    digest: Digest,
    inputs: Record<string, string> = {},
    host = registry.host,
  ) =>
    runAction(action, {
      inputs: {
        image: `${host}/${repo}`,
        digest: digest.toString(),
        tags: 'latest',
        'certificate-identity': ALICE,
        'certificate-oidc-issuer': GITHUB_ISSUER,
        'trusted-root': trustedRootFile,
        'tls-verify': 'false',
        ...inputs,
      },
      env: { GITHUB_SHA: 'a'.repeat(40), PATH: process.env.PATH },
      tools: new ProcessToolRunner(undefined, { PATH: process.env.PATH }),
    });

  it('verifies, then moves the tags by manifest PUT alone: outputs say what each pointed at', async () => {
    const old = await pushImage('acme/in-process', '1010101');
    await sign('acme/in-process', old);
    expect((await inProcess('acme/in-process', old, { tags: 'latest' })).error).toBeUndefined();
    const next = await pushImage('acme/in-process', '2020202');
    await sign('acme/in-process', next);
    const r = await inProcess('acme/in-process', next, { tags: 'latest\nnightly-20260102' });
    expect(r.error).toBeUndefined();
    expect(r.calls).toEqual([]); // within one repository no tool runs
    expect(JSON.parse(r.output.tags ?? '[]')).toEqual(['latest', 'nightly-20260102']);
    expect(JSON.parse(r.output.previous ?? '{}')).toEqual({
      'nightly-20260102': null,
      latest: old.toString(),
    });
    expect(r.logger.messages('info')).toContain(
      `signature verified in ${registry.host}/acme/in-process: ${ALICE} (classic, ${GITHUB_ISSUER})`,
    );
    expect(await tagDigest('acme/in-process', 'latest')).toBe(next.toString());
    expect(r.summaries[0]).toContain('moved here');
  });

  it('an unsigned digest is SIGNATURE_INVALID, and no tag moves', async () => {
    const signed = await pushImage('acme/in-process-unsigned', '3030303');
    await sign('acme/in-process-unsigned', signed);
    expect((await inProcess('acme/in-process-unsigned', signed)).error).toBeUndefined();
    const unsigned = await pushImage('acme/in-process-unsigned', '4040404');
    const r = await inProcess('acme/in-process-unsigned', unsigned);
    expect(r.code).toBe('SIGNATURE_INVALID');
    expect(r.output).toEqual({});
    expect(r.summaries).toEqual([]);
    expect(await tagDigest('acme/in-process-unsigned', 'latest')).toBe(signed.toString());
  });

  it('an immutable tag at another digest is IMMUTABLE_TAG_CONFLICT before any tag moves', async () => {
    const first = await pushImage('acme/in-process-immutable', '5050505');
    await sign('acme/in-process-immutable', first);
    const tags = 'latest\nnightly-20260101';
    expect(
      (await inProcess('acme/in-process-immutable', first, { tags: 'nightly-20260101' })).error,
    ).toBeUndefined();
    const second = await pushImage('acme/in-process-immutable', '6060606');
    await sign('acme/in-process-immutable', second);
    const r = await inProcess('acme/in-process-immutable', second, { tags });
    expect(r.code).toBe('IMMUTABLE_TAG_CONFLICT');
    expect(r.error).toMatchObject({ input: 'tags', expected: second.toString(), actual: first.toString() });
    expect(r.output).toEqual({});
    expect(await tagDigest('acme/in-process-immutable', 'nightly-20260101')).toBe(first.toString());
    expect(await tagDigest('acme/in-process-immutable', 'latest')).toBeUndefined();
  });

  it('a digest that is not in the registry names the input "digest"', async () => {
    const r = await inProcess('acme/in-process-missing', Digest.parse(`sha256:${'8'.repeat(64)}`));
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.error).toMatchObject({ input: 'digest' });
  });

  it('into another repository: one skopeo copy by digest, the signature verified again there, then the tags', async () => {
    const digest = await pushImage('acme/in-process-source', '7070707');
    await sign('acme/in-process-source', digest);
    const target = `${registry.host}/acme/in-process-target`;
    const r = await inProcess('acme/in-process-source', digest, { 'target-image': target });
    expect(r.error).toBeUndefined();
    expect(r.calls.map((c) => [c.command, c.args[0], c.args.at(-1)])).toEqual([
      ['skopeo', 'copy', `docker://${target}@${digest}`],
    ]);
    expect(r.logger.messages('info')).toContain(
      `signature verified in ${target}: ${ALICE} (classic, ${GITHUB_ISSUER})`,
    );
    expect(await tagDigest('acme/in-process-target', 'latest')).toBe(digest.toString());
    expect(await tagDigest('acme/in-process-source', 'latest')).toBeUndefined();
  });

  it('a PUT refused midway puts the moved tags back; the outputs name what is left moved (nothing)', async () => {
    const old = await pushImage('acme/in-process-partial', '9090909');
    await sign('acme/in-process-partial', old);
    expect((await inProcess('acme/in-process-partial', old, { tags: 'part1\npart2' })).error).toBeUndefined();
    const next = await pushImage('acme/in-process-partial', '9191919');
    await sign('acme/in-process-partial', next);
    proxy.decide = (req) =>
      req.method === 'PUT' && req.url?.endsWith('/manifests/part2')
        ? { status: 403, body: '{"errors":[{"code":"DENIED","message":"tag is protected"}]}' }
        : undefined;
    try {
      const r = await inProcess('acme/in-process-partial', next, { tags: 'part1\npart2' }, proxy.host);
      expect(r.code).toBe('COMMAND_FAILED');
      expect(r.error).toMatchObject({ tool: 'registry' });
      expect(r.output).toEqual({ tags: '[]', previous: '{}' });
      for (const tag of ['part1', 'part2'])
        expect(await tagDigest('acme/in-process-partial', tag)).toBe(old.toString());
    } finally {
      proxy.decide = () => undefined;
    }
  });
});
