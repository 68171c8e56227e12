import { CommandError, ConfigurationError } from '../action/errors.ts';
import type { Logger } from '../action/logger.ts';
import { isRetryableStatus, parseRetryAfter, type RetryOptions, withRetries } from '../oci/retry-policy.ts';

/** Where GitHub's artifact attestations API is, and with which token (the job's, with attestations: write). */
export interface GitHubAttestationsTarget {
  /** GITHUB_API_URL (https://api.github.com, or a GHES /api/v3). */
  apiUrl: string;
  /** owner/name of the repository the attestation is stored for (GITHUB_REPOSITORY). */
  repository: string;
  token: string;
}

interface OctokitFailure {
  status?: number;
  response?: { headers?: Record<string, string | undefined> };
  message?: string;
}

/**
 * Stores a Sigstore bundle (a DSSE in-toto attestation) through GitHub's artifact attestations API,
 * `POST /repos/{owner}/{repo}/attestations` with `{ bundle }`, so that `gh attestation verify oci://…`
 * finds it by the image digest. @octokit/rest is loaded only here, when this is asked for. Throttling and
 * server faults are retried; a refusal names what the job lacks (`GITHUB_TOKEN_FORBIDDEN`: the token's
 * permissions; `GITHUB_ATTESTATIONS_UNAVAILABLE`: the repository's plan or visibility).
 */
export async function storeGitHubAttestation(
  target: GitHubAttestationsTarget,
  bundle: unknown,
  logger: Logger,
  retry: RetryOptions = {},
): Promise<{ id: number }> {
  const [owner, repo, ...rest] = target.repository.split('/');
  if (owner === undefined || repo === undefined || rest.length > 0 || owner === '' || repo === '')
    throw new ConfigurationError(`GITHUB_REPOSITORY "${target.repository}" is not owner/name`);
  logger.setSecret(target.token);
  const { Octokit } = await import('@octokit/rest');
  const octokit = new Octokit({
    auth: target.token,
    baseUrl: target.apiUrl.replace(/\/+$/, ''),
    userAgent: 'container-supply-chain-actions',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const post = () =>
    octokit.request('POST /repos/{owner}/{repo}/attestations', {
      owner,
      repo,
      bundle: bundle as {
        mediaType?: string;
        verificationMaterial?: Record<string, unknown>;
        dsseEnvelope?: Record<string, unknown>;
      },
      headers: { 'x-github-api-version': '2022-11-28' },
    });
  try {
    const response = await withRetries(post, classify, {
      ...retry,
      onRetry: (attempt, delay, reason) =>
        logger.warning(
          `GitHub attestations API: ${reason}; retrying in ${delay} ms (attempt ${attempt + 1})`,
        ),
    });
    const id = (response.data as { id?: unknown }).id;
    if (typeof id !== 'number')
      throw new CommandError('GitHub stored the attestation but returned no id', { tool: 'GitHub API' });
    return { id };
  } catch (error) {
    throw refusal(error as OctokitFailure, target);
  }
}

function classify(error: unknown): { transient: boolean; retryAfterMs?: number | undefined; reason: string } {
  const failure = error as OctokitFailure;
  const status = failure.status;
  if (status === undefined) return { transient: true, reason: failure.message ?? 'network error' };
  return {
    transient: isRetryableStatus(status),
    retryAfterMs: parseRetryAfter(failure.response?.headers?.['retry-after'], Date.now()),
    reason: `HTTP ${status}`,
  };
}

function refusal(failure: OctokitFailure, target: GitHubAttestationsTarget): Error {
  if (failure instanceof CommandError || failure instanceof ConfigurationError) return failure;
  const where = `${target.apiUrl} for ${target.repository}`;
  switch (failure.status) {
    case 401:
    case 403:
      return new ConfigurationError(
        `GitHub refused to store the attestation (HTTP ${failure.status}, ${where}): the job needs "permissions: attestations: write" (with id-token: write), and github-token must be its token`,
        { code: 'GITHUB_TOKEN_FORBIDDEN', actual: `HTTP ${failure.status}` },
      );
    case 404:
      return new ConfigurationError(
        `GitHub has no attestations API for ${target.repository} (HTTP 404, ${where}): the repository is not visible to the token, or artifact attestations are not available on its plan`,
        { code: 'GITHUB_ATTESTATIONS_UNAVAILABLE', actual: 'HTTP 404' },
      );
    case 422:
      return new CommandError(`GitHub rejected the attestation bundle (HTTP 422): ${failure.message ?? ''}`, {
        tool: 'GitHub API',
      });
    default:
      return new CommandError(
        `GitHub attestations API failed (${failure.status === undefined ? failure.message : `HTTP ${failure.status}`}, ${where})`,
        { tool: 'GitHub API' },
      );
  }
}
