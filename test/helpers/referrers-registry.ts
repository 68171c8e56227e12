import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardTo } from './fault-proxy.ts';

/**
 * The OCI 1.1 referrers API in front of the real docker-registry (distribution 2.8 lacks it): manifests
 * pushed through this proxy that carry a `subject` are indexed, the PUT answer gains `OCI-Subject`, and
 * `GET /v2/<name>/referrers/<digest>` answers the image index the distribution spec describes (with
 * `artifactType` filtering). Everything else is forwarded unchanged.
 */
export interface ReferrersRegistry {
  host: string;
  /** Referrers queries answered, for assertions that the API (not the fallback tag) was used. */
  queries: string[];
  stop(): Promise<void>;
}

interface Referrer {
  mediaType: string;
  digest: string;
  size: number;
  artifactType: string;
  annotations?: Record<string, string>;
}

export async function startReferrersRegistry(
  target: string,
  options: { pageSize?: number } = {},
): Promise<ReferrersRegistry> {
  const index = new Map<string, Referrer[]>();
  const queries: string[] = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const referrers = /^\/v2\/(.+)\/referrers\/(sha256:[0-9a-f]{64})$/.exec(url.pathname);
    if (req.method === 'GET' && referrers !== null) {
      queries.push(url.pathname + url.search);
      const artifactType = url.searchParams.get('artifactType');
      const all = index.get(`${referrers[1]}@${referrers[2]}`) ?? [];
      const matching = artifactType === null ? all : all.filter((r) => r.artifactType === artifactType);
      // Paged as the distribution spec allows: a `Link: <…>; rel="next"` header names the next page.
      const size = options.pageSize ?? matching.length;
      const from = Number(url.searchParams.get('page') ?? '0');
      const manifests = matching.slice(from, from + Math.max(size, 1));
      const next = new URL(url.pathname + url.search, 'http://x');
      next.searchParams.set('page', String(from + size));
      res
        .writeHead(200, {
          'content-type': 'application/vnd.oci.image.index.v1+json',
          ...(artifactType === null ? {} : { 'oci-filters-applied': 'artifactType' }),
          ...(from + size < matching.length ? { link: `<${next.pathname}${next.search}>; rel="next"` } : {}),
        })
        .end(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.index.v1+json',
            manifests,
          }),
        );
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const upstream = forwardTo(target, req, (up) => {
        const headers = { ...up.headers };
        const put = /^\/v2\/(.+)\/manifests\/[^/]+$/.exec(url.pathname);
        if (req.method === 'PUT' && put !== null && up.statusCode === 201) {
          const subject = record(index, put[1] ?? '', body, String(req.headers['content-type'] ?? ''));
          if (subject !== undefined) headers['oci-subject'] = subject;
        }
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    queries,
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

function record(
  index: Map<string, Referrer[]>,
  name: string,
  body: Buffer,
  contentType: string,
): string | undefined {
  let doc: {
    subject?: { digest?: string };
    artifactType: string;
    config?: { mediaType?: string };
    annotations?: Record<string, string>;
    mediaType?: string;
  };
  try {
    doc = JSON.parse(body.toString('utf8')) as typeof doc;
  } catch {
    return undefined;
  }
  const subject = doc.subject?.digest;
  if (subject === undefined) return undefined;
  const key = `${name}@${subject}`;
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  const list = index.get(key) ?? [];
  if (!list.some((r) => r.digest === digest)) {
    list.push({
      mediaType: doc.mediaType ?? contentType,
      digest,
      size: body.length,
      artifactType: doc.artifactType ?? doc.config?.mediaType ?? 'application/octet-stream',
      ...(doc.annotations ? { annotations: doc.annotations } : {}),
    });
  }
  index.set(key, list);
  return subject;
}
