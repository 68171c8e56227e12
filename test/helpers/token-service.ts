import { createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedEc } from './certificates.ts';

/**
 * A registry token service (distribution's "token" auth) for tests: Basic credentials in, an ES256 JWT
 * out, granting exactly the scopes asked for. Its signing certificate goes in the registry's
 * rootcertbundle; the JWT carries it in `x5c`, which is what distribution 2.8 verifies.
 */
export interface TokenService {
  realm: string;
  service: string;
  issuer: string;
  certFile: string;
  requests: { scopes: string[]; user: string | undefined }[];
  /** When set, answers the next request(s) with this fault instead (an outage, a proxy's HTML page). */
  fault:
    | ((index: number) => { status: number; body: string; headers?: Record<string, string> } | undefined)
    | undefined;
  stop(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export async function startTokenService(
  users: Record<string, string>,
  service = 'test-registry',
): Promise<TokenService> {
  const dir = mkdtempSync(join(tmpdir(), 'token-'));
  const signer = selfSignedEc(dir, 'signer', '/CN=test token signer');
  const key = createPrivateKey(readFileSync(signer.keyFile));
  const certDer = new X509Certificate(readFileSync(signer.certFile)).raw;
  const issuer = 'test-token-issuer';
  const requests: TokenService['requests'] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [user, password] =
      basic === undefined ? [undefined, undefined] : Buffer.from(basic, 'base64').toString().split(':');
    const scopes = url.searchParams.getAll('scope');
    requests.push({ scopes, user });
    const fault = handle.fault?.(requests.length - 1);
    if (fault !== undefined) {
      res.writeHead(fault.status, fault.headers ?? {}).end(fault.body);
      return;
    }
    if (user === undefined || users[user] !== password) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"bad credentials"}');
      return;
    }
    const access = scopes.map((scope) => {
      const [type = '', name = '', actions = ''] = scope.split(':');
      return { type, name, actions: actions.split(',') };
    });
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] }));
    const claims = b64url(
      JSON.stringify({
        iss: issuer,
        sub: user,
        aud: service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = sign('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' });
    const token = `${header}.${claims}.${b64url(signature)}`;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ token, access_token: token, expires_in: 300 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const handle: TokenService = {
    realm: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    service,
    issuer,
    certFile: signer.certFile,
    requests,
    fault: undefined,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
  return handle;
}
