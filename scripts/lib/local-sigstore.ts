import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  classicLayerFromBundle,
  type Digest,
  type ImageReference,
  type SignatureLayer,
  simpleSigningPayload,
} from '@chain/core';
import { bundleToJSON } from '@sigstore/bundle';
import {
  fulcioHandler,
  type HandlerFn,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
} from '@sigstore/mock';
import { FulcioSigner, MessageSignatureBundleBuilder, RekorWitness } from '@sigstore/sign';
import { type OidcStandIn, oidcRequestEnv } from './aws-server.ts';

/**
 * A local Sigstore on a real HTTP server on loopback, built from @sigstore/mock's CA, CT log and
 * transparency log, with the trusted root of exactly those keys. The two pitfalls recorded in
 * shared/notes/sigstore.md are handled: one shared clock in whole seconds, and proposed `dsse` entries
 * canonicalised as real Rekor does before they are logged.
 */
export interface LocalSigstore {
  fulcioURL: string;
  rekorURL: string;
  /** The full timestamp endpoint (as cosign's --timestamp-server-url takes it), with `tsa: true`. */
  tsaURL: string | undefined;
  trustedRoot: Record<string, unknown>;
  stop(): Promise<void>;
}

const key = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const b64 = (b: ArrayBufferView | Buffer) =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');

/** What real Rekor stores for a dsse v0.0.1 entry: hashes and signatures, not the proposed content. */
function canonicalDsse(body: string): string {
  const proposed = JSON.parse(body) as {
    kind?: string;
    apiVersion?: string;
    spec?: { proposedContent?: { envelope: string; verifiers: string[] } };
  };
  if (proposed.kind !== 'dsse' || proposed.spec?.proposedContent === undefined) return body;
  const { envelope, verifiers } = proposed.spec.proposedContent;
  const parsed = JSON.parse(envelope) as { payload: string; signatures: { sig: string }[] };
  const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  return JSON.stringify({
    kind: 'dsse',
    apiVersion: '0.0.1',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha(envelope) },
      payloadHash: { algorithm: 'sha256', value: sha(Buffer.from(parsed.payload, 'base64')) },
      signatures: parsed.signatures.map((s, i) => ({
        signature: s.sig,
        verifier: verifiers[i] ?? verifiers[0],
      })),
    },
  });
}

/**
 * Real Rekor answers a created entry with its UUID in `ETag` and `Location` (cosign's Go client reads the
 * entry by its ETag); the mock sends the body only.
 */
function rekorEntryHeaders(
  url: string,
  status: number,
  body: string | ArrayBufferView,
): Record<string, string> {
  if (!url.startsWith('/rekor/') || status !== 201) return {};
  const text =
    typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString();
  const uuid = Object.keys(JSON.parse(text) as Record<string, unknown>)[0];
  return uuid === undefined ? {} : { etag: uuid, location: `/api/v1/log/entries/${uuid}` };
}

/** Fulcio's v2 API: credentials in the body, or else the request's bearer token. */
function fulcioCredentials(body: string, authorization: string | undefined): string {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (bearer === undefined) return body;
  const request = JSON.parse(body) as { credentials?: { oidcIdentityToken?: string } };
  if (request.credentials?.oidcIdentityToken !== undefined) return body;
  return JSON.stringify({ ...request, credentials: { oidcIdentityToken: bearer } });
}

export interface LocalSigstoreOptions {
  /** Also run an RFC 3161 timestamp authority (in the trusted root). */
  tsa?: boolean;
  /**
   * Issue certificates as of this many seconds ago (they are valid for 10 minutes from then): with
   * more than 600, every certificate has expired before Rekor logs the signature.
   */
  certificateAgeSeconds?: number;
}

export async function startLocalSigstore(options: LocalSigstoreOptions = {}): Promise<LocalSigstore> {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fulcioURL = `${base}/fulcio`;
  const rekorURL = `${base}/rekor`;
  // One shared clock in whole seconds, set once every certificate exists: the mocks stamp their CA and TSA
  // certificates with the real time (notBefore, in whole seconds) but sign leaf certificates, log entries
  // and timestamps at this clock. Read before they are made, a second boundary crossed while they are made
  // (a loaded machine) would put the signing time before the CA's or TSA's notBefore, and verification
  // would fail ("timestamp could not be verified"). The mocks keep these Date objects and read them later.
  const clock = new Date(0);

  const ctKey = key();
  const caClock = new Date(0);
  const ctlog = await initializeCTLog(ctKey, caClock);
  const ca = await initializeCA(key(), ctlog, caClock);
  const tlogKey = key();
  const tlog = await initializeTLog(rekorURL, tlogKey, clock);
  const routes = new Map<string, (body: string, authorization?: string) => ReturnType<HandlerFn>>();
  const fulcio = fulcioHandler(ca, { strict: true });
  const rekor = rekorHandler(tlog, { strict: true });
  // Real Fulcio's v2 API takes the OIDC token in the body (sigstore-js) or as a bearer token (cosign,
  // sigstore-go), and answers 200 (the mock says 201, which sigstore-go refuses).
  routes.set(`/fulcio${fulcio.path}`, async (body, authorization) => {
    const result = await fulcio.fn(fulcioCredentials(body, authorization));
    return result.statusCode === 201 ? { ...result, statusCode: 200 } : result;
  });
  routes.set(`/rekor${rekor.path}`, (body) => rekor.fn(canonicalDsse(body)));
  const tsa = options.tsa ? await initializeTSA(key(), clock) : undefined;
  clock.setTime(Math.floor(Date.now() / 1000) * 1000);
  caClock.setTime(clock.getTime() - (options.certificateAgeSeconds ?? 0) * 1000);
  if (tsa !== undefined) {
    const handler = tsaHandler(tsa, { strict: true });
    routes.set(`/tsa${handler.path}`, handler.fn);
  }

  server.on('request', (req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', async () => {
      const handler = routes.get((req.url ?? '').split('?')[0] ?? '');
      if (handler === undefined || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      try {
        const result = await handler(body, req.headers.authorization);
        res
          .writeHead(result.statusCode, {
            'content-type': result.contentType ?? 'application/json',
            ...rekorEntryHeaders(req.url ?? '', result.statusCode, result.response),
          })
          .end(result.response);
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });

  const start = caClock.toISOString();
  const spki = (k: ReturnType<typeof key>) => k.publicKey.export({ format: 'der', type: 'spki' });
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    certificateAuthorities: [
      {
        subject: { organization: 'local', commonName: 'local fulcio' },
        uri: fulcioURL,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: { start },
      },
    ],
    tlogs: [
      {
        baseUrl: rekorURL,
        hashAlgorithm: 'SHA2_256',
        publicKey: {
          rawBytes: b64(spki(tlogKey)),
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          validFor: { start },
        },
        logId: { keyId: createHash('sha256').update(spki(tlogKey)).digest('base64') },
      },
    ],
    ctlogs: [
      {
        baseUrl: `${base}/ctlog`,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(spki(ctKey)), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: b64(ctlog.logID) },
      },
    ],
    timestampAuthorities:
      tsa === undefined
        ? []
        : [
            {
              subject: { organization: 'local', commonName: 'local tsa' },
              uri: `${base}/tsa`,
              certChain: {
                certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }],
              },
              validFor: { start },
            },
          ],
  };
  return {
    fulcioURL,
    rekorURL,
    tsaURL: tsa === undefined ? undefined : `${base}/tsa/api/v1/timestamp`,
    trustedRoot,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * A GitHub-shaped OIDC token for the mock Fulcio (it does not check the signature; SAN = sub). Like real
 * Fulcio, the mock writes the GitHub claims it is given (`repository`, `ref`, `sha`, `job_workflow_ref`, …)
 * into the certificate's extensions (1.3.6.1.4.1.57264.1.2–.22), e.g. `repository: acme/app` as the
 * Source Repository URI https://github.com/acme/app.
 */
export function githubLikeToken(
  identity: string,
  issuer = 'https://token.actions.githubusercontent.com',
  claims: Record<string, string> = {},
): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ ...claims, iss: issuer, sub: identity, aud: 'sigstore', iat: now, exp: now + 300 })}.c2ln`;
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** Two signers with GitHub workflow identities, for tests where signatures must append. */
export const ALICE = 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main';
export const BOB = 'https://github.com/acme/release/.github/workflows/countersign.yml@refs/heads/main';

/** A keyless signer against the local Fulcio for an identity (and the GitHub claims of its token). */
export function keylessSigner(
  sigstore: LocalSigstore,
  identity: string,
  claims: Record<string, string> = {},
): FulcioSigner {
  return new FulcioSigner({
    fulcioBaseURL: sigstore.fulcioURL,
    identityProvider: { getToken: async () => githubLikeToken(identity, GITHUB_ISSUER, claims) },
  });
}

/** A keyless classic (`.sig`) signature layer by `identity` over cosign's payload for this digest. */
export async function classicSignatureLayer(
  sigstore: LocalSigstore,
  identity: string,
  image: ImageReference,
  digest: Digest,
  claims: Record<string, string> = {},
): Promise<SignatureLayer> {
  const payload = simpleSigningPayload(image, digest);
  const builder = new MessageSignatureBundleBuilder({
    signer: keylessSigner(sigstore, identity, claims),
    witnesses: [new RekorWitness({ rekorBaseURL: sigstore.rekorURL })],
  });
  return classicLayerFromBundle(bundleToJSON(await builder.create({ data: payload })), payload);
}

/** The local Sigstore's trusted root as `trusted_root.json` in `dir` (a fresh temporary folder by default). */
export function writeTrustedRoot(
  sigstore: Pick<LocalSigstore, 'trustedRoot'>,
  dir = mkdtempSync(join(tmpdir(), 'root-')),
): string {
  const file = join(dir, 'trusted_root.json');
  writeFileSync(file, JSON.stringify(sigstore.trustedRoot));
  return file;
}

/**
 * A cosign-sign step against the local Sigstore and a plain-HTTP registry: the Sigstore inputs and, with an
 * OIDC stand-in, the runner's ID-token variables (null: a job without `id-token: write`); then `step`'s own
 * inputs and environment, which win.
 */
export function keylessSignStep(
  sigstore: Pick<LocalSigstore, 'fulcioURL' | 'rekorURL'>,
  trustedRootFile: string,
  oidc: Pick<OidcStandIn, 'requestUrl' | 'requestToken'> | null,
  step: { inputs?: Record<string, string>; env?: NodeJS.ProcessEnv } = {},
): { inputs: Record<string, string>; env: NodeJS.ProcessEnv } {
  return {
    inputs: {
      'fulcio-url': sigstore.fulcioURL,
      'rekor-url': sigstore.rekorURL,
      'trusted-root': trustedRootFile,
      'tls-verify': 'false',
      ...step.inputs,
    },
    env: { ...(oidc === null ? {} : oidcRequestEnv(oidc)), ...step.env },
  };
}

/** cosign's keyless policy flags: this trusted root, the certificate's identity and its OIDC issuer. */
export function cosignKeylessPolicy(
  trustedRootFile: string,
  identity: string,
  issuer = GITHUB_ISSUER,
): string[] {
  return [
    '--trusted-root',
    trustedRootFile,
    '--certificate-identity',
    identity,
    '--certificate-oidc-issuer',
    issuer,
  ];
}

/**
 * `cosign signing-config create` arguments naming the local Sigstore's Fulcio and Rekor, or Rekor alone (key
 * signing): what cosign sign takes instead of TUF. Each service is valid from an hour ago.
 */
export function cosignSigningConfigArgs(
  sigstore: Pick<LocalSigstore, 'fulcioURL' | 'rekorURL'>,
  out: string,
  services: 'fulcio+rekor' | 'rekor' = 'fulcio+rekor',
): string[] {
  const start = new Date(Date.now() - 3_600_000).toISOString();
  const service = (url: string) => `url=${url},api-version=1,start-time=${start},operator=local`;
  return [
    'signing-config',
    'create',
    ...(services === 'rekor' ? [] : ['--fulcio', service(sigstore.fulcioURL)]),
    '--rekor',
    service(sigstore.rekorURL),
    '--rekor-config',
    'ANY',
    '--out',
    out,
  ];
}
