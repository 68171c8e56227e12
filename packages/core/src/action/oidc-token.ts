import { DEFAULT_RETRY, isRetryableStatus, withRetries } from '../oci/retry-policy.ts';
import { CommandError, ConfigurationError } from './errors.ts';
import type { Logger } from './logger.ts';

export interface IdToken {
  /** The JWT. Masked as soon as it is received. */
  value: string;
  /** Its claims, decoded without verification: for messages only, never for decisions. */
  claims: Record<string, unknown>;
}

export const ID_TOKEN_PERMISSION_FIX =
  'The job has no GitHub OIDC token. Give it the permission in the workflow:\n' +
  '  permissions:\n    id-token: write   # lets this job request an OIDC token\n    contents: read\n' +
  '(set at the job or workflow level; pull requests from forks never get a token).';

export function decodeJwtClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return {};
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Requests the job's OIDC token for an audience from the runner (ACTIONS_ID_TOKEN_REQUEST_URL with the
 * bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN). Fails at once, with the exact fix, when the job lacks
 * `permissions: id-token: write`.
 */
export async function requestIdToken(
  env: NodeJS.ProcessEnv,
  audience: string,
  logger: Logger,
  fetchImpl: typeof fetch = fetch,
): Promise<IdToken> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) throw new ConfigurationError(ID_TOKEN_PERMISSION_FIX);
  logger.setSecret(bearer);
  const target = new URL(url);
  target.searchParams.set('audience', audience);
  // The one retry rule: 429, 5xx and network failures are retried with backoff; anything else is final.
  const failure = (message: string, transient: boolean) => Object.assign(new Error(message), { transient });
  try {
    return await withRetries(
      async () => {
        let res: Response;
        try {
          res = await fetchImpl(target, {
            headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
            signal: AbortSignal.timeout(30_000),
          });
        } catch (error) {
          throw failure(error instanceof Error ? error.message : String(error), true);
        }
        if (!res.ok) throw failure(`HTTP ${res.status}`, isRetryableStatus(res.status));
        const body = (await res.json().catch(() => ({}))) as { value?: unknown };
        if (typeof body.value !== 'string' || body.value === '')
          throw failure('no token in the answer', false);
        logger.setSecret(body.value);
        return { value: body.value, claims: decodeJwtClaims(body.value) };
      },
      (error) => ({
        transient: (error as { transient?: boolean }).transient === true,
        reason: error instanceof Error ? error.message : String(error),
      }),
      { policy: { ...DEFAULT_RETRY, maxAttempts: 3, baseDelayMs: 500 } },
    );
  } catch (error) {
    throw new CommandError(
      `could not get the job's OIDC token for audience "${audience}" from ${target.origin} (${error instanceof Error ? error.message : String(error)})`,
      { tool: 'GitHub OIDC' },
    );
  }
}
