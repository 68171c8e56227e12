// A stand-in for one GitHub REST endpoint the actions call (the GitHub API cannot run here): the artifact
// attestations store, `POST /repos/{owner}/{repo}/attestations` with `{ "bundle": <Sigstore bundle> }`,
// answering `201 {"id": n}` as docs.github.com/en/rest/repos/attestations documents. It checks the token
// and the body's shape, and records what it stored; it can be told to answer
// 503 or 403 first.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredGitHubAttestation {
  owner: string;
  repo: string;
  bundle: { mediaType?: string; verificationMaterial?: unknown; dsseEnvelope?: { payload?: string } };
  id: number;
}

export interface GitHubApiStandIn {
  url: string;
  stored: StoredGitHubAttestation[];
  requests: number;
  stop(): Promise<void>;
}

export async function startGitHubApiStandIn(options: {
  token: string;
  /** Answers to give first, in order, before storing (e.g. [503], [403]). */
  failFirst?: number[];
}): Promise<GitHubApiStandIn> {
  const failures = [...(options.failFirst ?? [])];
  const state = { stored: [] as StoredGitHubAttestation[], requests: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      state.requests++;
      const send = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      const match = /^\/repos\/([^/]+)\/([^/]+)\/attestations$/.exec(req.url ?? '');
      if (req.method !== 'POST' || match === null) return send(404, { message: 'Not Found' });
      const auth = req.headers.authorization ?? '';
      if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`)
        return send(401, { message: 'Bad credentials' });
      const failure = failures.shift();
      if (failure !== undefined) return send(failure, { message: `stand-in answers ${failure}` });
      let parsed: { bundle?: StoredGitHubAttestation['bundle'] };
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        return send(400, { message: 'Problems parsing JSON' });
      }
      const bundle = parsed.bundle;
      if (
        typeof bundle?.mediaType !== 'string' ||
        typeof bundle.verificationMaterial !== 'object' ||
        typeof bundle.dsseEnvelope?.payload !== 'string'
      )
        return send(422, {
          message: 'Invalid request: bundle is not a Sigstore bundle with a DSSE envelope',
        });
      const id = state.stored.length + 1;
      state.stored.push({ owner: match[1] ?? '', repo: match[2] ?? '', bundle, id });
      return send(201, { id });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get stored() {
      return state.stored;
    },
    get requests() {
      return state.requests;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
