import type { ActionDeps } from '../action/deps.ts';
import { RegistryClient, type RegistryClientOptions } from './registry-client.ts';
import { CredentialStore } from './registry-credentials.ts';

/**
 * The registry as an action talks to it: credentials found the way skopeo and docker find them (the
 * `auth-file` input first, else REGISTRY_AUTH_FILE, containers' auth.json, Docker's config.json), and a
 * client that verifies TLS unless told not to. One place, so every action logs in the same way.
 */
export function openRegistry(
  deps: Pick<ActionDeps, 'env' | 'runner' | 'logger'>,
  options: { authFile?: string | undefined; tlsVerify: boolean } & Pick<RegistryClientOptions, 'sleep'>,
): RegistryClient {
  const credentials = new CredentialStore({
    env: deps.env,
    runner: deps.runner,
    logger: deps.logger,
    authFile: options.authFile,
  });
  return new RegistryClient({
    logger: deps.logger,
    credentials,
    tlsVerify: options.tlsVerify,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
}
