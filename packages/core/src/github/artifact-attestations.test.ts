// GitHub's refusals as domain errors: a code and the status, no input name (cosign-sign names its input).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../action/logger.ts';
import { storeGitHubAttestation } from './artifact-attestations.ts';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** An API that answers every request with `status`; its URL. */
async function apiAnswering(status: number): Promise<string> {
  server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message: `status ${status}` }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function refusal(status: number): Promise<unknown> {
  const target = { apiUrl: await apiAnswering(status), repository: 'acme/app', token: 't0ken' };
  return storeGitHubAttestation(target, {}, silentLogger, { sleep: async () => {} }).then(
    () => expect.unreachable('GitHub accepted the attestation'),
    (error: unknown) => error,
  );
}

describe('storeGitHubAttestation refusals', () => {
  it.each([
    [401, 'GITHUB_TOKEN_FORBIDDEN'],
    [403, 'GITHUB_TOKEN_FORBIDDEN'],
    [404, 'GITHUB_ATTESTATIONS_UNAVAILABLE'],
  ])('HTTP %i is %s, naming no input', async (status, code) => {
    expect(await refusal(status)).toMatchObject({
      name: 'ConfigurationError',
      code,
      actual: `HTTP ${status}`,
      input: undefined,
    });
  });

  it('HTTP 422 is the API failing (COMMAND_FAILED), not the configuration', async () => {
    expect(await refusal(422)).toMatchObject({ name: 'CommandError', code: 'COMMAND_FAILED' });
  });
});
