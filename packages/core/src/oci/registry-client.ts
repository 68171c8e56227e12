import { createHash } from 'node:crypto';
import type http from 'node:http';
import { CommandError, ConfigurationError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';
import { Digest } from './digest.ts';
import type { ImageReference } from './image-reference.ts';
import { MANIFEST_ACCEPT } from './media-types.ts';
import type { Descriptor } from './oci-layout.ts';
import type { Credential, CredentialStore } from './registry-credentials.ts';
import {
  DEFAULT_RETRY,
  isNetworkError,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
  withRetries,
} from './retry-policy.ts';
import { parseChallenge } from './www-authenticate.ts';

export interface RegistryClientOptions {
  logger: Logger;
  credentials?: CredentialStore | undefined;
  /** Require HTTPS with a verified certificate (default). When false: HTTPS unverified, then plain HTTP. */
  tlsVerify?: boolean;
  /** Extra CA certificates (PEM) to trust, on top of the system's. */
  ca?: string | undefined;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface ManifestInfo {
  digest: string;
  mediaType: string;
  size: number;
}

export interface Manifest extends ManifestInfo {
  bytes: Buffer;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

type Access = 'pull' | 'push';

const MAX_MANIFEST = 4 * 1024 * 1024;

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The error text a distribution registry puts in its JSON body, if any. */
function registryErrors(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: { code?: string; message?: string }[] };
    return (parsed.errors ?? []).map((e) => `${e.code ?? ''}${e.message ? `: ${e.message}` : ''}`).join('; ');
  } catch {
    return body.toString('utf8').slice(0, 200).trim();
  }
}

/**
 * A client for the OCI distribution API v2 with the auth flows registries use (anonymous, basic, bearer
 * token per repository and action), retries only on transient faults, and a digest check on every
 * manifest it reads or writes.
 */
export class RegistryClient {
  private readonly options: RegistryClientOptions;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly schemes = new Map<string, Promise<'https' | 'http'>>();
  /** Authorization header per registry and scope. */
  private readonly authorizations = new Map<string, string>();

  constructor(options: RegistryClientOptions) {
    this.options = options;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  // --- operations --------------------------------------------------------------------------------

  /** GET /v2/: the registry answers (200, or 401 asking for credentials). */
  async ping(ref: ImageReference): Promise<void> {
    await this.request(ref, 'GET', '/v2/', { access: 'pull', okStatuses: [200], scoped: false });
  }

  async headManifest(ref: ImageReference, reference: string): Promise<ManifestInfo | undefined> {
    const res = await this.request(ref, 'HEAD', `/v2/${ref.repository}/manifests/${reference}`, {
      access: 'pull',
      headers: { accept: MANIFEST_ACCEPT.join(', ') },
      okStatuses: [200, 404],
    });
    if (res.status === 404) return undefined;
    const digest = header(res.headers, 'docker-content-digest');
    const mediaType = header(res.headers, 'content-type') ?? '';
    if (digest === undefined) {
      const full = await this.getManifest(ref, reference);
      return full && { digest: full.digest, mediaType: full.mediaType, size: full.size };
    }
    if (Digest.isValid(reference) && digest !== reference) {
      throw new CommandError(
        `registry ${ref.registry} answered ${digest} for ${ref.repository}@${reference}`,
        { tool: 'registry' },
      );
    }
    return { digest, mediaType, size: Number(header(res.headers, 'content-length') ?? '0') };
  }

  /** Reads a manifest by tag or digest; its bytes must hash to the digest asked for or announced. */
  async getManifest(ref: ImageReference, reference: string): Promise<Manifest | undefined> {
    const res = await this.request(ref, 'GET', `/v2/${ref.repository}/manifests/${reference}`, {
      access: 'pull',
      headers: { accept: MANIFEST_ACCEPT.join(', ') },
      okStatuses: [200, 404],
      maxBody: MAX_MANIFEST,
    });
    if (res.status === 404) return undefined;
    const actual = sha256(res.body);
    const announced = header(res.headers, 'docker-content-digest');
    const expected = Digest.isValid(reference) ? reference : announced;
    if (expected !== undefined && expected !== actual) {
      throw new CommandError(
        `registry ${ref.registry} returned a manifest for ${ref.repository}:${reference} that hashes to ${actual}, not ${expected}`,
        { tool: 'registry' },
      );
    }
    const mediaType =
      (JSON.parse(res.body.toString('utf8')) as { mediaType?: string }).mediaType ??
      header(res.headers, 'content-type') ??
      '';
    return { digest: actual, mediaType, size: res.body.length, bytes: res.body };
  }

  /** PUT the exact bytes under a tag or digest; returns their digest (checked against the registry's). */
  async putManifest(
    ref: ImageReference,
    reference: string,
    bytes: Buffer,
    mediaType: string,
  ): Promise<string> {
    const digest = sha256(bytes);
    if (Digest.isValid(reference) && reference !== digest) {
      throw new Error(`putManifest: bytes hash to ${digest}, not ${reference}`);
    }
    const put = () =>
      this.request(ref, 'PUT', `/v2/${ref.repository}/manifests/${reference}`, {
        access: 'push',
        headers: { 'content-type': mediaType },
        body: bytes,
        okStatuses: [201],
      });
    // Signers racing on one digest upload the same blobs (the empty config, the one `.sig` payload); while
    // distribution commits one of them twice at once it answers a manifest naming it with
    // MANIFEST_BLOB_UNKNOWN for a moment. Only that answer is retried, briefly: a blob that was never
    // uploaded stays unknown and fails as before.
    const res = await withRetries(
      put,
      (error) => ({
        transient: error instanceof CommandError && /MANIFEST_BLOB_UNKNOWN/.test(error.message),
        reason: 'a blob the manifest names is being committed by another writer',
      }),
      {
        policy: { ...this.retry, maxAttempts: 4, deadlineMs: 2_000 },
        sleep: this.sleep,
        random: this.random,
      },
    );
    const announced = header(res.headers, 'docker-content-digest');
    if (announced !== undefined && announced !== digest) {
      throw new CommandError(`registry ${ref.registry} stored ${reference} as ${announced}, not ${digest}`, {
        tool: 'registry',
      });
    }
    return digest;
  }

  async deleteManifest(ref: ImageReference, digest: string): Promise<void> {
    await this.request(ref, 'DELETE', `/v2/${ref.repository}/manifests/${digest}`, {
      access: 'push',
      okStatuses: [202, 404],
    });
  }

  /** Size of a blob in the repository, or undefined when it is not there. */
  async headBlob(ref: ImageReference, digest: string): Promise<number | undefined> {
    const res = await this.request(ref, 'HEAD', `/v2/${ref.repository}/blobs/${digest}`, {
      access: 'pull',
      okStatuses: [200, 404],
    });
    return res.status === 404 ? undefined : Number(header(res.headers, 'content-length') ?? '0');
  }

  /** Reads a (small) blob whole and checks its digest. */
  async getBlob(ref: ImageReference, digest: string, maxBytes = MAX_MANIFEST): Promise<Buffer> {
    const res = await this.request(ref, 'GET', `/v2/${ref.repository}/blobs/${digest}`, {
      access: 'pull',
      okStatuses: [200],
      maxBody: maxBytes,
    });
    const actual = sha256(res.body);
    if (actual !== digest) {
      throw new CommandError(
        `registry ${ref.registry} returned blob ${digest} whose content hashes to ${actual}`,
        { tool: 'registry' },
      );
    }
    return res.body;
  }

  /**
   * Monolithic upload of a small blob (POST then PUT ?digest=); a blob already there is not sent again.
   * With `fresh` (bytes that cannot be there yet, e.g. carrying a signature just made) the HEAD is skipped.
   */
  async uploadBlob(ref: ImageReference, bytes: Buffer, options: { fresh?: boolean } = {}): Promise<string> {
    const digest = sha256(bytes);
    if (options.fresh !== true && (await this.headBlob(ref, digest)) !== undefined) return digest;
    const start = await this.request(ref, 'POST', `/v2/${ref.repository}/blobs/uploads/`, {
      access: 'push',
      okStatuses: [202],
    });
    const location = header(start.headers, 'location');
    if (location === undefined)
      throw new CommandError(`registry ${ref.registry} gave no upload location`, { tool: 'registry' });
    const url = new URL(location, `${await this.scheme(ref.apiHost)}://${ref.apiHost}`);
    url.searchParams.set('digest', digest);
    await this.request(ref, 'PUT', `${url.pathname}${url.search}`, {
      access: 'push',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
      okStatuses: [201],
    });
    return digest;
  }

  /** Cross-repository mount; true when the registry mounted it (201), false when it wants an upload. */
  async mountBlob(ref: ImageReference, digest: string, fromRepository: string): Promise<boolean> {
    const res = await this.request(
      ref,
      'POST',
      `/v2/${ref.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(fromRepository)}`,
      { access: 'push', okStatuses: [201, 202], extraScopes: [`repository:${fromRepository}:pull`] },
    );
    if (res.status === 202) {
      const location = header(res.headers, 'location');
      if (location !== undefined) {
        const url = new URL(location, `${await this.scheme(ref.apiHost)}://${ref.apiHost}`);
        await this.request(ref, 'DELETE', `${url.pathname}${url.search}`, {
          access: 'push',
          okStatuses: [204, 404],
        }).catch(() => undefined);
      }
    }
    return res.status === 201;
  }

  async listTags(ref: ImageReference): Promise<string[]> {
    const tags: string[] = [];
    let path: string | undefined = `/v2/${ref.repository}/tags/list?n=1000`;
    while (path !== undefined) {
      const res: HttpResponse = await this.request(ref, 'GET', path, {
        access: 'pull',
        okStatuses: [200, 404],
        maxBody: 16 * 1024 * 1024,
      });
      if (res.status === 404) return [];
      tags.push(...((JSON.parse(res.body.toString('utf8')) as { tags?: string[] | null }).tags ?? []));
      const link = header(res.headers, 'link');
      path = link === undefined ? undefined : /<([^>]+)>;\s*rel="?next"?/.exec(link)?.[1];
    }
    return tags;
  }

  /**
   * Referrers of a digest: the OCI 1.1 referrers API, or, where the registry lacks it (404), the
   * fallback index tagged `sha256-<hex>`.
   */
  async referrers(
    ref: ImageReference,
    digest: string,
    artifactType?: string,
  ): Promise<{ manifests: Descriptor[]; via: 'api' | 'tag' }> {
    const query = artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`;
    const pages = await this.referrerPages(ref, `/v2/${ref.repository}/referrers/${digest}${query}`);
    let manifests: Descriptor[];
    let via: 'api' | 'tag';
    if (pages !== undefined) {
      manifests = pages;
      via = 'api';
    } else {
      const index = await this.getManifest(ref, Digest.parse(digest).toTagStem());
      manifests =
        index === undefined
          ? []
          : ((JSON.parse(index.bytes.toString('utf8')) as { manifests?: Descriptor[] }).manifests ?? []);
      via = 'tag';
    }
    return {
      manifests:
        artifactType === undefined ? manifests : manifests.filter((m) => m.artifactType === artifactType),
      via,
    };
  }

  /**
   * Every page of a referrers answer (undefined: the registry has no referrers API). A registry may page
   * it (`Link: <…>; rel="next"`, distribution spec): an attestation on a later page must not go unseen.
   * Only a next page on the same registry is followed, at most MAX_REFERRER_PAGES of them.
   */
  private async referrerPages(ref: ImageReference, first: string): Promise<Descriptor[] | undefined> {
    const manifests: Descriptor[] = [];
    let path: string | undefined = first;
    for (let page = 0; path !== undefined; page++) {
      if (page === MAX_REFERRER_PAGES)
        throw new CommandError(
          `registry ${ref.registry}: the referrers list runs past ${MAX_REFERRER_PAGES} pages; refusing to read on`,
          { tool: 'registry' },
        );
      const res = await this.request(ref, 'GET', path, {
        access: 'pull',
        headers: { accept: 'application/vnd.oci.image.index.v1+json' },
        okStatuses: [200, 404],
        maxBody: MAX_MANIFEST,
      });
      if (res.status === 404) return page === 0 ? undefined : manifests;
      manifests.push(
        ...((JSON.parse(res.body.toString('utf8')) as { manifests?: Descriptor[] }).manifests ?? []),
      );
      path = nextPage(header(res.headers, 'link'), ref.apiHost);
    }
    return manifests;
  }

  // --- transport, auth, retries ------------------------------------------------------------------

  private async request(
    ref: ImageReference,
    method: string,
    path: string,
    options: RequestOptions,
  ): Promise<HttpResponse> {
    const scope = requestScope(ref, options);
    const call: RequestCall = {
      ref,
      method,
      path,
      options,
      scope,
      key: `${ref.apiHost} ${scope}`,
      authTried: false,
    };
    try {
      return await withRetries(() => this.attempt(call), requestVerdict(call), {
        policy: this.retry,
        sleep: this.sleep,
        random: this.random,
        elapsedClock: this.now,
        onRetry: (attempt, delay, reason) =>
          this.options.logger.warning(
            `retrying in ${delay} ms (attempt ${attempt + 1} of ${this.retry.maxAttempts}): ${reason}`,
          ),
      });
    } catch (error) {
      throw requestFailure(call, error);
    }
  }

  /**
   * One attempt: sends the request and judges the answer. The first 401 of a request is answered by
   * following the registry's challenge and sending again within the same attempt.
   */
  private async attempt(call: RequestCall): Promise<HttpResponse> {
    for (;;) {
      const res = await this.sendOnce(call);
      if (res.status === 401 && !call.authTried) {
        call.authTried = true;
        await this.authenticate(call.ref, res, call.key, call.scope);
        continue;
      }
      return this.judge(call, res);
    }
  }

  private async sendOnce(call: RequestCall): Promise<HttpResponse> {
    const host = call.ref.apiHost;
    const authorization = this.authorizations.get(call.key) ?? this.authorizations.get(`${host} basic`);
    const headers = { ...call.options.headers, ...(authorization === undefined ? {} : { authorization }) };
    try {
      return await this.send(
        host,
        call.method,
        call.path,
        headers,
        call.options.body,
        call.options.maxBody ?? 1024 * 1024,
      );
    } catch (error) {
      throw new SendFailure(error);
    }
  }

  /** The answer, when it is one the caller takes; a refusal or a fault (transient or not) otherwise. */
  private judge(call: RequestCall, res: HttpResponse): HttpResponse {
    const { ref, options } = call;
    if (options.okStatuses.includes(res.status)) return res;
    if (res.status === 401 || res.status === 403) {
      const host = ref.apiHost;
      const who =
        this.authorizations.has(call.key) || this.authorizations.has(`${host} basic`)
          ? 'refused the credentials'
          : 'requires credentials';
      const detail = registryErrors(res.body);
      throw new ConfigurationError(
        `registry ${ref.registry} ${who} for ${options.access} on ${ref.repository} (HTTP ${res.status}${detail ? `: ${detail}` : ''}). ` +
          'Log in first (docker login / skopeo login / ecr-oidc-login) or pass auth-file.',
      );
    }
    const retryAfter = parseRetryAfter(header(res.headers, 'retry-after'), this.now());
    throw new FaultyAnswer(res, isRetryableStatus(res.status), retryAfter);
  }

  private async authenticate(
    ref: ImageReference,
    res: HttpResponse,
    key: string,
    scope: string,
  ): Promise<void> {
    const challenge = parseChallenge(header(res.headers, 'www-authenticate'));
    const credential = await this.options.credentials?.lookup(ref.registry, ref.repository);
    if (challenge?.scheme === 'basic') {
      if (credential === undefined) return;
      const value = `Basic ${basicCredentials(credential)}`;
      this.options.logger.setSecret(value.slice(6));
      this.authorizations.set(`${ref.apiHost} basic`, value);
      return;
    }
    if (challenge?.scheme !== 'bearer' || challenge.params.realm === undefined) return;
    const token = await this.fetchToken(ref, tokenRealm(challenge.params, scope), credential);
    this.options.logger.setSecret(token);
    this.authorizations.set(key, `Bearer ${token}`);
  }

  /**
   * The token service is a server like any other: down, overloaded or behind a proxy's HTML page is a
   * transient fault (retried), a 401/403 a refusal of these credentials (final), anything else a fault
   * of that service, named with its URL and status.
   */
  private async fetchToken(
    ref: ImageReference,
    realm: URL,
    credential: Credential | undefined,
  ): Promise<string> {
    const headers: Record<string, string> =
      credential === undefined ? {} : { authorization: `Basic ${basicCredentials(credential)}` };
    const service = `${realm.origin}${realm.pathname}`;
    const who = credential ? `the credentials from ${credential.source}` : 'anonymous access';
    return withRetries(
      async () => {
        const tokenRes = await this.sendUrl(realm, 'GET', headers, undefined, 1024 * 1024);
        if (tokenRes.status === 401 || tokenRes.status === 403)
          throw new ConfigurationError(
            `registry ${ref.registry}: the token service ${service} refused ${who} (HTTP ${tokenRes.status})`,
          );
        return tokenFrom(tokenRes, `registry ${ref.registry}: the token service ${service}`, this.now());
      },
      tokenVerdict,
      {
        sleep: this.sleep,
        onRetry: (attempt, delay, reason) =>
          this.options.logger.warning(`${reason}; retrying in ${delay} ms (attempt ${attempt + 1})`),
      },
    ).catch((error: unknown) => {
      if (error instanceof TokenServiceError)
        throw new CommandError(error.message, { tool: 'registry token service' });
      if (isNetworkError(error))
        throw new CommandError(
          `registry ${ref.registry}: the token service ${service} is unreachable (${(error as Error).message})`,
          { tool: 'registry token service', cause: error },
        );
      throw error;
    });
  }

  /**
   * HTTPS always when TLS is verified. With tls-verify false, one probe per host (shared by concurrent
   * requests) finds out whether the registry speaks TLS at all, and falls back to plain HTTP as skopeo does.
   */
  private scheme(host: string): Promise<'https' | 'http'> {
    if (this.options.tlsVerify !== false) return Promise.resolve('https');
    let known = this.schemes.get(host);
    if (known === undefined) {
      known = this.sendUrl(new URL(`https://${host}/v2/`), 'GET', {}, undefined, 64 * 1024).then(
        () => 'https' as const,
        (error: unknown) => {
          if (!isTlsHandshakeFailure(error)) return 'https' as const;
          this.options.logger.debug(
            `registry ${host} does not speak TLS; using plain HTTP (tls-verify is false)`,
          );
          return 'http' as const;
        },
      );
      this.schemes.set(host, known);
    }
    return known;
  }

  private async send(
    host: string,
    method: string,
    path: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
    maxBody: number,
  ): Promise<HttpResponse> {
    const scheme = await this.scheme(host);
    return this.sendUrl(new URL(`${scheme}://${host}${path}`), method, headers, body, maxBody);
  }

  private async sendUrl(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
    maxBody: number,
  ): Promise<HttpResponse> {
    // HTTP and TLS load on first use: a failing step never needs them.
    const transport =
      url.protocol === 'http:' ? (await import('node:http')).default : (await import('node:https')).default;
    return new Promise<HttpResponse>((resolve, reject) => {
      const req = transport.request(
        url,
        {
          method,
          headers: {
            'user-agent': 'container-supply-chain-actions',
            ...headers,
            ...(body ? { 'content-length': String(body.length) } : {}),
          },
          timeout: this.options.requestTimeoutMs ?? 60_000,
          ...(url.protocol === 'https:'
            ? {
                rejectUnauthorized: this.options.tlsVerify !== false,
                ...(this.options.ca ? { ca: this.options.ca } : {}),
              }
            : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBody) {
              req.destroy(new Error(`response body larger than ${maxBody} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })),
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

function isTlsHandshakeFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    (typeof code === 'string' &&
      (code.startsWith('ERR_SSL') || code === 'EPROTO' || code === 'ECONNRESET')) ||
    /wrong version number|ssl/i.test(message)
  );
}

interface RequestOptions {
  access: Access;
  headers?: Record<string, string>;
  body?: Buffer;
  okStatuses: number[];
  maxBody?: number;
  scoped?: boolean;
  extraScopes?: string[];
}

/** One request across its attempts: what to send, the token scope and whether its 401 was answered. */
interface RequestCall {
  readonly ref: ImageReference;
  readonly method: string;
  readonly path: string;
  readonly options: RequestOptions;
  readonly scope: string;
  /** The authorization cache key: host and scope. */
  readonly key: string;
  authTried: boolean;
}

function requestScope(ref: ImageReference, options: RequestOptions): string {
  if (options.scoped === false) return '';
  return [
    `repository:${ref.repository}:${options.access === 'push' ? 'pull,push' : 'pull'}`,
    ...(options.extraScopes ?? []),
  ].join(' ');
}

/** Sending failed (no answer): retried when it is a network fault. */
class SendFailure extends Error {
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.cause = cause;
  }
}

/** An answer that is neither taken nor a refusal: retried when its status is transient (429, 5xx). */
class FaultyAnswer extends Error {
  readonly response: HttpResponse;
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(response: HttpResponse, transient: boolean, retryAfterMs: number | undefined) {
    super(`HTTP ${response.status}`);
    this.response = response;
    this.transient = transient;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Which failures of a request are retried: network faults and transient statuses, nothing else. */
function requestVerdict(call: RequestCall) {
  return (error: unknown): { transient: boolean; retryAfterMs?: number | undefined; reason: string } => {
    const what = `${call.method} ${call.path}`;
    if (error instanceof SendFailure)
      return {
        transient: isNetworkError(error.cause),
        reason: `${what}: ${(error.cause as NodeJS.ErrnoException).code ?? 'network error'}`,
      };
    if (error instanceof FaultyAnswer)
      return {
        transient: error.transient,
        retryAfterMs: error.retryAfterMs,
        reason: `${what}: HTTP ${error.response.status}`,
      };
    return { transient: false, reason: String(error) };
  };
}

/** What a request that failed for good throws: a failed send or a faulty answer as a CommandError. */
function requestFailure(call: RequestCall, error: unknown): unknown {
  const { ref, method, path } = call;
  if (error instanceof SendFailure)
    return new CommandError(
      `registry ${ref.registry}: ${method} ${path} failed: ${(error.cause as Error).message}`,
      {
        tool: 'registry',
        cause: error.cause,
      },
    );
  if (error instanceof FaultyAnswer) {
    const detail = registryErrors(error.response.body);
    return new CommandError(
      `registry ${ref.registry}: ${method} ${path} answered HTTP ${error.response.status}${detail ? ` (${detail})` : ''}`,
      { tool: 'registry' },
    );
  }
  return error;
}

function basicCredentials(credential: Credential): string {
  return Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
}

/** The token service's URL for a challenge: its realm, with the service and every scope asked for. */
function tokenRealm(params: Record<string, string>, scope: string): URL {
  const realm = new URL(params.realm ?? '');
  if (params.service !== undefined) realm.searchParams.set('service', params.service);
  for (const s of scope.split(' ').filter((x) => x !== '')) realm.searchParams.append('scope', s);
  return realm;
}

/** The token in a token service's answer (`token` or `access_token`); its faults as TokenServiceErrors. */
function tokenFrom(res: HttpResponse, service: string, now: number): string {
  const text = res.body.toString('utf8');
  if (res.status !== 200) {
    throw new TokenServiceError(
      `${service} answered HTTP ${res.status}${/<html/i.test(text) ? ' with an HTML page' : ''}`,
      isRetryableStatus(res.status),
      parseRetryAfter(header(res.headers, 'retry-after'), now),
    );
  }
  let body: { token?: unknown; access_token?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new TokenServiceError(
      `${service} answered HTTP 200 with ${/<html/i.test(text) ? 'an HTML page' : 'a body that is not JSON'}`,
      true,
    );
  }
  const value =
    typeof body.token === 'string'
      ? body.token
      : typeof body.access_token === 'string'
        ? body.access_token
        : '';
  if (value === '') throw new TokenServiceError(`${service} returned no token`, false);
  return value;
}

function tokenVerdict(error: unknown): {
  transient: boolean;
  retryAfterMs?: number | undefined;
  reason: string;
} {
  return error instanceof TokenServiceError
    ? { transient: error.transient, retryAfterMs: error.retryAfterMs, reason: error.message }
    : { transient: isNetworkError(error), reason: error instanceof Error ? error.message : String(error) };
}

/** A token service's failure while authenticating: transient (retried) or not, as its status says. */
class TokenServiceError extends Error {
  readonly transient: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, transient: boolean, retryAfterMs?: number) {
    super(message);
    this.transient = transient;
    this.retryAfterMs = retryAfterMs;
  }
}

const MAX_REFERRER_PAGES = 16;

/** The path of a `Link: <…>; rel="next"` page on the same registry host (another host is not followed). */
function nextPage(link: string | undefined, apiHost: string): string | undefined {
  const target = link === undefined ? undefined : /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link)?.[1];
  if (target === undefined) return undefined;
  const url = new URL(target, `http://${apiHost}`);
  return url.host === apiHost ? `${url.pathname}${url.search}` : undefined;
}
