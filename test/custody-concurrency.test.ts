// Concurrent signers (#14.4): cosign's `.sig` manifest and the referrers fallback index are one tag that
// every signer reads, appends to and writes back; registries have no conditional PUT, so racing signers
// overwrote each other. N cosign-sign steps on one digest, at once, against the real registry: every
// signature of every job that reports success is there at the end, in both formats.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ImageReference,
  MemoryLogger,
  RegistryClient,
  readBundleReferrers,
  readClassicSignatures,
} from '@chain/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcStandIn, startOidcStandIn } from './helpers/aws-server.ts';
import { ALICE, type LocalSigstore, startLocalSigstore } from './helpers/local-sigstore.ts';
import { type LocalRegistry, pushTinyImage, startRegistry } from './helpers/registry.ts';
import { runBundleAsync } from './helpers/runner.ts';

const N = 6;
let sigstore: LocalSigstore;
let registry: LocalRegistry;
let oidc: OidcStandIn;
let rootFile: string;
beforeAll(async () => {
  [sigstore, registry, oidc] = await Promise.all([
    startLocalSigstore(),
    startRegistry(),
    startOidcStandIn({ sub: ALICE }),
  ]);
  rootFile = join(mkdtempSync(join(tmpdir(), 'root-')), 'trusted_root.json');
  writeFileSync(rootFile, JSON.stringify(sigstore.trustedRoot));
});
afterAll(async () => {
  await Promise.all([sigstore?.stop(), registry?.stop(), oidc?.stop()]);
});

describe('concurrent signers', () => {
  it(`${N} signers of one digest at once lose no signature, classic or bundle`, async () => {
    const digest = await pushTinyImage(registry.host, 'race/signed', '8181818');
    const runs = await Promise.all(
      Array.from({ length: N }, () =>
        runBundleAsync('cosign-sign', 'main', {
          inputs: {
            image: `${registry.host}/race/signed@${digest}`,
            'fulcio-url': sigstore.fulcioURL,
            'rekor-url': sigstore.rekorURL,
            'trusted-root': rootFile,
            'tls-verify': 'false',
            'kyverno-policy': 'none',
          },
          env: {
            ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
          },
        }),
      ),
    );
    for (const r of runs) expect(r.status, r.stdout + r.stderr).toBe(0);
    const client = new RegistryClient({ logger: new MemoryLogger(), tlsVerify: false });
    const repo = ImageReference.parse(`${registry.host}/race/signed`);
    const classic = await readClassicSignatures(client, repo, digest);
    const bundles = await readBundleReferrers(client, repo, digest.toString());
    expect(classic).toHaveLength(N);
    expect(bundles).toHaveLength(N);
    // Each job's own signatures (its outputs name them) are among them.
    for (const r of runs) {
      const refs = JSON.parse(r.outputs['signature-refs'] ?? '[]') as { format: string; ref: string }[];
      expect(refs.map((x) => x.format)).toEqual(['classic', 'bundle', 'referrers-fallback']);
    }
  });
});
