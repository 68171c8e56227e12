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
  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const res = await fetchImpl(target, {
        headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
        signal: AbortSignal.timeout(30_000),
      });
      if (res.ok) {
        const body = (await res.json()) as { value?: unknown };
        if (typeof body.value !== 'string' || body.value === '') break;
        logger.setSecret(body.value);
        return { value: body.value, claims: decodeJwtClaims(body.value) };
      }
      lastError = `HTTP ${res.status}`;
      if (res.status < 500 && res.status !== 429) break;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (attempt < 3) await new Promise((r) => setTimeout(r, 500 * attempt));
  }
  throw new CommandError(
    `could not get the job's OIDC token for audience "${audience}" (${lastError || 'no token in the answer'})`,
    {
      tool: 'GitHub OIDC',
    },
  );
}
