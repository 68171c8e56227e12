import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fault: an answer instead of the registry's, a connection reset, or (`applied`) the request forwarded and
 * done by the registry, but answered with this status as if it had failed.
 */
export type Fault =
  | { status: number; headers?: Record<string, string>; body?: string; applied?: boolean }
  | 'reset';

/**
 * A plain-HTTP reverse proxy on loopback in front of a registry. `decide` sees each request and may
 * answer with a fault instead of forwarding it. Every request is recorded.
 */
export interface FaultProxy {
  host: string;
  requests: { method: string; url: string; fault?: string }[];
  decide: (req: http.IncomingMessage, index: number) => Fault | undefined;
  stop(): Promise<void>;
}

/**
 * Forwards a request as it came (method, path and headers, with the target's Host) to `target` (host:port)
 * over plain HTTP; the caller sends or pipes the body.
 */
export function forwardTo(
  target: string,
  req: http.IncomingMessage,
  onResponse: (upstream: http.IncomingMessage) => void,
): http.ClientRequest {
  const [host = '127.0.0.1', port = '80'] = target.split(':');
  return http.request(
    {
      host,
      port: Number(port),
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target },
    },
    onResponse,
  );
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const proxy: FaultProxy = {
    host: '',
    requests: [],
    decide: () => undefined,
    stop: async () => {},
  };
  const server = http.createServer((req, res) => {
    const index = proxy.requests.length;
    const fault = proxy.decide(req, index);
    proxy.requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      ...(fault ? { fault: fault === 'reset' ? 'reset' : String(fault.status) } : {}),
    });
    if (fault === 'reset') {
      // Read part of the body, then cut the connection mid-transfer.
      req.once('data', () => req.socket.destroy());
      req.once('end', () => req.socket.destroy());
      return;
    }
    if (fault !== undefined && !fault.applied) {
      req.resume();
      res.writeHead(fault.status, fault.headers ?? {}).end(fault.body ?? '');
      return;
    }
    const upstream = forwardTo(target, req, (up) => {
      if (fault !== undefined) {
        up.resume();
        up.on('end', () => res.writeHead(fault.status, fault.headers ?? {}).end(fault.body ?? ''));
        return;
      }
      const headers = { ...up.headers };
      if (typeof headers.location === 'string')
        headers.location = headers.location.replace(`//${target}`, `//${proxy.host}`);
      res.writeHead(up.statusCode ?? 502, headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  proxy.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return proxy;
}
