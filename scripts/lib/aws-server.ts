import {
  createHash,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * The runner's OIDC endpoint, as a test stand-in: GET <url>&audience=… with the request bearer returns
 * {"value": <ES256 JWT>} with GitHub-shaped claims.
 */
export interface OidcStandIn {
  requestUrl: string;
  requestToken: string;
  publicKey: KeyObject;
  claims: Record<string, unknown>;
  issued: string[];
  stop(): Promise<void>;
}

/** The recorded push run the OIDC stand-in's token describes (provenance is made of it). */
export const RECORDED_RUN = {
  repository: 'acme/hello',
  repositoryId: '123456',
  ownerId: '7890',
  ref: 'refs/heads/main',
  sha: '0123456789abcdef0123456789abcdef01234567',
  event: 'push',
  runId: '4242',
  attempt: '1',
  runner: 'github-hosted',
  workflow: 'acme/hello/.github/workflows/publish.yml@refs/heads/main',
} as const;

/** The same run as the runner's environment gives it to a step: it agrees with the token's claims. */
export const RECORDED_RUN_ENV: NodeJS.ProcessEnv = {
  GITHUB_REPOSITORY: RECORDED_RUN.repository,
  GITHUB_REPOSITORY_ID: RECORDED_RUN.repositoryId,
  GITHUB_REPOSITORY_OWNER_ID: RECORDED_RUN.ownerId,
  GITHUB_SHA: RECORDED_RUN.sha,
  GITHUB_REF: RECORDED_RUN.ref,
  GITHUB_EVENT_NAME: RECORDED_RUN.event,
  GITHUB_RUN_ID: RECORDED_RUN.runId,
  GITHUB_RUN_ATTEMPT: RECORDED_RUN.attempt,
  GITHUB_WORKFLOW_REF: RECORDED_RUN.workflow,
  GITHUB_SERVER_URL: 'https://github.com',
  RUNNER_ENVIRONMENT: RECORDED_RUN.runner,
};

/** The runner's ID-token request variables (a job granted `id-token: write`), pointing at this stand-in. */
export function oidcRequestEnv(oidc: Pick<OidcStandIn, 'requestUrl' | 'requestToken'>): NodeJS.ProcessEnv {
  return { ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken };
}

export async function startOidcStandIn(claims: Record<string, unknown> = {}): Promise<OidcStandIn> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const requestToken = randomBytes(16).toString('hex');
  const issued: string[] = [];
  // Every claim GitHub puts in a job's token that provenance and Fulcio's extensions are made of, with the
  // values of the recorded push run the tests' GITHUB_* environments describe.
  const base = {
    iss: 'https://token.actions.githubusercontent.com',
    sub: 'repo:acme/hello:ref:refs/heads/main',
    repository: RECORDED_RUN.repository,
    repository_id: RECORDED_RUN.repositoryId,
    repository_owner: 'acme',
    repository_owner_id: RECORDED_RUN.ownerId,
    ref: RECORDED_RUN.ref,
    sha: RECORDED_RUN.sha,
    event_name: RECORDED_RUN.event,
    run_id: RECORDED_RUN.runId,
    run_attempt: RECORDED_RUN.attempt,
    runner_environment: RECORDED_RUN.runner,
    workflow_ref: RECORDED_RUN.workflow,
    job_workflow_ref: RECORDED_RUN.workflow,
    ...claims,
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.headers.authorization !== `Bearer ${requestToken}`) {
      res.writeHead(401).end();
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: 'test' }));
    const payload = b64url(
      JSON.stringify({
        ...base,
        aud: url.searchParams.get('audience'),
        iat: now,
        nbf: now,
        exp: now + 300,
        jti: randomUUID(),
      }),
    );
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    const jwt = `${header}.${payload}.${b64url(signature)}`;
    issued.push(jwt);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: jwt }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    requestUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`,
    requestToken,
    publicKey,
    claims: base,
    issued,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface AwsStandInOptions {
  oidcKey: KeyObject;
  /** The role's trust policy: the `sub` pattern (with * wildcards) and audience it accepts. */
  trust: { sub: string; aud: string };
  /** ECR login per account id: the registry host it answers for and the password of user AWS. */
  registries: Record<string, { host: string; password: string }>;
  /** Answer the first N STS calls with Throttling (to test the SDK's retry). */
  throttleSts?: number;
}

export interface AwsCall {
  target: string;
  fields: Record<string, string>;
  signedHeaders?: string;
  signatureValid?: boolean;
}

export interface AwsStandIn {
  endpoint: string;
  calls: AwsCall[];
  policies: Map<string, string>;
  /** Tag mutability per `<registryId>/<repository>` (absent: MUTABLE, ECR's default). */
  mutability: Map<
    string,
    {
      imageTagMutability: string;
      imageTagMutabilityExclusionFilters: { filterType: string; filter: string }[];
    }
  >;
  /** The session handed out by the last AssumeRoleWithWebIdentity. */
  session?: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  stop(): Promise<void>;
}

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function verifyJwt(jwt: string, key: KeyObject): Record<string, unknown> | undefined {
  const [h, p, s] = jwt.split('.');
  if (h === undefined || p === undefined || s === undefined) return undefined;
  const ok = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: createPublicKey(key.export({ format: 'pem', type: 'spki' })), dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  return ok ? (JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>) : undefined;
}

function wildcard(pattern: string, value: string): boolean {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(value);
}

/** Checks a SigV4 signature the way AWS does, with the secret of the session this server issued. */
function checkSigV4(
  req: http.IncomingMessage,
  body: string,
  secret: string,
): { signedHeaders: string; valid: boolean } {
  const auth = req.headers.authorization ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)$/.exec(
      auth,
    );
  if (m === null) return { signedHeaders: '', valid: false };
  const [, , date = '', region = '', service = '', signedHeaders = '', signature = ''] = m;
  const canonicalHeaders = signedHeaders
    .split(';')
    .map(
      (h) =>
        `${h}:${String(req.headers[h] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? sha256(body));
  const url = new URL(req.url ?? '/', 'http://x');
  const canonical = [
    req.method,
    url.pathname,
    url.search.slice(1),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const toSign = [
    'AWS4-HMAC-SHA256',
    String(req.headers['x-amz-date']),
    `${date}/${region}/${service}/aws4_request`,
    sha256(canonical),
  ].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  return { signedHeaders, valid: createHmac('sha256', key).update(toSign).digest('hex') === signature };
}

/** The AWS SDK's STS and ECR endpoints set to the stand-in(s), with no instance-metadata lookups. */
export function awsEndpointEnv(sts: Pick<AwsStandIn, 'endpoint'>, ecr = sts): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL_STS: sts.endpoint,
    AWS_ENDPOINT_URL_ECR: ecr.endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

export async function startAwsStandIn(options: AwsStandInOptions): Promise<AwsStandIn> {
  const stand: AwsStandIn = {
    endpoint: '',
    calls: [],
    policies: new Map(),
    mutability: new Map(),
    stop: async () => {},
  };
  let throttle = options.throttleSts ?? 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target === '') {
        // STS, AWS Query protocol.
        const fields = Object.fromEntries(new URLSearchParams(body));
        stand.calls.push({ target: fields.Action ?? '', fields });
        const xmlError = (status: number, code: string, message: string) =>
          res
            .writeHead(status, { 'content-type': 'text/xml' })
            .end(
              `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
            );
        if (fields.Action !== 'AssumeRoleWithWebIdentity' || fields.Version !== '2011-06-15')
          return xmlError(400, 'InvalidAction', 'unsupported');
        if (throttle > 0) {
          throttle--;
          return xmlError(400, 'Throttling', 'Rate exceeded');
        }
        const claims = verifyJwt(fields.WebIdentityToken ?? '', options.oidcKey);
        if (claims === undefined)
          return xmlError(400, 'InvalidIdentityToken', 'Couldn&apos;t verify the token signature');
        if ((claims.exp as number) < Date.now() / 1000)
          return xmlError(400, 'ExpiredTokenException', 'Token expired');
        if (claims.aud !== options.trust.aud || !wildcard(options.trust.sub, String(claims.sub))) {
          return xmlError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
        }
        const session = {
          accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
          secretAccessKey: randomBytes(20).toString('base64'),
          sessionToken: randomBytes(48).toString('base64'),
        };
        stand.session = session;
        const expiration = new Date(Date.now() + Number(fields.DurationSeconds ?? 3600) * 1000).toISOString();
        const account = /iam::(\d{12}):role\/(.+)$/.exec(fields.RoleArn ?? '');
        res
          .writeHead(200, { 'content-type': 'text/xml' })
          .end(
            `<AssumeRoleWithWebIdentityResponse xmlns="${STS_NS}"><AssumeRoleWithWebIdentityResult>` +
              `<Credentials><AccessKeyId>${session.accessKeyId}</AccessKeyId><SecretAccessKey>${session.secretAccessKey}</SecretAccessKey>` +
              `<SessionToken>${session.sessionToken}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
              `<SubjectFromWebIdentityToken>${String(claims.sub)}</SubjectFromWebIdentityToken>` +
              `<AssumedRoleUser><Arn>arn:aws:sts::${account?.[1]}:assumed-role/${account?.[2]}/${fields.RoleSessionName}</Arn><AssumedRoleId>AROA:${fields.RoleSessionName}</AssumedRoleId></AssumedRoleUser>` +
              `<Provider>${String(claims.iss)}</Provider><Audience>${String(claims.aud)}</Audience>` +
              `</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`,
          );
        return;
      }
      // ECR, AWS JSON 1.1, SigV4-signed with the session issued above.
      const operation = target.replace('AmazonEC2ContainerRegistry_V20150921.', '');
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      const sig = checkSigV4(req, body, stand.session?.secretAccessKey ?? '');
      stand.calls.push({
        target: operation,
        fields: input as Record<string, string>,
        signedHeaders: sig.signedHeaders,
        signatureValid: sig.valid,
      });
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(value));
      if (!sig.valid || req.headers['x-amz-security-token'] !== stand.session?.sessionToken) {
        return json(403, {
          __type: 'InvalidSignatureException',
          message: 'The request signature we calculated does not match',
        });
      }
      if (req.headers['content-type'] !== 'application/x-amz-json-1.1')
        return json(400, { __type: 'SerializationException', message: 'bad content type' });
      if (operation === 'GetAuthorizationToken') {
        const ids = (input.registryIds as string[] | undefined) ?? [];
        const authorizationData = ids.map((id) => {
          const r = options.registries[id];
          if (r === undefined) throw new Error(`no registry for ${id}`);
          return {
            authorizationToken: Buffer.from(`AWS:${r.password}`).toString('base64'),
            expiresAt: Date.now() / 1000 + 43200,
            proxyEndpoint: `https://${r.host}`,
          };
        });
        return json(200, { authorizationData });
      }
      const key = `${String(input.registryId)}/${String(input.repositoryName)}`;
      if (operation === 'GetLifecyclePolicy') {
        const text = stand.policies.get(key);
        if (text === undefined)
          return json(400, {
            __type: 'LifecyclePolicyNotFoundException',
            message: 'Lifecycle policy does not exist',
          });
        return json(200, {
          registryId: input.registryId,
          repositoryName: input.repositoryName,
          lifecyclePolicyText: text,
        });
      }
      if (operation === 'PutLifecyclePolicy') {
        stand.policies.set(key, String(input.lifecyclePolicyText));
        return json(200, {
          registryId: input.registryId,
          repositoryName: input.repositoryName,
          lifecyclePolicyText: input.lifecyclePolicyText,
        });
      }
      if (operation === 'DescribeRepositories') {
        const names = (input.repositoryNames as string[] | undefined) ?? [];
        return json(200, {
          repositories: names.map((name) => {
            const m = stand.mutability.get(`${String(input.registryId)}/${name}`);
            return {
              registryId: input.registryId,
              repositoryName: name,
              imageTagMutability: m?.imageTagMutability ?? 'MUTABLE',
              ...(m && m.imageTagMutabilityExclusionFilters.length > 0
                ? { imageTagMutabilityExclusionFilters: m.imageTagMutabilityExclusionFilters }
                : {}),
            };
          }),
        });
      }
      if (operation === 'PutImageTagMutability') {
        const value = {
          imageTagMutability: String(input.imageTagMutability),
          imageTagMutabilityExclusionFilters:
            (input.imageTagMutabilityExclusionFilters as
              | { filterType: string; filter: string }[]
              | undefined) ?? [],
        };
        stand.mutability.set(key, value);
        return json(200, { registryId: input.registryId, repositoryName: input.repositoryName, ...value });
      }
      return json(400, { __type: 'UnknownOperationException', message: operation });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  stand.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stand.stop = () => new Promise<void>((r) => server.close(() => r()));
  return stand;
}
